using Ingestion.Core.Model;

namespace Ingestion.Core.Extraction;

/// <summary>
/// Working buffers and objects one <see cref="RuleBasedAnalyzer.Analyze"/> call borrows instead of allocating them per
/// article (token lists, the lower-case word set, per-token mention indexes, mentions, clusters and their tables, the
/// article's strings): on text dumps these were most of what extraction allocated.
/// The analyzer is a singleton called from many threads, so each thread keeps its own scratch; <see cref="Rent"/> takes
/// it off the thread (a nested call gets a fresh one) and <see cref="Return"/> gives it back. Nothing in here may be
/// referenced by the analysis that is returned.
/// </summary>
internal sealed class ExtractionScratch
{
    [ThreadStatic] private static ExtractionScratch? perThread;

    /// <summary>
    /// An article bigger than this (a hostile or huge input; DW articles have a few thousand tokens) does not leave its
    /// buffers on the thread, so a thread keeps well under a megabyte.
    /// </summary>
    private const int MaxKeptTokens = 1 << 14, MaxKeptBlocks = 1 << 10, MaxKeptMentions = 1 << 12;

    // ArticleText: the blocks, their tokens, the words seen in lower case, the article's strings.
    public readonly List<ArticleText.BlockText> Blocks = [];
    private readonly Pool<List<Token>> tokenLists = new(() => [], l => l.Clear());
    private int tokens;
    public readonly HashSet<int> LowerWords = [];
    private readonly Dictionary<string, string> strings = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> stringsBySpan;

    // EntityExtractor: mentions, clusters and the clustering tables.
    public readonly List<Mention> Mentions = [];
    private readonly Pool<Mention> mentions = new(() => new Mention(), m => m.Reset());
    public readonly List<Cluster> Clusters = [];
    private readonly Pool<Cluster> clusters = new(() => new Cluster(), c => c.Reset());
    /// <summary>One case-insensitive name table per <see cref="EntityType"/>.</summary>
    public readonly Dictionary<string, Cluster>[] ClustersByName = [.. Enumerable.Range(0, 5).Select(_ => new Dictionary<string, Cluster>(StringComparer.OrdinalIgnoreCase))];
    public readonly Dictionary<string, Cluster> Acronyms = new(StringComparer.Ordinal);
    public readonly Dictionary<string, Cluster> Initials = new(StringComparer.Ordinal);
    public readonly Dictionary<long, Mention> MentionsByEnd = [];
    public readonly Dictionary<string, List<Cluster>> ClustersByWord = new(StringComparer.Ordinal);
    private readonly Pool<List<Cluster>> clusterLists = new(() => [], l => l.Clear());
    public readonly List<Cluster> Pairwise = [];
    private int[] mentionEnds = [], mentionStarts = [];

    // QuoteAttributor's look-ups.
    public readonly List<Mention> PersonMentions = [];
    public readonly Dictionary<string, Cluster> PersonsByName = new(StringComparer.Ordinal);

    // RuleBasedAnalyzer's results, copied out before the scratch is returned.
    public readonly List<Quote> Quotes = [];
    public readonly List<Entity> Entities = [];
    public readonly List<string> Aliases = [];
    public readonly HashSet<string> AliasSet = new(StringComparer.Ordinal);

    public ExtractionScratch() => stringsBySpan = strings.GetAlternateLookup<ReadOnlySpan<char>>();

    public static ExtractionScratch Rent()
    {
        var scratch = perThread ?? new ExtractionScratch();
        perThread = null;
        return scratch;
    }

    public static void Return(ExtractionScratch scratch)
    {
        if (scratch.tokens > MaxKeptTokens || scratch.tokenLists.Used > MaxKeptBlocks || scratch.mentions.Used > MaxKeptMentions) return;
        scratch.Clear();
        perThread = scratch;
    }

    /// <summary>An empty token list for the next block, with room for <paramref name="capacity"/> tokens.</summary>
    public List<Token> TokenList(int capacity)
    {
        var list = tokenLists.Next();
        list.EnsureCapacity(capacity);
        return list;
    }

    /// <summary>An empty list for <see cref="ClustersByWord"/>.</summary>
    public List<Cluster> ClusterList() => clusterLists.Next();

    /// <summary>A mention as new (the article's mentions are made anew for every article, the objects are not).</summary>
    public Mention NewMention() => mentions.Next();

    public Cluster NewCluster() => clusters.Next();

    /// <summary>Two buffers of at least <paramref name="length"/> ints for the mention index per token (contents undefined).</summary>
    public (int[] Ends, int[] Starts) MentionIndexes(int length)
    {
        if (mentionEnds.Length < length) (mentionEnds, mentionStarts) = (new int[length], new int[length]);
        return (mentionEnds, mentionStarts);
    }

    /// <summary>
    /// The text as a string, one instance per distinct text in an article: names recur (a surname ten times), so
    /// mention surfaces and words are made once each.
    /// </summary>
    public string String(ReadOnlySpan<char> text)
    {
        if (!stringsBySpan.TryGetValue(text, out var s))
        {
            s = text.ToString();
            strings.Add(s, s);
        }
        return s;
    }

    /// <summary>Counts tokens so that <see cref="Return"/> can tell an oversized article.</summary>
    public void Tokenized(int count) => tokens += count;

    private void Clear()
    {
        Blocks.Clear();
        tokenLists.Release();
        tokens = 0;
        LowerWords.Clear();
        strings.Clear();

        Mentions.Clear();
        mentions.Release();
        Clusters.Clear();
        clusters.Release();
        foreach (var table in ClustersByName) table.Clear();
        Acronyms.Clear();
        Initials.Clear();
        MentionsByEnd.Clear();
        ClustersByWord.Clear();
        clusterLists.Release();
        Pairwise.Clear();

        PersonMentions.Clear();
        PersonsByName.Clear();

        Quotes.Clear();
        Entities.Clear();
        Aliases.Clear();
        AliasSet.Clear();
    }

    /// <summary>Objects handed out one after the other during an article and all taken back (reset) after it.</summary>
    private sealed class Pool<T>(Func<T> create, Action<T> reset)
    {
        private readonly List<T> items = [];

        /// <summary>How many the current article took.</summary>
        public int Used { get; private set; }

        public T Next()
        {
            if (Used == items.Count) items.Add(create());
            return items[Used++];
        }

        public void Release()
        {
            for (var i = 0; i < Used; i++) reset(items[i]);
            Used = 0;
        }
    }
}
