using Spectre.Console;

namespace Ingestion.Cli.Commands;

/// <summary>
/// A progress bar for work over many items. On stderr when stdout carries data (JSON, JSON Lines), so a pipe
/// receives only the data; none for a single item.
/// </summary>
internal static class Progress
{
    /// <param name="work">Gets a callback to call after each item.</param>
    public static async Task Run(bool toStderr, string label, int total, Func<Action, Task> work)
    {
        if (total <= 1)
        {
            await work(() => { });
            return;
        }
        // Made per run, over whatever stderr is now (tests redirect it).
        var console = toStderr ? AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) }) : AnsiConsole.Console;
        await console.Progress().AutoClear(toStderr).StartAsync(async progress =>
        {
            var task = progress.AddTask(label, maxValue: total);
            await work(() => task.Increment(1));
        });
    }
}
