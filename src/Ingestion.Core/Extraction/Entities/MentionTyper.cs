namespace Ingestion.Core.Extraction;

/// <summary>Types each span the scanner hands over by asking its rules in order (<see cref="TypingRules.Ordered"/> unless the
/// scanner brings its own), and records the mention.</summary>
internal sealed class MentionTyper(ArticleText doc, LanguageProfile profile, MentionSink sink, TypingRule[]? rules = null)
{
    private readonly TypingRule[] rules = rules ?? TypingRules.Ordered;

    private NameCandidate? candidate;

    /// <summary>The scanner whose spans this typer types (the candidate asks it about the words around a span).</summary>
    public SpanScanner Scanner { set => candidate = new NameCandidate(doc, profile, value); }

    public void Classify(int b, int s, int e, string? title, string? nationality)
    {
        var candidate = this.candidate ?? throw new InvalidOperationException("The typer has no scanner.");
        candidate.Reset(b, s, e, title, nationality);
        foreach (var rule in rules)
        {
            var typing = rule.Decide(candidate);
            switch (typing.Outcome)
            {
                case TypingOutcome.Pass:
                    continue;
                case TypingOutcome.Drop:
                    return;
                case TypingOutcome.Unknown:
                    sink.AddUnknown(b, s, e);
                    return;
                case TypingOutcome.Typed:
                    sink.AddTyped(b, s, e, typing.Type, typing.WithRole ? candidate.Role : null, typing.PersonCue, typing.OrgCue);
                    if (typing.Type == Model.EntityType.Person && candidate.RelationalRole) sink.Mentions[^1].RelationalRole = true;
                    return;
            }
        }
    }
}
