using Ingestion.Testing;
using Spectre.Console.Cli;

namespace Ingestion.Cli.Tests;

/// <summary>
/// Keeps `ingest load` working end to end on a tiny run: Azurite, the host as a child process, the drop, the
/// storage-only baseline. Its exit code is the verdict (nothing lost, duplicated or missing); timings are never asserted.
/// </summary>
[Collection(ConsoleCollection.Name)]
public class LoadCommandTests
{
    [Fact]
    public async Task Load_of_ten_articles_loses_nothing_and_exits_zero()
    {
        var app = new CommandApp();
        app.Configure(c => c.AddCommand<Commands.LoadCommand>("load"));

        var exit = await app.RunAsync(["load", "--count", "10", "--from", RepositoryPaths.Seeds, "--timeout", "180"]);

        Assert.Equal(0, exit);
    }
}
