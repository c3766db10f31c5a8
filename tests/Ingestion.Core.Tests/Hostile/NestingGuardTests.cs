using System.Text;
using Ingestion.Core.Cleaning;

namespace Ingestion.Core.Tests.Hostile;

public class NestingGuardTests
{
    [Fact]
    public void Unclosed_paragraphs_and_list_items_are_not_flattened()
    {
        var sb = new StringBuilder("<html><body><div class=\"x\">");
        for (var i = 0; i < 3000; i++) sb.Append("<p>Paragraph number ").Append(i).Append(" of a long page");
        var html = sb.ToString();
        Assert.Same(html, NestingGuard.Limit(html, out var dropped));
        Assert.Equal(0, dropped);
    }

    [Fact]
    public void Deep_divs_are_cut_at_the_limit_and_keep_their_text()
    {
        var html = string.Concat(Enumerable.Repeat("<div>", 5000)) + "deep text" + string.Concat(Enumerable.Repeat("</div>", 5000));
        var limited = NestingGuard.Limit(html, out var dropped);
        Assert.Equal(5000 - NestingGuard.MaxDepth, dropped);
        Assert.Contains("deep text", limited);
    }
}
