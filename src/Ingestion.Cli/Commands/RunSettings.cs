using System.ComponentModel;
using Ingestion.Cli.Harness;
using Ingestion.DevStorage;
using Spectre.Console.Cli;

namespace Ingestion.Cli.Commands;

/// <summary>What <c>load</c> and <c>chaos</c> runs share: the articles they cycle through, and where the host logs.</summary>
internal class RunSettings : CommandSettings
{
    [CommandOption("--from <PATH>")]
    [Description("Article files or folders to cycle through (default: seeds/).")]
    public string[] From { get; init; } = [];

    [CommandOption("--host-log <FILE>")]
    [Description("Append the host's warnings and errors to this file (reconciler runs, retries).")]
    public string? HostLog { get; init; }

    /// <summary>
    /// The repository (whose Azurite the run starts) and the sources that hold an article; outside the repository,
    /// a one-line error on stderr and false.
    /// </summary>
    public bool TryResolve(out string root, out List<LoadSource> sources)
    {
        (root, sources) = ("", []);
        if (RepositoryRoot.Find() is not { } found)
        {
            Console.Error.WriteLine("ingest: run inside the repository: it needs the Azurite that package.json pins");
            return false;
        }
        root = found;
        sources = LoadSource.From(From.Length > 0 ? From : [Path.Combine(root, "seeds")]);
        return true;
    }
}
