using System.Text;
using CsCheck;
using Ingestion.Core.Input;
using Ingestion.Core.Json;
using Ingestion.Core.Model;

namespace Ingestion.Core.Tests.Properties;

/// <summary>
/// Properties of the whole processor on generated DW-like text dumps: it never throws anything but a rejection,
/// never invents words, and its quotes are spans of the article. The iteration count comes from
/// FUZZ_ITERATIONS (default 2,000 for CI); the long campaign is `FUZZ_ITERATIONS=1000000 dotnet test
/// tests/Ingestion.Core.Tests --filter FullyQualifiedName~Properties`.
/// </summary>
public class PropertyTests
{
    private static readonly long Iterations =
        long.TryParse(Environment.GetEnvironmentVariable("FUZZ_ITERATIONS"), out var n) && n > 0 ? n : 2_000;

    /// <summary>Lines a DW text dump is made of: chrome the cleaner must drop and prose it must keep.</summary>
    private static readonly string[] Lines =
    [
        "1. Skip to content", "2. Skip to main menu", "3. Skip to more DW sites", "  1. Zum Inhalt springen",
        "February 4, 2022", "30. Januar 2024", "18 ноября 2021 г.", "46 minutes ago", "Advertisement",
        "The two leaders met in BeijingImage: Alexei Druzhinin/Sputnik/AP", "Bild: picture alliance/dpa",
        "es/msh (AP, AFP, Reuters)", "Edited by: Jane Doe", "Send us your feedback", "Related topics", "Show more stories",
        "What did they say?", "Highest-profile guest at the Games",
        "Russian President Vladimir Putin arrived in Beijing on Friday to attend the Games.",
        "\"They are of a truly unprecedented nature,\" the Russian leader said.",
        "Chancellor Olaf Scholz said he would not visit China during the Games.",
        "„Wir werden das prüfen“, sagte die Ministerin in Berlin.",
        "According to the ministry, the talks will continue next week.",
        "The European Union (EU) and NATO criticized the move, calling it 'a green light'.",
        "Foreign Minister Annalena Baerbock told reporters: “We stand with Ukraine.”",
        "Il a déclaré : « Nous verrons. »", "", "", "\u00A0",
    ];

    private static readonly Gen<string> Dumps =
        Gen.Int[0, Lines.Length - 1].Array[1, 40].Select(ix => string.Join("\n\n", ix.Select(i => Lines[i])));

    private static HashSet<string> Words(string text)
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        var sb = new StringBuilder();
        foreach (var c in text.Normalize(NormalizationForm.FormKC))
        {
            if (char.IsLetterOrDigit(c)) sb.Append(char.ToLowerInvariant(c));
            else if (sb.Length > 0) { words.Add(sb.ToString()); sb.Clear(); }
        }
        if (sb.Length > 0) words.Add(sb.ToString());
        return words;
    }

    private static ArticleDocument? TryProcess(string text)
    {
        try
        {
            return ArticleProcessor.CreateDefault().Process("generated.txt", Encoding.UTF8.GetBytes(text));
        }
        catch (ArticleRejectedException e)
        {
            Assert.False(string.IsNullOrWhiteSpace(e.Message));
            return null;
        }
    }

    [Fact]
    public void Nothing_is_invented_and_quotes_are_spans_of_the_article()
    {
        Dumps.Sample(text =>
        {
            var doc = TryProcess(text);
            if (doc is null) return true;
            var input = Words(text);
            var output = string.Join("\n", new[] { doc.Title ?? "", doc.Lead }.Concat(doc.Body.Select(b => b.Text)));
            var invented = Words(output).Where(w => !input.Contains(w)).ToList();
            var articleText = output.Normalize(NormalizationForm.FormKC);
            var quotesInside = doc.Quotes.All(q => q.Text.Length > 0 && articleText.Contains(q.Text.Normalize(NormalizationForm.FormKC), StringComparison.Ordinal));
            return invented.Count == 0 && quotesInside;
        }, iter: Iterations);
    }

    [Fact]
    public void Random_bytes_are_an_article_or_a_rejection()
    {
        Gen.Byte.Array[0, 2_000].Sample(bytes =>
        {
            try
            {
                ArticleProcessor.CreateDefault().Process("random.bin", bytes);
            }
            catch (ArticleRejectedException)
            {
            }
        }, iter: Iterations);
    }

    /// <summary>Cleaning is idempotent on what it produces: clean text in, the same article out.</summary>
    [Theory]
    [InlineData("000_4cf934df87468c23.txt")]
    [InlineData("dw/pc-010.txt")]
    [InlineData("dw/pc-015.txt")]
    [InlineData("dw/pc-024.txt")]
    [InlineData("dw/tf-colonial.html")]
    [InlineData("dw/fundus-postvac.html")]
    public void Cleaning_clean_output_changes_nothing(string fixture)
    {
        var processor = ArticleProcessor.CreateDefault();
        var first = processor.Process(Path.GetFileName(fixture), File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Fixtures", fixture)));
        var rendered = string.Join("\n\n", new[] { first.Title!, first.Lead }.Where(s => !string.IsNullOrEmpty(s)).Concat(first.Body.Select(b => b.Text)));

        var second = processor.Process("clean.txt", Encoding.UTF8.GetBytes(rendered));

        Assert.Equal(first.Title, second.Title);
        Assert.Equal(
            new[] { first.Lead }.Concat(first.Body.Select(b => b.Text)).Where(s => s.Length > 0),
            new[] { second.Lead }.Concat(second.Body.Select(b => b.Text)).Where(s => s.Length > 0));
    }
}
