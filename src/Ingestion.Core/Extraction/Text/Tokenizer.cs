namespace Ingestion.Core.Extraction;

internal enum TokKind : byte
{
    Word,
    Number,
    Punct,
    /// <summary>A quotation mark (or a closing apostrophe that may be one).</summary>
    Quote,
    /// <summary>The possessive <c>'s</c> split off a word.</summary>
    Poss,
}

internal struct Token
{
    public int Start;
    public int End;
    /// <summary>Index of the quote this token is inside, or -1.</summary>
    public int InQuote;
    public TokKind Kind;
    private byte flags;

    /// <summary>Starts with an upper-case letter (or is "al-Assad"-like: short lower prefix, hyphen, capital).</summary>
    public bool Cap { readonly get => (flags & 1) != 0; set => flags = (byte)(value ? flags | 1 : flags & ~1); }
    public bool SentStart { readonly get => (flags & 2) != 0; set => flags = (byte)(value ? flags | 2 : flags & ~2); }
    /// <summary>For quote marks: true for the double family (" “ ” „ « » ''), false for single (' ‘ ’ ‚ ‹ ›).</summary>
    public bool DoubleMark { readonly get => (flags & 4) != 0; set => flags = (byte)(value ? flags | 4 : flags & ~4); }
    /// <summary>A quotation mark that opens or closes a quote found by <see cref="QuoteFinder"/>.</summary>
    public bool Mark { readonly get => (flags & 8) != 0; set => flags = (byte)(value ? flags | 8 : flags & ~8); }
}

/// <summary>What the tokenizer needs to know of a language.</summary>
/// <param name="Abbreviations">Words whose full stop does not end a sentence ("Mr.", "Dr."); single capitals never do.</param>
/// <param name="HyphenPrefixes">Prefixes split off a capitalised word ("ex-President", "pro-Kurdish", "post-World War II"):
/// the name starts after the hyphen.</param>
/// <param name="HyphenTails">Lower-case tails split off a capitalised word ("Munich-based", "Kremlin-backed", "Nazi-era"):
/// the name is the part before the hyphen. <paramref name="HyphenTailSuffixes"/> split off every tail ending so ("-controlled").</param>
internal sealed record TokenizerRules(WordSet Abbreviations, WordSet HyphenPrefixes, WordSet HyphenTails, string[] HyphenTailSuffixes)
{
    public static readonly TokenizerRules None = new(WordSet.Empty, WordSet.Empty, WordSet.Empty, []);

    /// <summary>True when the lower-case word at the start of <paramref name="rest"/> is a tail to split off.</summary>
    public bool IsHyphenTail(ReadOnlySpan<char> rest)
    {
        var end = 0;
        while (end < rest.Length && char.IsLetter(rest[end])) end++;
        if (end == 0 || end < rest.Length && (rest[end] == '-' || char.IsLetterOrDigit(rest[end]))) return false;
        var tail = rest[..end];
        foreach (var c in tail) if (!char.IsLower(c)) return false;
        if (HyphenTails.Contains(tail)) return true;
        foreach (var suffix in HyphenTailSuffixes)
            if (tail.Length > suffix.Length + 2 && tail.EndsWith(suffix, StringComparison.Ordinal)) return true;
        return false;
    }
}

/// <summary>A hand-written, linear tokenizer: words (with inner hyphens and apostrophes), numbers, quote marks, punctuation.</summary>
internal static class Tokenizer
{
    public static bool IsDoubleQuote(char c) => c is '"' or '\u201C' or '\u201D' or '\u201E' or '\u201F' or '\u00AB' or '\u00BB' or '\u2033' or '\uFF02';
    public static bool IsSingleQuote(char c) => c is '\'' or '\u2018' or '\u2019' or '\u201A' or '\u201B' or '\u2039' or '\u203A' or '\u2032';
    private static bool IsApostrophe(char c) => c is '\'' or '\u2019' or '\u2032' or '\u02BC';
    private static bool IsWordChar(char c) => c < 0x80 ? char.IsAsciiLetterOrDigit(c) : char.IsLetterOrDigit(c) || char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.NonSpacingMark or System.Globalization.UnicodeCategory.SpacingCombiningMark;
    private static bool IsHyphen(char c) => c is '-' or '\u2010' or '\u2011';

    /// <summary>The word texts of a name as the tokenizer would split it (for lexicon keys).</summary>
    public static string[] WordsOf(string s)
    {
        var list = new List<Token>();
        Tokenize(s, list, TokenizerRules.None);
        var result = new string[list.Count];
        for (var i = 0; i < list.Count; i++) result[i] = s[list[i].Start..list[i].End];
        return result;
    }

