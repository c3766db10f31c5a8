using Ingestion.Core.Input;

namespace Ingestion.Pipeline.Stages;

/// <summary>
/// Runs pure, CPU-bound work under a per-article time budget. The cleaner and extractor are linear-time and every
/// regex has a timeout, so this is the last line of defence: an article that still exceeds it fails visibly
/// instead of holding a trigger slot (the abandoned computation finishes on the thread pool and is discarded).
/// </summary>
internal static class TimeBudget
{
    public static async Task<T> RunAsync<T>(Func<T> work, TimeSpan budget, string what, CancellationToken cancellationToken)
    {
        try
        {
            return await Task.Run(work, cancellationToken).WaitAsync(budget, cancellationToken);
        }
        catch (TimeoutException)
        {
            throw new ArticleRejectedException(RejectionKind.TimeBudgetExceeded, $"{what} took longer than the budget of {budget.TotalSeconds:0.#} s");
        }
    }
}
