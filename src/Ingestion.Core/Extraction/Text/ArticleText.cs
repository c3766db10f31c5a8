namespace Ingestion.Core.Extraction;

/// <summary>An article as tokenized blocks (title, lead, body), with its quotes found. One per Analyze call; its token
/// lists and word set live in the call's <see cref="ExtractionScratch"/>.</summary>
internal sealed class ArticleText
{
    /// <summary>A block to analyze: the first <paramref name="Length"/> chars of <paramref name="Text"/>.</summary>
    public readonly record struct BlockText(string Text, int Length, bool Headline);

    public const int PositionShift = 24;

    /// <summary>The blocks' texts; a block may end before its string does (a signature cut off): see <see cref="Block"/>.</summary>
    public readonly string[] Blocks;
    private readonly int[] lengths;
    /// <summary>Title and headings: capitals there do not mark names.</summary>
    public readonly bool[] Headline;
    public readonly List<Token>[] Tokens;
    /// <summary>Headline Case ("Russia And China Criticize NATO"): capitals there say nothing about names.</summary>
    public readonly bool[] TitleCase;
    public readonly List<QuoteSpan> Quotes = [];
    /// <summary>Hashes of the words seen in lower case (hashes, not strings: no allocation per word).</summary>
    private readonly HashSet<int> lowerWords;
    public readonly ExtractionScratch Scratch;

    public ArticleText(IReadOnlyList<BlockText> blocks, ExtractionScratch scratch, TokenizerRules rules)
    {
        Scratch = scratch;
        Blocks = new string[blocks.Count];
        lengths = new int[blocks.Count];
        Headline = new bool[blocks.Count];
        for (var b = 0; b < blocks.Count; b++) (Blocks[b], lengths[b], Headline[b]) = blocks[b];
        Tokens = new List<Token>[Blocks.Length];
        TitleCase = new bool[Blocks.Length];
        long chars = 0;
        foreach (var length in lengths) chars += length;
        lowerWords = scratch.LowerWords;
        lowerWords.EnsureCapacity((int)Math.Min(chars / 12 + 16, 1 << 16));
        for (var b = 0; b < Blocks.Length; b++)
        {
            var list = scratch.TokenList(Math.Min(lengths[b] / 5 + 4, 1 << 20));
            Tokenizer.Tokenize(Block(b), list, rules);
            scratch.Tokenized(list.Count);
            Tokens[b] = list;
            if (Headline[b])
            {
                int words = 0, caps = 0;
                foreach (var t in list)
                {
                    if (t.Kind != TokKind.Word || t.End - t.Start < 4) continue;
                    words++;
                    if (t.Cap) caps++;
                }
                TitleCase[b] = words >= 3 && caps * 4 >= words * 3;
            }
            foreach (var t in list)
                if (t.Kind == TokKind.Word && !t.Cap && char.IsLower(Blocks[b][t.Start]))
                    lowerWords.Add(Hash(Blocks[b].AsSpan(t.Start, t.End - t.Start)));
        }
        for (var b = 0; b < Blocks.Length; b++)
        {
            var nextOpens = b + 1 < Blocks.Length && Tokens[b + 1].Count > 0 && Tokens[b + 1][0].Kind == TokKind.Quote && Tokens[b + 1][0].DoubleMark;
            QuoteFinder.Find(Block(b), Tokens[b], b, nextOpens, Quotes);
        }
    }

    /// <summary>The text of block <paramref name="b"/>, to its end.</summary>
    public ReadOnlySpan<char> Block(int b) => Blocks[b].AsSpan(0, lengths[b]);

    public ReadOnlySpan<char> Span(int block, int token)
    {
        ref readonly var t = ref System.Runtime.InteropServices.CollectionsMarshal.AsSpan(Tokens[block])[token];
        return Blocks[block].AsSpan(t.Start, t.End - t.Start);
    }

    /// <summary>Tokens <paramref name="from"/> to <paramref name="to"/> (exclusive) with the text between them.</summary>
    public ReadOnlySpan<char> Span(int block, int from, int to)
    {
        var toks = Tokens[block];
        return Blocks[block].AsSpan()[toks[from].Start..toks[to - 1].End];
    }

    public string Text(int block, int token) => Scratch.String(Span(block, token));

    public string Text(int block, int from, int to) => Scratch.String(Span(block, from, to));

    private int sportsCues = -1;

    /// <summary>
    /// A match report or a sports story: at least <see cref="LanguageProfile.SportsCueCount"/> of the profile's sports
    /// words ("Bundesliga", "striker", "relegation") and scores ("2-1") in the article. Counted once.
    /// </summary>
    public bool IsAboutSport(LanguageProfile profile)
    {
        if (sportsCues < 0)
        {
            var n = 0;
            for (var b = 0; b < Blocks.Length && n < profile.SportsCueCount; b++)
            {
                var toks = Tokens[b];
                for (var k = 0; k < toks.Count && n < profile.SportsCueCount; k++)
                {
                    var t = toks[k];
                    if (t.Kind == TokKind.Word && profile.SportsCues.Contains(Span(b, k))) n++;
                    else if (t.Kind == TokKind.Number && IsScore(Span(b, k))) n++;
                }
            }
            sportsCues = n;
        }
        return sportsCues >= profile.SportsCueCount;
    }

    /// <summary>"2-1", "0-0": digits, a hyphen, digits.</summary>
    private static bool IsScore(ReadOnlySpan<char> s)
    {
        var dash = s.IndexOf('-');
        if (dash <= 0 || dash >= s.Length - 1 || s.Length > 5) return false;
        foreach (var c in s[..dash]) if (!char.IsAsciiDigit(c)) return false;
        foreach (var c in s[(dash + 1)..]) if (!char.IsAsciiDigit(c)) return false;
        return true;
    }

    /// <summary>A mention's token texts, made only for the mentions that give a cluster its words (then kept on the mention).</summary>
    public string[] WordsOf(Mention m)
    {
        if (m.Words is { } words) return words;
        words = new string[m.WordCount];
        for (var i = 0; i < words.Length; i++) words[i] = Text(m.Block, m.TokStart + i);
        return m.Words = words;
    }

    /// <summary>As <see cref="NameShapes.Fold"/>; ASCII is lowered on the stack and the result kept in the article's string table.</summary>
    public string FoldWord(string s)
    {
        if (s.Length > 256 || !System.Text.Ascii.IsValid(s)) return NameShapes.Fold(s);
        Span<char> lower = stackalloc char[s.Length];
        System.Text.Ascii.ToLower(s, lower, out _);
        return lower.SequenceEqual(s) ? s : Scratch.String(lower);
    }

    /// <summary>True when the word occurs somewhere in the article in lower case (so a capital may only mean sentence start).</summary>
    public bool SeenLower(ReadOnlySpan<char> word)
    {
        if (word.Length == 0) return false;
        Span<char> buffer = word.Length <= 64 ? stackalloc char[word.Length] : new char[word.Length];
        // ASCII words (most of them) are lowered without the culture tables
        if (System.Text.Ascii.IsValid(word)) System.Text.Ascii.ToLower(word, buffer, out _);
        else word.ToLowerInvariant(buffer);
        return lowerWords.Contains(Hash(buffer));
    }

    /// <summary>FNV-1a: cheap and good enough for a per-article set of words (a collision only makes a capital look ordinary).</summary>
    private static int Hash(ReadOnlySpan<char> s)
    {
        var h = 2166136261u;
        foreach (var c in s) h = (h ^ c) * 16777619u;
        return (int)h;
    }

    public static long Position(int block, int token) => ((long)block << PositionShift) + token;
}
