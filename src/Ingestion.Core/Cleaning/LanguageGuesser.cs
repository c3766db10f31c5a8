namespace Ingestion.Core.Cleaning;

/// <summary>
/// Tells the language when the page does not: script first (Arabic, Cyrillic, Devanagari, Han…), then the stopwords of
/// each data table. Good enough for routing UI strings and month names; not a general language identifier.
/// </summary>
internal static class LanguageGuesser
{
    public static string? FromCode(string? code)
    {
        if (string.IsNullOrWhiteSpace(code)) return null;
        var c = code.Trim().ToLowerInvariant();
        var dash = c.IndexOfAny(['-', '_']);
        if (dash > 0) c = c[..dash];
        return c.Length is 2 or 3 && c.All(char.IsAsciiLetterLower) ? c : null;
    }

    private const int SampleChars = 600;

    public static string? Guess(IEnumerable<string> lines, UiCatalog cat)
    {
        int arabic = 0, cyr = 0, deva = 0, han = 0, latin = 0, greek = 0, beng = 0, ethi = 0, farsi = 0, urdu = 0;
        Span<int> counts = stackalloc int[cat.LanguageCodes.Length];
        var sampled = 0;
        var stop = cat.StopwordLanguages.GetAlternateLookup<ReadOnlySpan<char>>();
        Span<char> folded = stackalloc char[12];
        foreach (var line in lines)
        {
            if (sampled >= SampleChars) break;
            // a sample of the text is enough: long one-line bodies are cut, not scanned whole
            var text = line.AsSpan(0, Math.Min(line.Length, SampleChars - sampled));
            sampled += text.Length;
            foreach (var ch in text)
            {
                if (ch < '\u00C0')
                {
                    if (char.IsAsciiLetter(ch)) latin++;
                    continue;
                }
                switch (ch)
                {
                    case >= '\u0600' and <= '\u06FF':
                        arabic++;
                        if (ch is 'پ' or 'چ' or 'ژ' or 'گ' or 'ی' or 'ک') farsi++;
                        if (ch is 'ٹ' or 'ڈ' or 'ڑ' or 'ں' or 'ے' or 'ھ') urdu++;
                        break;
                    case >= '\u0400' and <= '\u04FF': cyr++; break;
                    case >= '\u0900' and <= '\u097F': deva++; break;
                    case >= '\u4E00' and <= '\u9FFF': han++; break;
                    case >= '\u0370' and <= '\u03FF': greek++; break;
                    case >= '\u0980' and <= '\u09FF': beng++; break;
                    case >= '\u1200' and <= '\u137F': ethi++; break;
                    default: if (char.IsAsciiLetter(ch) || ch is >= '\u00C0' and <= '\u024F') latin++; break;
                }
            }
            var span = text;
            foreach (var range in span.Split(' '))
            {
                var w = span[range].Trim(",.;:!?\"'()«»„“”");
                if (w.IsEmpty || w.Length > 12) continue;
                // stopwords are stored lower-case; only an ASCII capital (sentence start) is folded, without ICU
                w.CopyTo(folded);
                if (char.IsAsciiLetterUpper(folded[0])) folded[0] = (char)(folded[0] | 0x20);
                if (!stop.TryGetValue(folded[..w.Length], out var codes)) continue;
                foreach (var code in codes) counts[code]++;
            }
        }
        var max = Math.Max(Math.Max(Math.Max(arabic, cyr), Math.Max(deva, han)), Math.Max(Math.Max(latin, greek), Math.Max(beng, ethi)));
        if (max == 0) return null;
        if (max == han) return "zh";
        if (max == deva) return "hi";
        if (max == greek) return "el";
        if (max == beng) return "bn";
        if (max == ethi) return "am";
        if (max == arabic) return urdu > 5 ? "ur" : farsi > arabic / 50 ? Best(counts, cat, ["fa", "ar"]) ?? "fa" : "ar";
        if (max == cyr) return Best(counts, cat, ["ru", "uk", "bg", "sr", "mk"]) ?? "ru";
        return Best(counts, cat, null);
    }

    private static string? Best(ReadOnlySpan<int> counts, UiCatalog cat, string[]? among)
    {
        string? best = null;
        var bestN = 0;
        for (var i = 0; i < counts.Length; i++)
        {
            var code = cat.LanguageCodes[i];
            var n = counts[i];
            if (among is not null && Array.IndexOf(among, code) < 0) continue;
            if (among is null && code is "ru" or "uk" or "bg" or "ar" or "fa" or "hi" or "zh") continue;
            if (n > bestN) { best = code; bestN = n; }
        }
        return best;
    }
}
