using System.Buffers;
using System.Globalization;

namespace Ingestion.Core.Cleaning;

/// <summary>Small allocation-light helpers over lines of text. No regular expressions: every loop is linear.</summary>
internal static class TextTools
{
    /// <summary>Unicode spaces become ' ', runs collapse to one, zero-width and soft-hyphen characters go, ends are trimmed.</summary>
    /// <summary>As <see cref="NormaliseSpaces(ReadOnlySpan{char})"/>, returning the same instance when it is already clean.</summary>
    public static string NormaliseSpaces(string s) => IsClean(s) ? s : NormaliseSpaces(s.AsSpan());

    private static bool IsClean(ReadOnlySpan<char> s)
    {
        if (s.IsEmpty) return true;
        if (s[0] == ' ' || s[^1] == ' ') return false;
        var prevSpace = false;
        foreach (var ch in s)
        {
            if (ch > ' ' && ch < '\u00A0') { prevSpace = false; continue; }
            var space = IsSpace(ch);
            if ((space && (ch != ' ' || prevSpace)) || IsInvisible(ch)) return false;
            prevSpace = space;
        }
        return true;
    }

    public static string NormaliseSpaces(ReadOnlySpan<char> s)
    {
        s = s.Trim();
        if (IsClean(s)) return s.ToString();
        // Into a buffer, not a StringBuilder: the result is the only allocation (long lines rent the buffer).
        char[]? rented = null;
        var buffer = s.Length <= 256 ? stackalloc char[s.Length] : (rented = ArrayPool<char>.Shared.Rent(s.Length));
        var n = 0;
        var prevSpace = true;
        foreach (var ch in s)
        {
            if (IsInvisible(ch)) continue;
            if (IsSpace(ch))
            {
                if (!prevSpace) buffer[n++] = ' ';
                prevSpace = true;
            }
            else
            {
                buffer[n++] = ch;
                prevSpace = false;
            }
        }
        while (n > 0 && buffer[n - 1] == ' ') n--;
        var result = new string(buffer[..n]);
        if (rented is not null) ArrayPool<char>.Shared.Return(rented);
        return result;
    }

    public static bool IsSpace(char ch) => ch is ' ' or '\t' or '\u00A0' or '\u1680' or (>= '\u2000' and <= '\u200A') or '\u202F' or '\u205F' or '\u3000' or '\r' or '\n' or '\f' or '\v';

    private static bool IsInvisible(char ch) => ch is '\u200B' or '\uFEFF' or '\u00AD' or '\u2060';

    /// <summary>Words as the scorer counts them: runs of letters or digits.</summary>
    public static int WordCount(ReadOnlySpan<char> s)
    {
        var n = 0;
        var inWord = false;
        foreach (var ch in s)
        {
            var w = char.IsLetterOrDigit(ch);
            if (w && !inWord) n++;
            inWord = w;
        }
        return n;
    }

    /// <summary>CJK text has no spaces: count its characters as words (two per word) so length rules still apply.</summary>
    public static int WeightedWords(ReadOnlySpan<char> s)
    {
        var cjk = 0;
        foreach (var ch in s) if (ch is >= '\u3040' and <= '\u9FFF' or >= '\uAC00' and <= '\uD7AF') cjk++;
        return cjk > 0 ? WordCount(s) + cjk / 2 : WordCount(s);
    }

    /// <summary>True when the line ends like a sentence (period, colon, semicolon, comma, ellipsis, closing quote after them).</summary>
    public static bool EndsLikeSentence(ReadOnlySpan<char> s)
    {
        s = s.TrimEnd();
        while (s.Length > 0 && s[^1] is '"' or '\'' or '”' or '’' or '»' or '«' or ')' or '“') s = s[..^1];
        return s.Length > 0 && s[^1] is '.' or ':' or ';' or ',' or '…' or '。' or '：' or '؛' or '۔' or '।';
    }

    public static bool EndsWithQuestionOrBang(ReadOnlySpan<char> s)
    {
        s = s.TrimEnd();
        while (s.Length > 0 && s[^1] is '"' or '\'' or '”' or '’' or '»') s = s[..^1];
        return s.Length > 0 && s[^1] is '?' or '!' or '؟' or '？' or '！';
    }

    public static bool HasLetter(ReadOnlySpan<char> s)
    {
        foreach (var ch in s) if (char.IsLetter(ch)) return true;
        return false;
    }

    /// <summary>Decimal digit of any script (ASCII, Arabic-Indic, Persian, Devanagari...), or -1.</summary>
    public static int Digit(char ch) => char.IsDigit(ch) ? (int)CharUnicodeInfo.GetDecimalDigitValue(ch) : -1;

    /// <summary>Starts with <paramref name="prefix"/>, ignoring case, followed by the end or a non-letter.</summary>
    public static bool StartsWithWord(string line, string prefix)
    {
        if (!line.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)) return false;
        return line.Length == prefix.Length || !char.IsLetter(line[prefix.Length]) || !char.IsLetter(prefix[^1]);
    }

    /// <summary>
    /// A line of person names: "Jan Walter | Kevin Mertens", "Roman Goncharenko", "Julia Vergin, Clare Roth".
    /// Every part has 2–4 words, each starting upper-case (or a script without case), no digits or sentence marks.
    /// </summary>
    public static List<string>? SplitNames(string line)
    {
        if (line.Length > 120) return null;
        var parts = line.Split(['|', ',', '&', '/'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 0) return null;
        var names = new List<string>(parts.Length);
        foreach (var raw in parts)
        {
            var p = raw;
            foreach (var joiner in (ReadOnlySpan<string>)[" and ", " und ", " et ", " y ", " e ", " и ", " i "])
            {
                var j = p.IndexOf(joiner, StringComparison.Ordinal);
                if (j > 0) { if (!AddName(names, p[..j])) return null; p = p[(j + joiner.Length)..]; }
            }
            if (!AddName(names, p)) return null;
        }
        return names;
    }

    private static bool AddName(List<string> names, string p)
    {
        p = p.Trim();
        var words = p.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length is < 2 or > 4) return false;
        foreach (var w in words)
        {
            var first = w[0];
            if (char.IsLower(first)) { if (w is not ("von" or "van" or "de" or "da" or "del" or "der" or "al" or "el" or "bin" or "ibn")) return false; }
            else if (!char.IsLetter(first)) return false;
            foreach (var ch in w)
                if (!(char.IsLetter(ch) || ch is '-' or '\'' or '’' or '.' or '\u200C')) return false;
        }
        names.Add(p);
        return true;
    }

    /// <summary>Lower-case ASCII-insensitive equality after trimming trailing colons and spaces.</summary>
    public static bool SameLabel(ReadOnlySpan<char> a, string label) =>
        a.TrimEnd().TrimEnd(':').TrimEnd().Equals(label, StringComparison.OrdinalIgnoreCase);
}
