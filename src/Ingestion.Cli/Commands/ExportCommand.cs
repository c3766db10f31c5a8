using System.ComponentModel;
using System.Globalization;
using Ingestion.Cli.Export;
using Ingestion.Pipeline.Storage;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Ingestion.Cli.Commands;

/// <summary>
/// <c>ingest export --format jsonl|csv|parquet [--since DATE] [--status extracted] -o DIR</c>: the tables as files
/// for pandas, Power BI or a warehouse (columns in docs/ANALYSIS.md), streamed with a progress bar.
/// </summary>
internal sealed class ExportCommand : AsyncCommand<ExportCommand.Settings>
{
    public sealed class Settings : StorageSettings
    {
        [CommandOption("--format <FORMAT>")]
        [Description("jsonl, csv or parquet (default jsonl).")]
        public string Format { get; init; } = "jsonl";

        [CommandOption("--since <DATE>")]
        [Description("Only articles whose status row changed on or after this day (yyyy-MM-dd, UTC): incremental exports.")]
        public string? Since { get; init; }

        [CommandOption("--status <STATUS>")]
        [Description("Only articles with this status (received, cleaned, extracted, failed).")]
        public string? Status { get; init; }

        [CommandOption("-o|--output <DIR>")]
        [Description("Folder to write articles, entities, quotes and entity_index files into (created if missing).")]
        public string Output { get; init; } = "";

        public ExportFormat ParsedFormat => Enum.Parse<ExportFormat>(Format, ignoreCase: true);

        public DateOnly? ParsedSince => Since is null ? null : DateOnly.ParseExact(Since, "yyyy-MM-dd", CultureInfo.InvariantCulture);

        public override ValidationResult Validate()
        {
            if (!Enum.TryParse<ExportFormat>(Format, ignoreCase: true, out var format) || !Enum.IsDefined(format) || int.TryParse(Format, out _))
                return ValidationResult.Error("--format is jsonl, csv or parquet");
            if (Since is not null && !DateOnly.TryParseExact(Since, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
                return ValidationResult.Error("--since is a date as yyyy-MM-dd");
            if (Status is not null && !ArticleStatus.IsValid(Status))
                return ValidationResult.Error($"--status is one of: {string.Join(", ", ArticleStatus.All)}");
            if (string.IsNullOrWhiteSpace(Output))
                return ValidationResult.Error("-o DIR is required: the folder to write into");
            return base.Validate();
        }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var exporter = new TableExporter(new PipelineStorage(settings.Resolve()));
        var filter = new ExportFilter(settings.Status, settings.ParsedSince);
        var total = await exporter.CountAsync(filter, cancellationToken);
        ExportCounts counts = null!;
        await AnsiConsole.Progress().AutoClear(false).StartAsync(async progress =>
        {
            var articles = progress.AddTask("articles, entities, quotes", maxValue: Math.Max(total, 1));
            var index = progress.AddTask("entity index").IsIndeterminate();
            counts = await exporter.ExportAsync(filter, settings.ParsedFormat, settings.Output, file =>
            {
                if (file == "articles") articles.Increment(1);
                else index.Increment(1);
            }, cancellationToken);
            articles.Value = articles.MaxValue;
            index.IsIndeterminate(false).Value = index.MaxValue;
        });
        AnsiConsole.MarkupLineInterpolated(
            $"[green]{counts.Articles}[/] articles, {counts.Entities} entities, {counts.Quotes} quotes, {counts.IndexRows} index rows → {Path.GetFullPath(settings.Output)} ({settings.ParsedFormat.ToString().ToLowerInvariant()})");
        return 0;
    }
}
