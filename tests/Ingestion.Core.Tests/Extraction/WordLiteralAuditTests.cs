using System.Text.RegularExpressions;

namespace Ingestion.Core.Tests.Extraction;

/// <summary>
/// Language knowledge is data (<c>Data/extraction/&lt;lang&gt;/</c>, read by <c>LanguageProfile</c>), not code: no file under
/// <c>src/Ingestion.Core/Extraction</c> may hold a list of three or more word literals ("has" or "had" or "have",
/// ["of", "for", "on"]). Punctuation literals (".", "!", "?") are not words.
/// </summary>
public partial class WordLiteralAuditTests
{
    [Fact]
    public void Extraction_code_holds_no_lists_of_word_literals()
    {
        var root = RepositoryRoot();
        var folder = Path.Combine(root, "src", "Ingestion.Core", "Extraction");
        var files = Directory.GetFiles(folder, "*.cs", SearchOption.AllDirectories);
        Assert.True(files.Length >= 10, $"expected the extraction sources under {folder}");

        var found = files.SelectMany(f => WordLiteralLists(File.ReadAllText(f)).Select(l => $"{Path.GetRelativePath(root, f)}: {l}")).ToList();

        Assert.True(found.Count == 0, "move these word lists into Data/extraction/<lang>/:\n" + string.Join("\n", found));
    }

    [Theory]
    [InlineData("""if (w is "has" or "had" or "have") k--;""", 1)]
    [InlineData("""private static readonly string[] Nouns = ["statement", "report", "letter"];""", 1)]
    [InlineData("""if (x == "he" || x == "she" || x == "they") return;""", 1)]
    [InlineData("""if (w is "." or "!" or "?") break; // "one" or "two" or "three" """, 0)]
    [InlineData("""var a = "of"; var b = "for"; var c = "on";""", 0)]
    [InlineData("""/* "a" or "b" or "c" */ if (w is "of" or "for") return;""", 0)]
    public void The_audit_finds_word_lists_and_only_those(string code, int lists) =>
        Assert.Equal(lists, WordLiteralLists(code).Count);

    /// <summary>Runs of three or more word literals separated only by ",", "or", "||" (optionally "x ==").</summary>
    internal static List<string> WordLiteralLists(string code)
    {
        var text = Comments().Replace(code, m => m.Value.StartsWith('"') ? m.Value : " ");
        var lists = new List<string>();
        var run = new List<Match>();
        Match? previous = null;
        foreach (Match literal in Literal().Matches(text))
        {
            var joined = previous is not null && Separator().IsMatch(text[(previous.Index + previous.Length)..literal.Index]);
            var isWord = literal.Groups["body"].Value.Any(char.IsLetter);
            if (!joined || !isWord) Flush();
            if (isWord) run.Add(literal);
            previous = literal;
        }
        Flush();
        return lists;

        void Flush()
        {
            if (run.Count >= 3) lists.Add(string.Join(" ", run.Select(m => m.Value)));
            run.Clear();
        }
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Ingestion.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("repository root not found");
    }

    /// <summary>String literals (kept) and comments (blanked), in one pass so that "//" inside a string is no comment.</summary>
    [GeneratedRegex(@"""(?:[^""\\\n]|\\.)*""|//[^\n]*|/\*.*?\*/", RegexOptions.Singleline)]
    private static partial Regex Comments();

    [GeneratedRegex(@"(?<![\w$@])""(?<body>(?:[^""\\\n]|\\.)*)""")]
    private static partial Regex Literal();

    [GeneratedRegex(@"^\s*(?:,|or|\|\|(?:\s*[\w.\[\]()]+\s*==)?)\s*$")]
    private static partial Regex Separator();
}
