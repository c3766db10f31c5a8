using System.Reflection;
using System.Text.RegularExpressions;
using Ingestion.Core.Cleaning;

namespace Ingestion.Core.Tests.Hostile;

/// <summary>
/// Every regular expression in the core library sees untrusted input, so each must be NonBacktracking or carry a
/// match timeout; and the known catastrophic shapes must run through each one quickly.
/// </summary>
public class RegexAuditTests
{
    private static IEnumerable<(string Name, Regex Regex)> AllRegexes()
    {
        var assembly = typeof(ArticleProcessor).Assembly;
        const BindingFlags all = BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic;
        foreach (var type in assembly.GetTypes())
        {
            foreach (var method in type.GetMethods(all).Where(m => m.ReturnType == typeof(Regex) && m.GetParameters().Length == 0 && !m.ContainsGenericParameters))
                yield return ($"{type.FullName}.{method.Name}()", (Regex)method.Invoke(null, null)!);
            foreach (var field in type.GetFields(all).Where(f => f.FieldType == typeof(Regex) && !type.ContainsGenericParameters))
                if (field.GetValue(null) is Regex regex) yield return ($"{type.FullName}.{field.Name}", regex);
            foreach (var property in type.GetProperties(all).Where(p => p.PropertyType == typeof(Regex) && p.GetIndexParameters().Length == 0 && !type.ContainsGenericParameters))
                if (property.GetValue(null) is Regex regex) yield return ($"{type.FullName}.{property.Name}", regex);
        }
    }

    [Fact]
    public void Every_regex_is_non_backtracking_or_time_limited()
    {
        var unsafeOnes = AllRegexes()
            .Where(r => !r.Regex.Options.HasFlag(RegexOptions.NonBacktracking) && r.Regex.MatchTimeout == Regex.InfiniteMatchTimeout)
            .Select(r => r.Name)
            .ToList();
        Assert.Empty(unsafeOnes);
    }

    public static TheoryData<string> CatastrophicShapes => new()
    {
        new string('a', 100_000) + "!",
        string.Concat(Enumerable.Repeat("a ", 50_000)) + "\u0000",
        new string(' ', 100_000) + "x",
        string.Concat(Enumerable.Repeat("\"a", 50_000)),
        string.Concat(Enumerable.Repeat("Image: ", 20_000)),
        string.Concat(Enumerable.Repeat("1. ", 30_000)),
        string.Concat(Enumerable.Repeat("A/", 50_000)),
        string.Concat(Enumerable.Repeat("(AP, ", 20_000)),
        new string('\n', 100_000),
        string.Concat(Enumerable.Repeat("Ab ", 40_000)),
    };

    /// <summary>
    /// The shapes that make backtracking matchers explode, through every regex and through the whole processor.
    /// The bound is a hang detector (minutes would mean exponential work), not a speed target.
    /// </summary>
    [Theory]
    [MemberData(nameof(CatastrophicShapes))]
    public void Catastrophic_shapes_finish_in_every_regex_and_in_the_processor(string input)
    {
        foreach (var (name, regex) in AllRegexes())
        {
            var watch = System.Diagnostics.Stopwatch.StartNew();
            try
            {
                _ = regex.Count(input);
            }
            catch (RegexMatchTimeoutException)
            {
                // A timeout is the designed outcome for a time-limited regex: the caller treats it as no match.
            }
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(30), $"{name} took {watch.Elapsed.TotalSeconds:0.0} s");
        }

        var total = System.Diagnostics.Stopwatch.StartNew();
        try
        {
            ArticleProcessor.CreateDefault().Process("shape.txt", System.Text.Encoding.UTF8.GetBytes("A title\n\n" + input));
        }
        catch (Input.ArticleRejectedException)
        {
        }
        Assert.True(total.Elapsed < TimeSpan.FromSeconds(30), $"processing took {total.Elapsed.TotalSeconds:0.0} s");
    }
}

public class NoRegexTests
{
    [Fact]
    public void Cleaning_code_holds_no_regular_expressions_over_input()
    {
        // the cleaner matches with hand-written linear scans; a Regex here would need [GeneratedRegex] with
        // NonBacktracking or a timeout, and a test of its own against catastrophic input
        var types = typeof(DwArticleCleaner).Assembly.GetTypes().Where(t => t.Namespace == typeof(DwArticleCleaner).Namespace);
        foreach (var t in types)
            foreach (var f in t.GetFields(System.Reflection.BindingFlags.Static | System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.NonPublic))
                Assert.False(typeof(System.Text.RegularExpressions.Regex).IsAssignableFrom(f.FieldType), $"{t.Name}.{f.Name} is a Regex");
        Assert.NotEmpty(types);
    }
}
