using Ingestion.Testing;
using Spectre.Console.Cli;

namespace Ingestion.Cli.Tests;

/// <summary>The README's first command, run in process: Azurite, the host, every seed to extracted.</summary>
[Collection(ConsoleCollection.Name)]
public class UpCommandTests
{
    [Fact]
    public async Task Up_once_takes_every_seed_to_extracted_and_exits_zero()
    {
        var app = new CommandApp();
        app.Configure(c => c.AddCommand<Commands.UpCommand>("up"));

        var exit = await app.RunAsync(["up", "--once", "--urls", "http://127.0.0.1:0", "--seeds", RepositoryPaths.Seeds, "--timeout", "240"]);

        Assert.Equal(0, exit);
    }
}
