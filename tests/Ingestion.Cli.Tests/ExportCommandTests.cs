using System.Text.Json;
using Ingestion.Cli.Export;
using Ingestion.Core.Model;
using Ingestion.Pipeline.Results;
using Ingestion.Pipeline.Storage;
using Ingestion.Testing;
using Parquet.Serialization;
using Spectre.Console.Cli;

namespace Ingestion.Cli.Tests;

/// <summary><c>ingest export</c> against Azurite: the files hold the tables' rows, filtered, in each format.</summary>
[Collection(ConsoleCollection.Name)]
public class ExportCommandTests
{
    private static async Task<(string Extracted, string Failed, string Speaker)> SeedTablesAsync(TestPipeline p)
    {
        var speaker = $"Export Speaker {Guid.NewGuid():N}";
        var extracted = new ArticleRow
        {
            PartitionKey = Guid.NewGuid().ToString("N")[..16], Name = TestPipeline.UniqueName(), Status = ArticleStatus.Extracted,
            Title = "=HYPERLINK(\"http://evil\") exported, \"quoted\" title", Published = "2024-05-06", ReceivedAt = DateTimeOffset.UtcNow, EntityCount = 1, QuoteCount = 2,
            StoryId = "5701e5a11b2c3d4e", DuplicateOf = "0123456789abcdef", Similarity = 0.93,
        };
        await p.Get<ResultsStore>().ReplaceAsync(extracted, new ArticleAnalysis(
            [new Entity(speaker, EntityType.Person, ["Speaker"], 4, "Minister")],
            [new Quote("first, with a comma", speaker, "said", QuoteAttribution.Explicit), new Quote("line\nbreak", null, null, QuoteAttribution.None)]));
        await p.Get<ArticleRepository>().SaveAsync(extracted);
        var failed = new ArticleRow { PartitionKey = Guid.NewGuid().ToString("N")[..16], Name = TestPipeline.UniqueName(), Status = ArticleStatus.Failed, ErrorKind = "Binary" };
        await p.Get<ArticleRepository>().SaveAsync(failed);
        return (extracted.PartitionKey, failed.PartitionKey, speaker);
    }

    private static Task<int> RunAsync(params string[] args)
    {
        var app = new CommandApp();
        app.Configure(c => c.AddCommand<Commands.ExportCommand>("export"));
        return app.RunAsync(args);
    }

    [Theory]
    [InlineData("jsonl")]
    [InlineData("csv")]
    [InlineData("parquet")]
    public async Task Export_writes_the_selected_articles_with_their_entities_quotes_and_index_rows(string format)
    {
        await using var p = await TestPipeline.CreateAsync();
        var (extracted, failed, speaker) = await SeedTablesAsync(p);
        var folder = Directory.CreateTempSubdirectory("ingest-export-").FullName;

        var exit = await RunAsync("export", "--format", format, "--status", "extracted", "--since", DateTime.UtcNow.AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            "--connection", p.ConnectionString, "-o", folder);

        Assert.Equal(0, exit);
        Assert.Equal(TableExporter.Files.Select(f => f + "." + format).Order(StringComparer.Ordinal),
            Directory.GetFiles(folder).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        var articles = await ReadAsync<ArticleRecord>(folder, "articles", format);
        var mine = Assert.Single(articles, a => a.Id == extracted);
        Assert.DoesNotContain(articles, a => a.Id == failed);
        Assert.All(articles, a => Assert.Equal(ArticleStatus.Extracted, a.Status));
        Assert.Equal(new DateOnly(2024, 5, 6), mine.Published);
        Assert.Equal(2, mine.QuoteCount);
        Assert.NotNull(mine.ReceivedAt);
        Assert.Equal(("5701e5a11b2c3d4e", "0123456789abcdef", 0.93), (mine.StoryId, mine.DuplicateOf, mine.Similarity));
        var quotes = (await ReadAsync<QuoteRecord>(folder, "quotes", format)).Where(q => q.ArticleId == extracted).OrderBy(q => q.Position).ToList();
        Assert.Equal(["first, with a comma", "line\nbreak"], quotes.Select(q => q.Text));
        Assert.Equal(["explicit", "none"], quotes.Select(q => q.Attribution));
        Assert.Equal(TableKeys.EntityKey(speaker), quotes[0].SpeakerKey);
        var entity = Assert.Single(await ReadAsync<EntityRecord>(folder, "entities", format), e => e.ArticleId == extracted);
        Assert.Equal((speaker, "person", 4, "Minister", "[\"Speaker\"]"), (entity.Name, entity.Type, entity.Mentions, entity.Role, entity.Aliases));
        var index = Assert.Single(await ReadAsync<EntityIndexRecord>(folder, "entity_index", format), r => r.ArticleId == extracted);
        Assert.Equal((TableKeys.EntityKey(speaker), 1), (index.EntityKey, index.QuoteCount));
        Assert.Equal(("5701e5a11b2c3d4e", "0123456789abcdef"), (index.StoryId, index.DuplicateOf));
        if (format == "csv")
        {
            // A title that a spreadsheet would run as a formula is escaped in CSV only.
            Assert.StartsWith("'=HYPERLINK", mine.Title, StringComparison.Ordinal);
            Assert.Equal("article_id,position,published,speaker,speaker_key,cue,attribution,text,text_truncated",
                File.ReadLines(Path.Combine(folder, "quotes.csv")).First());
        }
        else
            Assert.StartsWith("=HYPERLINK", mine.Title, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--format", "xlsx")]
    [InlineData("--since", "last week")]
    [InlineData("--status", "done")]
    public async Task Bad_options_are_refused_before_anything_is_read(string option, string value)
    {
        var folder = Path.Combine(Path.GetTempPath(), "ingest-export-never-" + Guid.NewGuid().ToString("N"));
        var exit = await RunAsync("export", option, value, "--connection", "UseDevelopmentStorage=true", "-o", folder);
        Assert.NotEqual(0, exit);
        Assert.False(Directory.Exists(folder));
    }

    /// <summary>Reads an exported file back: JSON Lines and CSV by column name, Parquet with Parquet.Net.</summary>
    private static async Task<List<T>> ReadAsync<T>(string folder, string file, string format) where T : class, new()
    {
        var path = Path.Combine(folder, file + "." + format);
        switch (format)
        {
            case "jsonl":
                return File.ReadLines(path).Select(l => JsonSerializer.Deserialize<T>(l)!).ToList();
            case "parquet":
                await using (var stream = File.OpenRead(path))
                    return (await ParquetSerializer.DeserializeAsync<T>(stream)).Data.ToList();
            default:
                return CsvFile.Read<T>(path);
        }
    }
}
