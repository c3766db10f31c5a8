using System.Text.Json;
using Ingestion.Testing;
using Spectre.Console.Cli;

namespace Ingestion.Cli.Tests;

/// <summary><c>ingest process</c> run in process, on real files, reading its JSON Lines back.</summary>
[Collection(ConsoleCollection.Name)]
public class ProcessCommandTests
{
    private static CommandApp CreateApp()
    {
        var app = new CommandApp();
        app.Configure(c => c.AddCommand<Commands.ProcessCommand>("process"));
        return app;
    }

    private static async Task<(int Exit, List<JsonElement> Lines)> RunAsync(params string[] paths)
    {
        var output = Path.GetTempFileName();
        var exit = await CreateApp().RunAsync(["process", .. paths, "--output", output]);
        var lines = (await File.ReadAllLinesAsync(output)).Where(l => l.Length > 0).Select(l => JsonDocument.Parse(l).RootElement.Clone()).ToList();
        File.Delete(output);
        return (exit, lines);
    }

    [Fact]
    public async Task The_seed_becomes_one_line_in_the_documented_shape()
    {
        var (exit, lines) = await RunAsync(RepositoryPaths.Seed);

        Assert.Equal(0, exit);
        var doc = Assert.Single(lines);
        Assert.Equal(RepositoryPaths.Seed, doc.GetProperty("source").GetString());
        Assert.Equal("text", doc.GetProperty("format").GetString());
        Assert.Equal("Russia and China criticize NATO after Putin and Xi's talks", doc.GetProperty("title").GetString());
        foreach (var field in new[] { "id", "language", "published", "authors", "lead", "body", "captions", "signature", "entities", "quotes" })
            Assert.True(doc.TryGetProperty(field, out _), "missing field " + field);
        var body = doc.GetProperty("body").EnumerateArray().ToList();
        Assert.NotEmpty(body);
        Assert.All(body, b => Assert.True(b.GetProperty("kind").GetString() is "paragraph" or "heading"));
    }

    [Fact]
    public async Task Inputs_without_an_article_get_an_error_line_and_a_nonzero_exit_while_the_rest_go_on()
    {
        var dir = Directory.CreateTempSubdirectory();
        await File.WriteAllBytesAsync(Path.Combine(dir.FullName, "a-empty.txt"), []);
        await File.WriteAllBytesAsync(Path.Combine(dir.FullName, "b-binary.png"), [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D]);
        File.Copy(RepositoryPaths.Seed, Path.Combine(dir.FullName, "c-seed.txt"));
        await File.WriteAllTextAsync(Path.Combine(dir.FullName, "c-seed.gold.json"), "{}");

        var (exit, lines) = await RunAsync(dir.FullName);

        Assert.Equal(1, exit);
        Assert.Equal(3, lines.Count); // the gold file is not an article
        Assert.Equal("Empty", lines[0].GetProperty("kind").GetString());
        Assert.False(string.IsNullOrEmpty(lines[0].GetProperty("error").GetString()));
        Assert.Equal("Binary", lines[1].GetProperty("kind").GetString());
        Assert.False(lines[2].TryGetProperty("error", out _));
        dir.Delete(recursive: true);
    }

    [Fact]
    public async Task Copies_in_a_folder_name_the_first_copy_of_their_story_and_other_stories_stand_alone()
    {
        var dir = Directory.CreateTempSubdirectory();
        var seed = await File.ReadAllTextAsync(RepositoryPaths.Seed);
        Directory.CreateDirectory(Path.Combine(dir.FullName, "b-crawl"));
        await File.WriteAllTextAsync(Path.Combine(dir.FullName, "a-page.txt"), seed);
        await File.WriteAllTextAsync(Path.Combine(dir.FullName, "b-crawl", "copy.txt"), seed.Replace("Putin will be the highest-profile guest", "Putin is the highest-profile guest", StringComparison.Ordinal));
        File.Copy(Path.Combine(RepositoryPaths.Seeds, "tf-colonial.html"), Path.Combine(dir.FullName, "c-other.html"));

        var (exit, lines) = await RunAsync(dir.FullName);

        Assert.Equal(0, exit);
        var (first, copy, other) = (lines[0], lines[1], lines[2]);
        Assert.Equal("a-page.txt", first.GetProperty("name").GetString());
        Assert.Equal("b-crawl/copy.txt", copy.GetProperty("name").GetString()); // named as `ingest drop` would name it
        Assert.Equal(JsonValueKind.Null, first.GetProperty("duplicateOf").ValueKind);
        Assert.Equal(1.0, first.GetProperty("similarity").GetDouble());
        Assert.Equal(first.GetProperty("id").GetString(), copy.GetProperty("duplicateOf").GetString());
        Assert.InRange(copy.GetProperty("similarity").GetDouble(), 0.8, 0.999);
        Assert.Equal(JsonValueKind.Null, other.GetProperty("duplicateOf").ValueKind);
        dir.Delete(recursive: true);
    }

    [Fact]
    public async Task A_missing_path_is_a_usage_error()
    {
        Assert.Equal(2, await CreateApp().RunAsync(["process", "/no/such/file.txt"]));
    }
}
