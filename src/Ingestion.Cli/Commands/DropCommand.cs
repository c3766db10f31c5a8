using System.ComponentModel;
using System.Text.Json;
using Ingestion.Core.Input;
using Ingestion.Pipeline.Api;
using Ingestion.Pipeline.Storage;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Ingestion.Cli.Commands;

/// <summary><c>ingest drop FILES…</c>: upload into the drop container, where the clean trigger picks them up.</summary>
internal sealed class DropCommand : AsyncCommand<DropCommand.Settings>
{
    public sealed class Settings : StorageSettings
    {
        [CommandArgument(0, "<paths>")]
        [Description("Files or folders; a folder's files keep their relative paths as virtual folders.")]
        public string[] Paths { get; init; } = [];

        [CommandOption("--prefix <FOLDER>")]
        [Description("Virtual folder to drop into (e.g. crawl/2026-11-29).")]
        public string? Prefix { get; init; }

        [CommandOption("--json")]
        [Description("Print one JSON array of {id, name, bytes} instead of a table (progress goes to stderr).")]
        public bool Json { get; init; }
    }

    public sealed record Dropped(string Id, string Name, long Bytes);

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        if (!InputFiles.TryExpand(settings.Paths, out var files))
            return 2;
        var connection = settings.Resolve();
        var storage = new PipelineStorage(connection);
        if (connection.UsesConnectionString)
            await storage.EnsureCreatedAsync(cancellationToken);

        var dropped = new List<Dropped>(files.Count);
        await Progress.Run(settings.Json, "uploading", files.Count, async step =>
        {
            foreach (var (path, name) in files)
            {
                var blobName = string.IsNullOrEmpty(settings.Prefix) ? name : settings.Prefix.TrimEnd('/') + "/" + name;
                await Uploader.UploadAsync(storage, path, blobName, cancellationToken);
                dropped.Add(new Dropped(ArticleIdentity.IdFromName(blobName), blobName, new FileInfo(path).Length));
                step();
            }
        });

        if (settings.Json)
        {
            Console.Out.WriteLine(JsonSerializer.Serialize(dropped, ApiJson.Options));
            return 0;
        }
        var table = new Table().AddColumns("id", "blob name", "bytes");
        foreach (var d in dropped)
            table.AddRow(d.Id, Markup.Escape(d.Name), d.Bytes.ToString("N0", System.Globalization.CultureInfo.InvariantCulture));
        AnsiConsole.Write(table);
        return 0;
    }
}

internal static class Uploader
{
    public static async Task UploadAsync(PipelineStorage storage, string path, string blobName, CancellationToken cancellationToken)
    {
        await using var stream = File.OpenRead(path);
        await storage.Drop.GetBlobClient(blobName).UploadAsync(stream, overwrite: true, cancellationToken);
    }
}
