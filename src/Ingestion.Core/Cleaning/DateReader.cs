using System.Globalization;

namespace Ingestion.Core.Cleaning;

/// <summary>What a line said about a date.</summary>
internal readonly record struct DateMatch(bool IsDate, DateOnly? Date, bool Relative);

/// <summary>
/// Reads the dates DW pages show: "February 4, 2022", "30. Januar 2024", "18 ноября 2021 г.", "4 de febrero de 2019",
/// "١٣ أبريل ٢٠١٧", "19.01.2020", "02/04/2022" (en: month first), "2021年4月13日", "2023-06-13T12:15:32Z", and relative
/// times ("46 minutes ago", "vor 3 Stunden") which resolve only against a known base time. A hand-written tokenizer:
/// no regular expression sees the input.
/// </summary>
internal static class DateReader
{
    private const int MaxTokens = 12;

    private enum Kind : byte { Number, Word, Sep }

    private readonly record struct Token(Kind Kind, int Start, int Length, int Value, char Sep);

    /// <summary>Reads a line that should be a date and nothing much else (strict: at most one unknown word).</summary>
    public static DateMatch ReadLine(string line, UiLanguage? lang, UiCatalog cat, DateTimeOffset? baseTime)
    {
        if (line.Length is 0 or > 60 || !HasDigit(line)) return default;
        if (ReadRelative(line, lang, cat, baseTime) is { IsDate: true } rel) return rel;
        Span<Token> buf = stackalloc Token[MaxTokens];
        var n = Tokenize(line, buf);
        if (n <= 0) return default;
        return Interpret(line, buf[..n], lang, cat, strict: true);
    }

