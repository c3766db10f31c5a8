using System.Globalization;
using Ingestion.Core.Stories;
using Ingestion.Pipeline.Results;
using Spectre.Console;

namespace Ingestion.Cli.Commands;

/// <summary>How the CLI shows articles: one place, so `status` and `up` look alike.</summary>
internal static class Render
{
    public static void Summaries(IReadOnlyList<ArticleSummary> items)
    {
        var table = new Table().Border(TableBorder.Rounded)
            .AddColumns("id", "name", "status", "title", "published", "entities", "quotes", "copy of", "error");
        foreach (var a in items)
            table.AddRow(a.Id, Markup.Escape(a.Name), StatusMarkup(a.Status), Markup.Escape(Shorten(a.Title, 60)), a.Published ?? "",
                a.EntityCount.ToString(CultureInfo.InvariantCulture), a.QuoteCount.ToString(CultureInfo.InvariantCulture), a.DuplicateOf ?? "",
                Markup.Escape(a.Error is null ? "" : $"{a.Error.Stage}/{a.Error.Kind}: {a.Error.Message}"));
        AnsiConsole.Write(table);
    }

    public static void Article(ArticleView a)
    {
        var grid = new Grid().AddColumn().AddColumn();
        grid.AddRow("[bold]id[/]", a.Id);
        grid.AddRow("[bold]name[/]", Markup.Escape(a.Name));
        grid.AddRow("[bold]status[/]", StatusMarkup(a.Status));
        grid.AddRow("[bold]title[/]", Markup.Escape(a.Title ?? ""));
        grid.AddRow("[bold]published[/]", a.Published ?? "");
        grid.AddRow("[bold]language[/]", a.Language ?? "");
        grid.AddRow("[bold]timings[/]", $"clean {a.Timings.CleanMs:0.0} ms, extract {a.Timings.ExtractMs:0.0} ms, attempts {a.Attempts}");
        if (a.Story is not null)
            grid.AddRow("[bold]story[/]", a.DuplicateOf is { } first
                ? Markup.Escape($"a copy of {first} (similarity {a.Similarity:0.00}); story {a.Story}")
                : Markup.Escape($"the first copy, {a.Copies.Count} other {(a.Copies.Count == 1 ? "copy" : "copies")}; story {a.Story}"));
        if (a.Error is not null)
            grid.AddRow("[bold red]error[/]", Markup.Escape($"{a.Error.Stage}/{a.Error.Kind}: {a.Error.Message}"));
        AnsiConsole.Write(grid);

        if (a.Entities.Count > 0)
        {
            var entities = new Table().Border(TableBorder.Rounded).Title("entities").AddColumns("name", "type", "mentions", "role", "aliases");
            foreach (var e in a.Entities)
                entities.AddRow(Markup.Escape(e.Name), e.Type.ToString().ToLowerInvariant(), e.Mentions.ToString(CultureInfo.InvariantCulture), Markup.Escape(e.Role ?? ""), Markup.Escape(string.Join(", ", e.Aliases)));
            AnsiConsole.Write(entities);
        }
        if (a.Quotes.Count > 0)
        {
            var quotes = new Table().Border(TableBorder.Rounded).Title("quotes").AddColumns("speaker", "cue", "quote");
            foreach (var q in a.Quotes)
                quotes.AddRow(Markup.Escape(q.Speaker ?? "—"), Markup.Escape(q.Cue ?? ""), Markup.Escape(Shorten(q.Text, 100)));
            AnsiConsole.Write(quotes);
        }
    }

    /// <summary>The story's other articles, the article's versions with what changed, and a copy's differences from its first copy.</summary>
    public static void History(ArticleView a, ArticleHistory history)
    {
        if (a.Copies.Count > 0)
        {
            var copies = new Table().Border(TableBorder.Rounded).Title("copies of the story").AddColumns("id", "name", "format", "similarity", "");
            foreach (var c in a.Copies)
                copies.AddRow(c.Id, Markup.Escape(c.Name), Markup.Escape(c.Format ?? ""), c.Similarity.ToString("0.00", CultureInfo.InvariantCulture), c.First ? "first copy" : "");
            AnsiConsole.Write(copies);
        }
        var versions = new Table().Border(TableBorder.Rounded).Title("versions").AddColumns("#", "received", "title", "paragraphs", "quotes", "changes");
        foreach (var v in history.Versions)
            versions.AddRow(v.Number.ToString(CultureInfo.InvariantCulture) + (v.Current ? " (current)" : ""),
                v.ReceivedAt?.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) ?? "", Markup.Escape(Shorten(v.Title, 50)),
                v.Paragraphs.ToString(CultureInfo.InvariantCulture), v.Quotes.ToString(CultureInfo.InvariantCulture), Markup.Escape(v.Changes?.Summary ?? "first version"));
        AnsiConsole.Write(versions);
        foreach (var v in history.Versions.Where(v => v.Changes is not null))
            Changes($"version {v.Number}", v.Changes!);
        if (history.CopyOf is { } copyOf)
            Changes($"differences from the first copy {copyOf.Id} ({copyOf.Name})", copyOf.Changes);
    }

    /// <summary>Lines removed (−, red) and added (+, green), as a diff shows them.</summary>
    private static void Changes(string heading, ArticleChanges? changes)
    {
        if (changes is null || changes.IsEmpty) return;
        AnsiConsole.MarkupLineInterpolated($"[bold]{heading}[/]: {changes.Summary}");
        if (changes.TitleChanged)
        {
            AnsiConsole.MarkupLineInterpolated($"  [red]− title: {changes.TitleBefore}[/]");
            AnsiConsole.MarkupLineInterpolated($"  [green]+ title: {changes.TitleAfter}[/]");
        }
        foreach (var b in changes.ParagraphsRemoved) AnsiConsole.MarkupLineInterpolated($"  [red]− {Shorten(b.Text, 150)}[/]");
        foreach (var b in changes.ParagraphsAdded) AnsiConsole.MarkupLineInterpolated($"  [green]+ {Shorten(b.Text, 150)}[/]");
        foreach (var q in changes.QuotesRemoved) AnsiConsole.MarkupLineInterpolated($"  [red]− quote ({q.Speaker ?? "unknown"}): {Shorten(q.Text, 120)}[/]");
        foreach (var q in changes.QuotesAdded) AnsiConsole.MarkupLineInterpolated($"  [green]+ quote ({q.Speaker ?? "unknown"}): {Shorten(q.Text, 120)}[/]");
    }

    public static string StatusMarkup(string status) => status switch
    {
        "extracted" => "[green]extracted[/]",
        "failed" => "[red]failed[/]",
        _ => $"[yellow]{status}[/]",
    };

    private static string Shorten(string? s, int max) => s is null ? "" : s.Length <= max ? s : s[..(max - 1)] + "…";
}
