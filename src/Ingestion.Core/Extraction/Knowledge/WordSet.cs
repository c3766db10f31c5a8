using System.Collections.Frozen;

namespace Ingestion.Core.Extraction;

/// <summary>
/// A read-only set of words asked with spans, so that a look-up allocates nothing. Small sets are frozen (fastest to
/// read); the big generated lists (a hundred thousand English words) are hash sets, which build several times faster,
/// so that loading them does not slow every process start.
/// </summary>
internal sealed class WordSet
{
    /// <summary>Above this many entries building a frozen set costs more at start-up than its faster reads repay.</summary>
    internal const int FrozenUpTo = 4096;

    public static readonly WordSet Empty = new([]);

    private readonly IReadOnlySet<string> words;
    private readonly Func<ReadOnlySpan<char>, bool> contains;

    public WordSet(IEnumerable<string> words, StringComparer? comparer = null)
    {
        var set = new HashSet<string>(words, comparer ?? StringComparer.Ordinal);
        if (set.Count <= FrozenUpTo)
        {
            var frozen = set.ToFrozenSet(set.Comparer);
            var lookup = frozen.GetAlternateLookup<ReadOnlySpan<char>>();
            this.words = frozen;
            contains = w => lookup.Contains(w);
        }
        else
        {
            var lookup = set.GetAlternateLookup<ReadOnlySpan<char>>();
            this.words = set;
            contains = w => lookup.Contains(w);
        }
    }

    public int Count => words.Count;

    public bool Contains(ReadOnlySpan<char> word) => contains(word);

    public IEnumerable<string> Words => words;
}

/// <summary>A read-only dictionary keyed by words, asked with spans (frozen when small, as <see cref="WordSet"/>).</summary>
internal sealed class WordMap<T>
{
    public static readonly WordMap<T> Empty = new(new Dictionary<string, T>());

    private readonly IReadOnlyDictionary<string, T> map;
    private readonly FrozenDictionary<string, T>.AlternateLookup<ReadOnlySpan<char>> frozen;
    private readonly Dictionary<string, T>.AlternateLookup<ReadOnlySpan<char>> hashed;
    private readonly bool isFrozen;

    public WordMap(IDictionary<string, T> entries, StringComparer? comparer = null)
    {
        var dictionary = new Dictionary<string, T>(entries, comparer ?? StringComparer.Ordinal);
        isFrozen = dictionary.Count <= WordSet.FrozenUpTo;
        if (isFrozen)
        {
            var f = dictionary.ToFrozenDictionary(dictionary.Comparer);
            frozen = f.GetAlternateLookup<ReadOnlySpan<char>>();
            map = f;
        }
        else
        {
            hashed = dictionary.GetAlternateLookup<ReadOnlySpan<char>>();
            map = dictionary;
        }
    }

    public int Count => map.Count;

    public IEnumerable<string> Keys => map.Keys;

    public bool ContainsKey(ReadOnlySpan<char> word) => isFrozen ? frozen.ContainsKey(word) : hashed.ContainsKey(word);

    public bool TryGetValue(ReadOnlySpan<char> word, out T value) =>
        isFrozen ? frozen.TryGetValue(word, out value!) : hashed.TryGetValue(word, out value!);
}