    /// <summary>ISO 8601 first (JSON-LD, feeds), then the page forms.</summary>
    public static DateOnly? ReadAny(string? text, UiLanguage? lang, UiCatalog cat)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var t = text.Trim();
        if (t.Length >= 10 && TextTools.Digit(t[0]) >= 0 && t[4] == '-'
            && DateTime.TryParse(t.AsSpan(0, 10), CultureInfo.InvariantCulture, DateTimeStyles.None, out var iso))
            return DateOnly.FromDateTime(iso);
        if (t.Length > 60) return null;
        Span<Token> buf = stackalloc Token[MaxTokens];
        var n = Tokenize(t, buf);
        return n <= 0 ? null : Interpret(t, buf[..n], lang, cat, strict: false).Date;
    }

    private static bool HasDigit(string s)
    {
        foreach (var ch in s) if (char.IsDigit(ch)) return true;
        return false;
    }

    private static int Tokenize(string s, Span<Token> buf)
    {
        var n = 0;
        var i = 0;
        while (i < s.Length)
        {
            var ch = s[i];
            if (TextTools.Digit(ch) >= 0)
            {
                var start = i;
                var v = 0;
                while (i < s.Length && TextTools.Digit(s[i]) is var d && d >= 0)
                {
                    if (i - start < 6) v = v * 10 + d;
                    i++;
                }
                if (n == buf.Length) return -1;
                buf[n++] = new Token(Kind.Number, start, i - start, v, '\0');
            }
            else if (ch is '年' or '月' or '日' or '.' or '/' or '-' or ',' or '،')
            {
                if (n == buf.Length) return -1;
                buf[n++] = new Token(Kind.Sep, i, 1, 0, ch);
                i++;
            }
            else if (char.IsLetter(ch))
            {
                var start = i;
                while (i < s.Length && (char.IsLetter(s[i]) || char.GetUnicodeCategory(s[i]) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark)) i++;
                if (n == buf.Length) return -1;
                buf[n++] = new Token(Kind.Word, start, i - start, 0, '\0');
            }
            else i++;
        }
        return n;
    }

    private static DateMatch Interpret(string s, ReadOnlySpan<Token> toks, UiLanguage? lang, UiCatalog cat, bool strict)
    {
        int month = 0, unknown = 0;
        Span<int> nums = stackalloc int[4];
        Span<int> digits = stackalloc int[4];
        var nn = 0;
        var sep = '\0';
        for (var i = 0; i < toks.Length; i++)
        {
            var t = toks[i];
            switch (t.Kind)
            {
                case Kind.Number:
                    if (nn == nums.Length) return default;
                    nums[nn] = t.Value; digits[nn] = t.Length; nn++;
                    break;
                case Kind.Sep:
                    if (sep == '\0' && t.Sep is '.' or '/' or '-' or '年' && nn > 0) sep = t.Sep;
                    break;
                default:
                    var word = s.AsSpan(t.Start, t.Length);
                    var m = MonthOf(word, lang, cat);
                    if (m > 0 && month == 0) month = m;
                    else if (word.Length > 3) unknown++;
                    break;
            }
        }
        if (strict && unknown > 1) return default;
        int y = 0, mo = 0, d = 0;
        if (month > 0)
        {
            mo = month;
            for (var i = 0; i < nn; i++)
            {
                if (digits[i] == 4 && y == 0) y = nums[i];
                else if (digits[i] <= 2 && d == 0 && nums[i] is >= 1 and <= 31) d = nums[i];
            }
        }
        else if (nn == 3)
        {
            if (digits[0] == 4) (y, mo, d) = (nums[0], nums[1], nums[2]);
            else if (digits[2] == 4 && sep == '/' && (lang?.Code ?? "en") == "en" && nums[0] <= 12) (y, mo, d) = (nums[2], nums[0], nums[1]);
            else if (digits[2] == 4) (y, mo, d) = (nums[2], nums[1], nums[0]);
            if (sep == '\0') return default;
        }
        if (y is < 1900 or > 2100 || mo is < 1 or > 12 || d < 1 || d > DateTime.DaysInMonth(y, mo)) return default;
        return new DateMatch(true, new DateOnly(y, mo, d), false);
    }

    private static int MonthOf(ReadOnlySpan<char> word, UiLanguage? lang, UiCatalog cat)
    {
        var w = word.TrimEnd('.');
        if (w.Length < 2) return 0;
        var lookup = lang?.MonthIndex.GetAlternateLookup<ReadOnlySpan<char>>();
        if (lookup is { } l && l.TryGetValue(w, out var m)) return m;
        if (lang is not null && lang.MonthIndex.Count > 0) return 0; // the page's language knows its months
        foreach (var other in cat.Languages.Values)
            if (other.MonthIndex.Count > 0 && other.MonthIndex.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(w, out m)) return m;
        return 0;
    }

    private static DateMatch ReadRelative(string line, UiLanguage? lang, UiCatalog cat, DateTimeOffset? baseTime)
    {
        if (TextTools.WordCount(line) > 6) return default;
        var number = -1;
        foreach (var ch in line)
            if (TextTools.Digit(ch) is var d and >= 0) number = (number < 0 ? 0 : number) * 10 + d;
        if (number is < 0 or > 100000) return default;
        if (lang is not null && Relative(line, lang, number, baseTime) is { IsDate: true } hit) return hit;
        // the page language may be guessed wrong on short or mixed pages: any table's relative form counts
        foreach (var l in cat.Languages.Values)
            if (l != lang && Relative(line, l, number, baseTime) is { IsDate: true } h) return h;
        return default;
    }

    private static DateMatch Relative(string line, UiLanguage l, int number, DateTimeOffset? baseTime)
    {
        if (l.RelativeMarkers.Length == 0 || !ContainsAny(line, l.RelativeMarkers, wholeWord: true)) return default;
        TimeSpan? span = ContainsAny(line, l.MinuteUnits, false) ? TimeSpan.FromMinutes(number)
            : ContainsAny(line, l.HourUnits, false) ? TimeSpan.FromHours(number)
            : ContainsAny(line, l.DayUnits, false) ? TimeSpan.FromDays(number) : null;
        if (span is null) return default;
        return new DateMatch(true, baseTime is { } b ? DateOnly.FromDateTime((b - span.Value).UtcDateTime) : null, true);
    }

    /// <summary>A marker as a whole word ("vor", "il y a"); a unit at the start of a word ("Stunden" for "stunde").</summary>
    private static bool ContainsAny(string line, string[] words, bool wholeWord)
    {
        foreach (var w in words)
        {
            var from = 0;
            int i;
            while ((i = line.IndexOf(w, from, StringComparison.OrdinalIgnoreCase)) >= 0)
            {
                var startOk = i == 0 || !char.IsLetter(line[i - 1]);
                var end = i + w.Length;
                // CJK has no word boundaries: a Han marker or unit matches anywhere
                var cjk = w[0] >= '\u3040';
                if ((startOk || cjk) && (!wholeWord || cjk || end == line.Length || !char.IsLetter(line[end]))) return true;
                from = i + 1;
            }
        }
        return false;
    }
}
