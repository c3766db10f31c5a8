using System.Collections.Frozen;

namespace Ingestion.Core.Extraction;

/// <summary>A frozen set of words asked with spans, so that a look-up allocates nothing.</summary>
internal sealed class WordSet
{
    public static readonly WordSet Empty = new([]);

    private readonly FrozenSet<string> words;
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> lookup;

    public WordSet(IEnumerable<string> words, StringComparer? comparer = null)
    {
        this.words = words.ToFrozenSet(comparer ?? StringComparer.Ordinal);
        lookup = this.words.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public int Count => words.Count;

    public bool Contains(ReadOnlySpan<char> word) => lookup.Contains(word);

    public IEnumerable<string> Words => words;
}

/// <summary>A frozen dictionary keyed by words, asked with spans.</summary>
internal sealed class WordMap<T>
{
    public static readonly WordMap<T> Empty = new(new Dictionary<string, T>());

    private readonly FrozenDictionary<string, T> map;
    private readonly FrozenDictionary<string, T>.AlternateLookup<ReadOnlySpan<char>> lookup;

    public WordMap(IDictionary<string, T> entries, StringComparer? comparer = null)
    {
        map = entries.ToFrozenDictionary(comparer ?? StringComparer.Ordinal);
        lookup = map.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public int Count => map.Count;

    public IEnumerable<string> Keys => map.Keys;

    public bool ContainsKey(ReadOnlySpan<char> word) => lookup.ContainsKey(word);

    public bool TryGetValue(ReadOnlySpan<char> word, out T value) => lookup.TryGetValue(word, out value!);
}
