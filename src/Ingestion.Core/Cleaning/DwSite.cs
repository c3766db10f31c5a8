namespace Ingestion.Core.Cleaning;

/// <summary>What the cleaner knows about dw.com itself: its addresses.</summary>
internal static class DwSite
{
    /// <summary>Article URLs: <c>https://www.dw.com/&lt;language&gt;/&lt;slug&gt;/a-&lt;id&gt;</c>.</summary>
    private const string Domain = "dw.com/";

    /// <summary>Short links, shown on every article page: <c>https://p.dw.com/p/3WRPd</c>.</summary>
    private const string PermalinkPrefix = "p.dw.com/p/";

    /// <summary>True when <paramref name="text"/> holds a DW short link.</summary>
    public static bool HasPermalink(string text) => text.Contains(PermalinkPrefix, StringComparison.OrdinalIgnoreCase);

    /// <summary>"https://www.dw.com/de/…" → "de".</summary>
    public static string? LanguageOfUrl(string? url)
    {
        if (url is null) return null;
        var i = url.IndexOf(Domain, StringComparison.OrdinalIgnoreCase);
        if (i < 0) return null;
        var rest = url.AsSpan(i + Domain.Length);
        var slash = rest.IndexOf('/');
        if (slash is < 2 or > 7) return null;
        return LanguageGuesser.FromCode(rest[..slash].ToString());
    }
}
