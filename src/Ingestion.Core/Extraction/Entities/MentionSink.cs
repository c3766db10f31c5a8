using Ingestion.Core.Model;

namespace Ingestion.Core.Extraction;

/// <summary>Where scanning and typing put the mentions they find, in document order (objects from the scratch).</summary>
internal sealed class MentionSink(ArticleText doc, List<Mention> mentions)
{
    public List<Mention> Mentions => mentions;

    public void AddKnown(int b, int s, int e, LexEntry entry)
    {
        var m = New(b, s, e);
        m.Kind = MentionKind.Known;
        m.Type = entry.Type;
        m.Canonical = entry.Canonical;
        mentions.Add(m);
    }

    public void AddTyped(int b, int s, int e, EntityType type, string? role, bool personCue, bool orgCue = false)
    {
        var m = New(b, s, e);
        m.Kind = MentionKind.Typed;
        m.Type = type;
        m.Role = role;
        m.PersonCue = personCue;
        m.OrgCue = orgCue;
        mentions.Add(m);
    }

    /// <summary>A capitalised word with no evidence: kept only when it joins a known entity.</summary>
    public void AddUnknown(int b, int s, int e)
    {
        var m = New(b, s, e);
        m.Kind = MentionKind.Unknown;
        m.Type = EntityType.Other;
        mentions.Add(m);
    }

    /// <summary>
    /// The last mention added is an inflected form of <paramref name="name"/> ("Brasiliens", "Habecks"): it is looked up by the
    /// name, and a lexicon name is named as itself ("Deutschlands" is the entity "Deutschland").
    /// </summary>
    public void MarkInflected(string name)
    {
        var m = mentions[^1];
        m.Inflected = true;
        m.FirstWord = name;
        if (m.Kind == MentionKind.Known) m.Surface = name;
    }

    private Mention New(int b, int s, int e)
    {
        var m = doc.Scratch.NewMention();
        (m.Block, m.TokStart, m.TokEnd, m.Position) = (b, s, e, ArticleText.Position(b, s));
        m.FirstWord = doc.Text(b, s);
        m.Surface = e - s == 1 ? m.FirstWord : doc.Text(b, s, e);
        m.InQuote = doc.Tokens[b][s].InQuote >= 0;
        return m;
    }
}
