using Ingestion.Core.Model;

namespace Ingestion.Core.Cleaning;

/// <summary>
/// The byline DW runs into the end of an article's last paragraph in its text exports:
/// <c>… as well as the US and Canada. Author: Darren Mara, Sarah Harman (AFP, Reuters) Editor: Nancy Isenson</c>,
/// <c>Interview: Bernd Riegert / db Editor: Michael Lawton</c>, <c>… expected to continue. tkw/AFP/AP/dpa Editor: X</c>.
/// Its names are the article's authors and editors, its brackets the agencies, its lower-case letters the initials;
/// none of it is article text (<see cref="RemovalRules.Authors"/>). The labels are UI strings (<c>ui/&lt;lang&gt;.json</c>, "byline").
/// </summary>
internal static class Bylines
{
    /// <summary>A byline starts this close to the paragraph's end; an editor's names are at most this long.</summary>
    private const int MaxBylineChars = 260, MaxEditorChars = 90, MaxNameWords = 5, MaxRunInEndChars = 600;

    /// <summary>What a run-in byline holds, and where in the paragraph it starts.</summary>
    public sealed record RunIn(int Start, List<string> Names, List<string> Agencies, List<string> Initials);

    /// <summary>
    /// Takes a byline off the end of the last paragraph (or of the lead when there is no body), after the end-of-article
    /// chrome run into it ("… in Berlin. Each evening at 1830 UTC, DW's editors send out …"), whose signature is kept.
    /// </summary>
    public static void TakeRunIn(ArticleDraft draft, UiCatalog catalog)
    {
        var inBody = draft.Body.Count > 0;
        var text = inBody ? draft.Body[^1].Text : draft.Lead;
        if (RunInEnd(text, catalog) is { } end)
        {
            var tail = text[end..];
            text = text[..end].TrimEnd();
            if (draft.Signature is null && Signatures.RunInAtEnd(tail) is { } signature) draft.Signature = signature;
            if (inBody)
            {
                if (text.Length == 0) draft.Body.RemoveAt(draft.Body.Count - 1);
                else draft.Body[^1] = draft.Body[^1] with { Text = text };
            }
            else draft.Lead = text;
            draft.Remove(RemovalRules.EndOfArticle);
            inBody = draft.Body.Count > 0;
            text = inBody ? draft.Body[^1].Text : draft.Lead;
        }
        if (Read(text, catalog) is not { } byline) return;
        var rest = text[..byline.Start].TrimEnd();
        if (inBody)
        {
            if (rest.Length == 0) draft.Body.RemoveAt(draft.Body.Count - 1);
            else draft.Body[^1] = draft.Body[^1] with { Text = rest };
        }
        else draft.Lead = rest;
        draft.AddAuthors(byline.Names);
        if (draft.Signature is null && (byline.Agencies.Count > 0 || byline.Initials.Count > 0))
            draft.Signature = new Signature(byline.Initials, byline.Agencies);
        draft.Remove(RemovalRules.Authors);
    }

    /// <summary>Where an end-of-article string run into the paragraph at a sentence start begins; null when none is.</summary>
    private static int? RunInEnd(string text, UiCatalog catalog)
    {
        var from = Math.Max(0, text.Length - MaxRunInEndChars);
        foreach (var marker in catalog.EndOfArticleStrings)
        {
            var i = text.IndexOf(marker, from, StringComparison.Ordinal);
            if (i > 1 && text[i - 1] == ' ' && text[i - 2] is '.' or '!' or '?' or '"' or '\u201D') return i;
        }
        return null;
    }

    /// <summary>The byline at the end of <paramref name="text"/>, or null when it ends otherwise.</summary>
    public static RunIn? Read(string text, UiCatalog catalog)
    {
        var t = text.AsSpan().TrimEnd();
        if (t.Length < 8) return null;
        var from = Math.Max(0, t.Length - MaxBylineChars);
        var editor = LastLabel(t, from, catalog.BylineEditorLabels, out var editorLabel);
        var authorFrom = from;
        if (editor >= 0)
        {
            var editors = t[(editor + editorLabel.Length)..];
            if (editors.Length > MaxEditorChars || !AllNames(editors)) return null;
        }
        var author = LastLabel(editor >= 0 ? t[..editor] : t, authorFrom, catalog.BylineAuthorLabels, out var authorLabel);
        if (editor < 0 && author < 0) return null;
        var names = new List<string>(4);
        var agencies = new List<string>(4);
        var initials = new List<string>(2);
        int start;
        if (author >= 0)
        {
            var credit = t[(author + authorLabel.Length)..(editor >= 0 ? editor : t.Length)];
            if (!ReadCredit(credit, names, agencies, initials)) return null;
            start = author;
        }
        else
        {
            // "… to continue. tkw/AFP/AP/dpa Editor: X": a slashed signature right before the editor
            var before = t[..editor].TrimEnd();
            var space = before.LastIndexOf(' ');
            var signature = before[(space + 1)..];
            if (!ReadSlashedSignature(signature, agencies, initials)) return null;
            start = space + 1;
        }
        if (editor >= 0) AddNames(t[(editor + editorLabel.Length)..], names);
        if (names.Count == 0 && agencies.Count == 0) return null;
        return new RunIn(start, names, agencies, initials);
    }

