using System.ComponentModel;
using System.Text.Json;
using Ingestion.Core;
using Ingestion.Core.Input;
using Ingestion.Core.Json;
using Ingestion.Core.Stories;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Ingestion.Cli.Commands;

/// <summary>
/// <c>ingest process FILES… [--output out.jsonl]</c>: one JSON line per input. An input without an article gets a
/// line with an "error" field and a one-line message on stderr; the exit code is 1 if any input failed. The inputs
/// of one run form stories as the pipeline's do: a later copy of an earlier input names it in "duplicateOf".
/// </summary>
internal sealed class ProcessCommand : AsyncCommand<ProcessCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<paths>")]
        [Description("Files or folders (searched recursively; *.gold.json is skipped).")]
        public string[] Paths { get; init; } = [];

        [CommandOption("-o|--output <FILE>")]
        [Description("Write JSON Lines here instead of standard output.")]
        public string? Output { get; init; }

        [CommandOption("--max-bytes <N>")]
        [Description("Reject inputs larger than this (default 16 MiB).")]
        public long MaxBytes { get; init; } = ArticleInput.DefaultMaxBytes;
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        if (!InputFiles.TryExpand(settings.Paths, out var files))
            return 2;

        var processor = ArticleProcessor.CreateDefault();
        var stories = new StoryIndex();
        await using var output = settings.Output is null ? Console.OpenStandardOutput() : File.Create(settings.Output);
        await using var writer = new StreamWriter(output, new System.Text.UTF8Encoding(false));
        var failures = 0;
        // JSON Lines on stdout: the bar goes to stderr so a pipe gets only the lines.
        await Progress.Run(toStderr: settings.Output is null, "processing", files.Count, async step =>
        {
            foreach (var (path, name) in files)
            {
                // The name a folder's file would be dropped under (as `ingest drop` names it), so ids are those of the pipeline.
                var line = ProcessOne(processor, path, name, settings.MaxBytes, stories, out var error);
                if (error is not null)
                {
                    failures++;
                    await Console.Error.WriteLineAsync($"ingest: {path}: {error}");
                }
                await writer.WriteLineAsync(line);
                step();
            }
        });
        await writer.FlushAsync(cancellationToken);
        if (settings.Output is not null)
            AnsiConsole.MarkupLineInterpolated($"[green]{files.Count - failures}[/] processed, [red]{failures}[/] failed → {settings.Output}");
        return failures == 0 ? 0 : 1;
    }

    /// <summary>Never throws for a bad input: the error becomes the line.</summary>
    internal static string ProcessOne(ArticleProcessor processor, string path, string name, long maxBytes, StoryIndex? stories, out string? error)
    {
        error = null;
        try
        {
            var info = new FileInfo(path);
            if (info.Length > maxBytes)
                throw new ArticleRejectedException(RejectionKind.TooLarge, $"{info.Length:N0} bytes exceed the limit of {maxBytes:N0} bytes");
            var document = processor.Process(name, File.ReadAllBytes(path), source: path, maxBytes, stories);
            return JsonSerializer.Serialize(document, IngestionJson.Options);
        }
        catch (Exception e)
        {
            // One line per failed input, never a stack trace: the kind says whether it is the input's fault.
            var kind = e switch
            {
                ArticleRejectedException r => r.Kind.ToString(),
                IOException or UnauthorizedAccessException => "Unreadable",
                _ => "InternalError",
            };
            error = e.Message;
            return JsonSerializer.Serialize(new ArticleError(path, ArticleIdentity.IdFromName(name), e.Message, kind), IngestionJson.Options);
        }
    }
}
