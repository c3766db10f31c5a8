using System.Collections.Frozen;

namespace Ingestion.Core.Cleaning;

/// <summary>
/// Case-insensitive "does the line start with one of these strings" over a few hundred UI strings, answered by looking
/// only at the strings that share the line's first letter.
/// </summary>
internal sealed class PrefixIndex
{
    private readonly FrozenDictionary<char, string[]> _byFirst;

    public PrefixIndex(IEnumerable<string> items)
    {
        var d = new Dictionary<char, List<string>>();
        foreach (var s in items)
        {
            if (s.Length == 0) continue;
            var k = char.ToUpperInvariant(s[0]);
            if (!d.TryGetValue(k, out var list)) d[k] = list = [];
            if (!list.Contains(s, StringComparer.OrdinalIgnoreCase)) list.Add(s);
        }
        // longest first, so the most specific entry wins
        _byFirst = d.ToFrozenDictionary(kv => kv.Key, kv => kv.Value.OrderByDescending(x => x.Length).ToArray());
        All = [.. d.Values.SelectMany(x => x)];
    }

    public string[] All { get; }

    /// <summary>The entries the line starts with (ignoring case), longest first.</summary>
    public ReadOnlySpan<string> Candidates(string line) =>
        line.Length > 0 && _byFirst.TryGetValue(char.ToUpperInvariant(line[0]), out var list) ? list : [];
}
