using Ingestion.Pipeline.Results;
using Spectre.Console;

namespace Ingestion.Cli.Commands;

/// <summary>How the CLI shows articles: one place, so `status` and `up` look alike.</summary>
internal static class Render
{
    public static void Summaries(IReadOnlyList<ArticleSummary> items)
    {
        var table = new Table().Border(TableBorder.Rounded)
            .AddColumns("id", "name", "status", "title", "published", "entities", "quotes", "error");
        foreach (var a in items)
            table.AddRow(a.Id, Markup.Escape(a.Name), StatusMarkup(a.Status), Markup.Escape(Shorten(a.Title, 60)), a.Published ?? "",
                a.EntityCount.ToString(System.Globalization.CultureInfo.InvariantCulture), a.QuoteCount.ToString(System.Globalization.CultureInfo.InvariantCulture),
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
        if (a.Error is not null)
            grid.AddRow("[bold red]error[/]", Markup.Escape($"{a.Error.Stage}/{a.Error.Kind}: {a.Error.Message}"));
        AnsiConsole.Write(grid);

        if (a.Entities.Count > 0)
        {
            var entities = new Table().Border(TableBorder.Rounded).Title("entities").AddColumns("name", "type", "mentions", "role", "aliases");
            foreach (var e in a.Entities)
                entities.AddRow(Markup.Escape(e.Name), e.Type.ToString().ToLowerInvariant(), e.Mentions.ToString(System.Globalization.CultureInfo.InvariantCulture), Markup.Escape(e.Role ?? ""), Markup.Escape(string.Join(", ", e.Aliases)));
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

    public static string StatusMarkup(string status) => status switch
    {
        "extracted" => "[green]extracted[/]",
        "failed" => "[red]failed[/]",
        _ => $"[yellow]{status}[/]",
    };

    private static string Shorten(string? s, int max) => s is null ? "" : s.Length <= max ? s : s[..(max - 1)] + "…";
}
