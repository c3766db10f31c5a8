using System.Text;
using Ingestion.Core.Input;
using Ingestion.Core.Model;

namespace Ingestion.Core.Tests;

public class InputTests
{
    [Fact]
    public void Id_is_stable_and_depends_only_on_the_name()
    {
        var a = ArticleIdentity.IdFromName("folder/000_4cf934df87468c23.txt");
        Assert.Equal(a, ArticleIdentity.IdFromName("/folder/000_4cf934df87468c23.txt"));
        Assert.Equal(a, ArticleIdentity.IdFromName("folder\\000_4cf934df87468c23.txt"));
        Assert.NotEqual(a, ArticleIdentity.IdFromName("other/000_4cf934df87468c23.txt"));
        Assert.True(ArticleIdentity.IsValidId(a));
    }

    [Theory]
    [InlineData(new byte[0], RejectionKind.Empty)]
    [InlineData(new byte[] { 0x20, 0x0A, 0x09 }, RejectionKind.Empty)]
    [InlineData(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D }, RejectionKind.Binary)]
    [InlineData(new byte[] { 0x41, 0xC3, 0x28, 0x42 }, RejectionKind.InvalidEncoding)]
    public void Unusable_bytes_are_rejected_with_a_reason(byte[] bytes, RejectionKind kind)
    {
        var e = Assert.Throws<ArticleRejectedException>(() => ArticleInput.Decode("x.txt", bytes));
        Assert.Equal(kind, e.Kind);
        Assert.False(string.IsNullOrWhiteSpace(e.Message));
    }

    [Fact]
    public void Oversize_input_is_rejected_before_decoding()
    {
        var e = Assert.Throws<ArticleRejectedException>(() => ArticleInput.Decode("x.txt", new byte[101], maxBytes: 100));
        Assert.Equal(RejectionKind.TooLarge, e.Kind);
    }

    [Fact]
    public void Utf16_with_bom_is_decoded()
    {
        var bytes = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("Title\n\nBody „quoted“")).ToArray();
        var input = ArticleInput.Decode("a.txt", bytes);
        Assert.Equal("Title\n\nBody „quoted“", input.Text);
    }

    [Theory]
    [InlineData("a.txt", "<!DOCTYPE html><html></html>", ArticleFormat.Html)]
    [InlineData("a.html", "plain words", ArticleFormat.Text)]
    [InlineData("a.html", "Intro <b>bold</b>", ArticleFormat.Html)]
    [InlineData("a.txt", "Intro <b>bold</b>", ArticleFormat.Text)]
    [InlineData("a.txt", "  {\"title\": 1}", ArticleFormat.Json)]
    [InlineData("a.json", "Title line", ArticleFormat.Text)]
    [InlineData("a", "Title line\nBody", ArticleFormat.Text)]
    public void Format_is_told_by_content_and_the_extension_only_tips_markup(string name, string text, ArticleFormat expected) =>
        Assert.Equal(expected, ArticleInput.DetectFormat(name, text));
}