    /// <summary>The last occurrence at or after <paramref name="from"/> of one of the labels, at a word start; -1 when none.</summary>
    private static int LastLabel(ReadOnlySpan<char> t, int from, string[] labels, out string found)
    {
        found = "";
        var best = -1;
        foreach (var label in labels)
        {
            var i = t.LastIndexOf(label, StringComparison.Ordinal);
            if (i < from || i <= best || (i > 0 && !char.IsWhiteSpace(t[i - 1]))) continue;
            best = i;
            found = label;
        }
        return best;
    }

    /// <summary>"Darren Mara, Sarah Harman (AFP, Reuters)", "Klaudia Prevezanos / slk", "Martin Polansky (jc)".</summary>
    private static bool ReadCredit(ReadOnlySpan<char> credit, List<string> names, List<string> agencies, List<string> initials)
    {
        credit = credit.Trim();
        var open = credit.IndexOf('(');
        if (open >= 0)
        {
            var close = credit.LastIndexOf(')');
            if (close < open) return false;
            foreach (var range in credit[(open + 1)..close].SplitAny(',', '/'))
            {
                var part = credit[(open + 1)..close][range].Trim();
                if (part.IsEmpty) continue;
                if (IsInitials(part)) initials.Add(part.ToString()); else agencies.Add(part.ToString());
            }
            credit = credit[..open].Trim();
        }
        // "Names / initials": the initials of the desk after the last slash
        var slash = credit.LastIndexOf('/');
        if (slash >= 0 && IsInitials(credit[(slash + 1)..].Trim()))
        {
            initials.Add(credit[(slash + 1)..].Trim().ToString());
            credit = credit[..slash].Trim();
        }
        var before = names.Count;
        AddNames(credit, names);
        return names.Count > before;
    }

    /// <summary>
    /// "tkw/AFP/AP/dpa", "hf/glb/Reuters/dpa/AFP/AP", "sp/afp/ap/dpa": the writer's initials, perhaps the editor's, then
    /// the agencies (which DW also writes in lower case, so only the first two parts can be initials).
    /// </summary>
    private static bool ReadSlashedSignature(ReadOnlySpan<char> s, List<string> agencies, List<string> initials)
    {
        if (!s.Contains('/')) return false;
        var parts = new List<string>(6);
        foreach (var range in s.Split('/'))
        {
            var part = s[range];
            if (part.IsEmpty) continue;
            if (part.Length > 12 || !char.IsLetter(part[0])) return false;
            foreach (var ch in part) if (!char.IsLetter(ch)) return false;
            parts.Add(part.ToString());
        }
        if (parts.Count < 2 || !IsInitials(parts[0])) return false;
        initials.Add(parts[0]);
        var first = 1;
        // "hf/glb/Reuters": a second lower-case part before an agency written in capitals is the editor's initials
        if (parts.Count > 2 && IsInitials(parts[1]) && parts.Skip(2).Any(p => char.IsUpper(p[0]))) { initials.Add(parts[1]); first = 2; }
        agencies.AddRange(parts.Skip(first));
        return agencies.Count > 0;
    }

    /// <summary>Names separated by commas, slashes or "and"; each of one to a few capitalised words.</summary>
    private static void AddNames(ReadOnlySpan<char> list, List<string> names)
    {
        foreach (var range in list.SplitAny(',', '/', '&'))
        {
            var part = list[range].Trim();
            if (part.Length > 0 && IsName(part)) names.Add(part.ToString());
        }
    }

    private static bool AllNames(ReadOnlySpan<char> list)
    {
        var any = false;
        foreach (var range in list.SplitAny(',', '/', '&'))
        {
            var part = list[range].Trim();
            if (part.IsEmpty) continue;
            if (!IsName(part) && !IsInitials(part)) return false;
            any = true;
        }
        return any;
    }

    /// <summary>Two to five words, the first and last capitalised, no sentence punctuation.</summary>
    private static bool IsName(ReadOnlySpan<char> part)
    {
        var words = 0;
        ReadOnlySpan<char> first = default, last = default;
        foreach (var range in part.Split(' '))
        {
            var w = part[range];
            if (w.IsEmpty) continue;
            if (words == 0) first = w;
            last = w;
            words++;
            foreach (var ch in w) if (!(char.IsLetter(ch) || ch is '-' or '\'' or '\u2019' or '.')) return false;
        }
        return words is >= 2 and <= MaxNameWords && char.IsUpper(first[0]) && char.IsUpper(last[0]);
    }

    /// <summary>"jc", "slk", "gsw": the lower-case initials of DW's desks.</summary>
    private static bool IsInitials(ReadOnlySpan<char> part)
    {
        if (part.Length is < 2 or > 5) return false;
        foreach (var ch in part) if (!char.IsAsciiLetterLower(ch)) return false;
        return true;
    }
}
