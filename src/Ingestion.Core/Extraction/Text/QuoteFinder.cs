namespace Ingestion.Core.Extraction;

/// <summary>A quotation found in one block: the tokens of its marks and what lies between them.</summary>
internal sealed class QuoteSpan
{
    public int Block;
    /// <summary>Position in the article's quote list.</summary>
    public int Index;
    /// <summary>Token index of the opening mark.</summary>
    public int Open;
    /// <summary>Token index of the closing mark; the block's token count when the quote runs to the block's end; the first
    /// token after the quote when its closing mark was lost (see <see cref="QuoteFinder"/>).</summary>
    public int Close;
    public int TextStart;
    public int TextEnd;
    /// <summary>Unclosed at the block's end and the next block opens with a quote mark: one quote over several paragraphs.</summary>
    public bool ContinuesNext;
    public string? Speaker;
    public string? Cue;
    public Model.QuoteAttribution How;
    public bool Attributed;
    public bool Drop;
}

/// <summary>Pairs quotation marks in one linear pass per block, deciding open/close from the characters around each mark.</summary>
internal static class QuoteFinder
{
    public static void Find(ReadOnlySpan<char> text, List<Token> toks, int block, bool nextBlockOpensWithQuote, List<QuoteSpan> quotes)
    {
        var openDouble = -1;
        var openSingle = -1;
        for (var k = 0; k < toks.Count; k++)
        {
            var t = toks[k];
            if (t.Kind != TokKind.Quote) continue;
            var before = t.Start > 0 ? text[t.Start - 1] : ' ';
            var after = t.End < text.Length ? text[t.End] : ' ';
            var canOpen = IsOpenContext(before) && !char.IsWhiteSpace(after);
            var canClose = !char.IsWhiteSpace(before) && IsCloseContext(after);
            var mark = text[t.Start];
            if (mark == '\u201E' || mark == '\u201A') { canOpen = !char.IsWhiteSpace(after); canClose = false; }
            if (t.DoubleMark)
            {
                if (openDouble < 0)
                {
                    // "would be"between two teams": a straight mark glued to the word before still opens when none is open
                    if (canOpen || (mark == '"' && char.IsLetter(before) && char.IsLetter(after))) { openDouble = k; openSingle = -1; }
                }
                else if (canClose)
                {
                    Add(text, toks, block, openDouble, k, quotes);
                    openDouble = -1;
                }
                else if (canOpen)
                {
                    // A second opening mark: the first quote lost its closing mark. It ends with its first sentence.
                    CloseAtSentenceEnd(text, toks, block, openDouble, k, quotes);
                    openDouble = k;
                }
            }
            else if (openDouble < 0)
            {
                // Single marks: apostrophes are mostly elisions or plural possessives; only flanked marks count.
                if (openSingle < 0)
                {
                    if (canOpen && !canClose && mark != '\u2019' && mark != '\u2032') openSingle = k;
                    else if (canOpen && !canClose && mark == '\u2019' && !char.IsDigit(after)) openSingle = k;
                }
                else if (canClose)
                {
                    Add(text, toks, block, openSingle, k, quotes);
                    openSingle = -1;
                }
                else if (canOpen && !canClose && mark != '\u2019')
                {
                    openSingle = k;
                }
            }
        }
        if (openDouble >= 0 && openDouble + 1 < toks.Count)
        {
            // Runs to the end of the paragraph: a multi-paragraph quote when the next paragraph opens with a mark,
            // or a quote whose closing mark is missing when it ends like a sentence.
            var last = text[..toks[^1].End].TrimEnd();
            var endsSentence = last.Length > 0 && last[^1] is '.' or '!' or '?';
            if (nextBlockOpensWithQuote || (endsSentence && toks.Count - openDouble > 4))
            {
                var q = Add(text, toks, block, openDouble, toks.Count, quotes);
                q.ContinuesNext = nextBlockOpensWithQuote;
            }
        }
    }

    /// <summary>
    /// An opening mark whose quote never closed before the next one opened: the quote is its first sentence (". " and a
    /// capital), the words of the source's lost closing mark; with no sentence end in between it is no quote.
    /// </summary>
    private static void CloseAtSentenceEnd(ReadOnlySpan<char> text, List<Token> toks, int block, int open, int next, List<QuoteSpan> quotes)
    {
        for (var k = open + 2; k + 1 < next; k++)
        {
            var t = toks[k];
            if (t.Kind != TokKind.Punct || text[t.Start] is not ('.' or '!' or '?')) continue;
            var following = toks[k + 1];
            if (following.Kind != TokKind.Word || !following.Cap || !following.SentStart) continue;
            var q = Add(text, toks, block, open, k + 1, quotes, closed: false);
            q.TextEnd = t.End;
            return;
        }
    }

    private static bool IsOpenContext(char c) =>
        char.IsWhiteSpace(c) || c is '(' or '[' or '{' or '\u2014' or '\u2013' or '-' or '/' or ':' or '\u00A0' || Tokenizer.IsDoubleQuote(c) || Tokenizer.IsSingleQuote(c);

    private static bool IsCloseContext(char c) =>
        char.IsWhiteSpace(c) || char.IsPunctuation(c) || char.IsSymbol(c) || Tokenizer.IsDoubleQuote(c) || Tokenizer.IsSingleQuote(c);

    /// <param name="closed">False when no mark closes the quote: token <paramref name="close"/> is the first one after it.</param>
    private static QuoteSpan Add(ReadOnlySpan<char> text, List<Token> toks, int block, int open, int close, List<QuoteSpan> quotes, bool closed = true)
    {
        var start = toks[open].End;
        var end = close < toks.Count ? toks[close].Start : text.Length;
        var q = new QuoteSpan { Index = quotes.Count, Block = block, Open = open, Close = close, TextStart = start, TextEnd = Math.Max(start, end) };
        var index = quotes.Count;
        var o = toks[open];
        o.Mark = true;
        toks[open] = o;
        if (close < toks.Count && closed)
        {
            var c = toks[close];
            c.Mark = true;
            toks[close] = c;
        }
        for (var i = open + 1; i < close && i < toks.Count; i++)
        {
            var t = toks[i];
            t.InQuote = index;
            toks[i] = t;
        }
        quotes.Add(q);
        return q;
    }
}
