using System.ComponentModel;
using Ingestion.Core.Input;
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
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var storage = new PipelineStorage(StorageConnection.FromConnectionString(settings.ResolveConnection()));
        await storage.EnsureCreatedAsync(cancellationToken);
        var table = new Table().AddColumns("id", "blob name", "bytes");
        foreach (var (path, name) in InputFiles.Expand(settings.Paths))
        {
            var blobName = string.IsNullOrEmpty(settings.Prefix) ? name : settings.Prefix.TrimEnd('/') + "/" + name;
            await using (var stream = File.OpenRead(path))
                await storage.Drop.GetBlobClient(blobName).UploadAsync(stream, overwrite: true, cancellationToken);
            table.AddRow(ArticleIdentity.IdFromName(blobName), Markup.Escape(blobName), new FileInfo(path).Length.ToString("N0", System.Globalization.CultureInfo.InvariantCulture));
        }
        AnsiConsole.Write(table);
        return 0;
    }
}
