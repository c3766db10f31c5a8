using Ingestion.Testing;
using Spectre.Console.Cli;

namespace Ingestion.Cli.Tests;

/// <summary>Keeps the benchmark command working; its numbers are printed, never asserted.</summary>
[Collection(ConsoleCollection.Name)]
public class BenchCommandTests
{
    [Fact]
    public async Task Bench_runs_on_a_tiny_input()
    {
        var app = new CommandApp();
        app.Configure(c => c.AddCommand<Commands.BenchCommand>("bench"));
        Assert.Equal(0, await app.RunAsync(["bench", RepositoryPaths.Seed, "--seconds", "0.05"]));
    }

    [Fact]
    public async Task Bench_without_articles_is_an_error()
    {
        var dir = Directory.CreateTempSubdirectory();
        await File.WriteAllBytesAsync(Path.Combine(dir.FullName, "empty.txt"), []);
        var app = new CommandApp();
        app.Configure(c => c.AddCommand<Commands.BenchCommand>("bench"));
        Assert.Equal(2, await app.RunAsync(["bench", dir.FullName, "--seconds", "0.05"]));
        dir.Delete(true);
    }
}