    public static void Tokenize(ReadOnlySpan<char> text, List<Token> tokens, TokenizerRules rules)
    {
        var i = 0;
        var n = text.Length;
        var sentStart = true;
        while (i < n)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c)) { i++; continue; }
            var t = new Token { Start = i, InQuote = -1 };
            if (IsWordChar(c))
            {
                var j = i + 1;
                var allDigits = char.IsDigit(c);
                var span = text;
                while (j < n)
                {
                    // fast path: a run of ASCII letters
                    while (j < span.Length && char.IsAsciiLetter(span[j])) { allDigits = false; j++; }
                    if (j >= n) break;
                    var d = span[j];
                    if (IsWordChar(d)) { allDigits &= char.IsDigit(d) ; j++; continue; }
                    if (IsHyphen(d) && j + 1 < n && char.IsUpper(text[j + 1]) && rules.HyphenPrefixes.Contains(text[i..j])) break;
                    if (IsHyphen(d) && j + 1 < n && char.IsUpper(c) && char.IsLower(text[j + 1]) && rules.IsHyphenTail(text[(j + 1)..])) break;
                    if ((IsHyphen(d) || d == '&') && j + 1 < n && IsWordChar(text[j + 1])) { j++; continue; }
                    if (d is '.' or ',' && allDigits && j + 1 < n && char.IsDigit(text[j + 1])) { j++; continue; }
                    if (IsApostrophe(d) && j + 1 < n && char.IsLetter(text[j + 1]))
                    {
                        // "Putin's" -> Putin + 's ; "O'Brien", "don't", "Xi'an" stay one word.
                        var isPoss = text[j + 1] is 's' or 'S' && (j + 2 >= n || !IsWordChar(text[j + 2]));
                        if (isPoss) break;
                        j++;
                        continue;
                    }
                    // DW-WORLD.DE, Spiegel.de: a full stop between letters with no space is inside a web address
                    if (d == '.' && j + 1 < n && char.IsLetter(text[j + 1]) && char.IsLetter(text[j - 1]) && j - i > 1) { j++; continue; }
                    // U.S., D.C.: single letters joined by periods.
                    if (d == '.' && j - i == 1 && char.IsUpper(c) && j + 2 < n && char.IsUpper(text[j + 1]) && text[j + 2] == '.')
                    {
                        j += 3;
                        while (j + 1 < n && char.IsUpper(text[j]) && text[j + 1] == '.') j += 2;
                        break;
                    }
                    break;
                }
                t.End = j;
                t.Kind = allDigits ? TokKind.Number : TokKind.Word;
                t.Cap = char.IsUpper(c) || IsPrefixedCap(text, i, j);
                t.SentStart = sentStart;
                tokens.Add(t);
                sentStart = false;
                i = j;
                continue;
            }
            if (IsApostrophe(c) && i + 1 < n && text[i + 1] is 's' or 'S' && (i + 2 >= n || !IsWordChar(text[i + 2])) && i > 0 && IsWordChar(text[i - 1]))
            {
                t.End = i + 2;
                t.Kind = TokKind.Poss;
                tokens.Add(t);
                i += 2;
                continue;
            }
            if (c == '\'' && i + 1 < n && text[i + 1] == '\'')
            {
                t.End = i + 2;
                t.Kind = TokKind.Quote;
                t.DoubleMark = true;
                tokens.Add(t);
                i += 2;
                continue;
            }
            if (IsDoubleQuote(c) || IsSingleQuote(c))
            {
                t.End = i + 1;
                t.Kind = TokKind.Quote;
                t.DoubleMark = IsDoubleQuote(c);
                tokens.Add(t);
                i++;
                continue;
            }
            t.End = i + 1;
            t.Kind = TokKind.Punct;
            tokens.Add(t);
            if (c is '.' or '!' or '?' or ':' or '\u2026')
            {
                // Not after an abbreviation ("Mr.", single initials, "U.S" handled in the word).
                var prev = tokens.Count >= 2 ? tokens[^2] : default;
                var abbreviation = c == '.' && tokens.Count >= 2 && prev.Kind == TokKind.Word && IsAbbreviation(text.Slice(prev.Start, prev.End - prev.Start), rules.Abbreviations);
                if (!abbreviation) sentStart = true;
            }
            i++;
        }
    }

    private static bool IsPrefixedCap(ReadOnlySpan<char> text, int start, int end)
    {
        // al-Assad, el-Sisi, bin-Laden style: a short lower-case prefix, a hyphen, then a capital.
        for (var k = start; k < end && k - start <= 3; k++)
            if (IsHyphen(text[k])) return k + 1 < end && char.IsUpper(text[k + 1]) && k - start is >= 1 and <= 3;
        return false;
    }

    private static bool IsAbbreviation(ReadOnlySpan<char> w, WordSet abbreviations) =>
        (w.Length == 1 && char.IsUpper(w[0])) || abbreviations.Contains(w);
}
