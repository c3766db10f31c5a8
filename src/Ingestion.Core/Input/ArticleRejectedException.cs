namespace Ingestion.Core.Input;

/// <summary>Why an input holds no article we can process. Stable names: they appear in status rows and JSON output.</summary>
public enum RejectionKind
{
    Empty,
    Binary,
    TooLarge,
    InvalidEncoding,
    NoArticle,
    MalformedJson,
    TimeBudgetExceeded,
}

/// <summary>
/// The input is not an article we can process. Deterministic: retrying will not help, so stages record it as a
/// failed status instead of letting the trigger retry.
/// </summary>
public sealed class ArticleRejectedException : Exception
{
    public ArticleRejectedException(RejectionKind kind, string message)
        : base(message) => Kind = kind;

    public ArticleRejectedException(RejectionKind kind, string message, Exception inner)
        : base(message, inner) => Kind = kind;

    public RejectionKind Kind { get; }
}
