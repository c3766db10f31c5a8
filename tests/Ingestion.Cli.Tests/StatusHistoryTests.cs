using Ingestion.Host.Testing;
using Ingestion.Testing;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Ingestion.Cli.Tests;

/// <summary><c>ingest status ID</c> against a running host: an article's story, its copies, and the history of its versions.</summary>
[Collection(ConsoleCollection.Name)]
public class StatusHistoryTests
{
    [Fact]
    public async Task Status_of_an_overwritten_copy_shows_its_story_versions_and_what_changed()
    {
        var host = await RunningHost.SharedAsync();
        var scenario = await StoryScenario.RunAsync(host, $"cli-status/{Guid.NewGuid():N}", seed: 42);
        var cli = new CommandApp();
        cli.Configure(c => c.AddCommand<Commands.StatusCommand>("status"));
        AnsiConsole.Profile.Width = 200;
        AnsiConsole.Record();
        var before = AnsiConsole.ExportText().Length;

        var exit = await cli.RunAsync(["status", scenario.CopyId, "--url", host.BaseUrl]);

        var text = AnsiConsole.ExportText()[before..];
        Assert.Equal(0, exit);
        Assert.Contains($"a copy of {scenario.PageId}", text, StringComparison.Ordinal);
        Assert.Contains("copies of the story", text, StringComparison.Ordinal);
        Assert.Contains("first copy", text, StringComparison.Ordinal);
        Assert.Contains("2 (current)", text, StringComparison.Ordinal);
        Assert.DoesNotContain("1 (current)", text, StringComparison.Ordinal);
        Assert.Contains("version 2: title changed, +1 paragraph", text, StringComparison.Ordinal);
        Assert.Contains("+ title: " + scenario.Update.Title, text, StringComparison.Ordinal);
        Assert.Contains("− title: " + scenario.Story.Title, text, StringComparison.Ordinal);
        Assert.Contains($"differences from the first copy {scenario.PageId}", text, StringComparison.Ordinal);
    }
}
