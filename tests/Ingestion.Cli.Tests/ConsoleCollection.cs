namespace Ingestion.Cli.Tests;

/// <summary>
/// The commands draw on the one static Spectre console, whose live displays (progress, status) refuse to run
/// concurrently: command tests share this collection so xUnit runs them one after another.
/// </summary>
[CollectionDefinition(Name)]
public sealed class ConsoleCollection
{
    public const string Name = "Console commands";
}
