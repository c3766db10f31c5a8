namespace Ingestion.Testing;

/// <summary>The one wait-until loop of the tests: asynchronous work (triggers, queues) is polled, never slept on.</summary>
public static class Poll
{
    /// <summary>
    /// Calls <paramref name="probe"/> every <paramref name="interval"/> (default 250 ms) until <paramref name="done"/>
    /// holds for its answer; throws with the last answer when <paramref name="timeout"/> passes.
    /// </summary>
    public static async Task<T> UntilAsync<T>(Func<Task<T>> probe, Func<T, bool> done, TimeSpan timeout, string what, TimeSpan? interval = null)
    {
        var deadline = DateTime.UtcNow + timeout;
        T last;
        while (true)
        {
            last = await probe();
            if (done(last)) return last;
            if (DateTime.UtcNow >= deadline) break;
            await Task.Delay(interval ?? TimeSpan.FromMilliseconds(250));
        }
        throw new TimeoutException($"{what} did not happen within {timeout.TotalSeconds:0} s; last: {last}");
    }
}
