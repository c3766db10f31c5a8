using System.Text.Json;
using Azure.Identity;
using Ingestion.Core.Input;
using Ingestion.Pipeline.Storage;
using Ingestion.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console.Cli;

namespace Ingestion.Cli.Tests;

/// <summary>The CLI against a deployed pipeline: Entra sign-in for storage, a function key for the API, JSON for scripts.</summary>
[Collection(ConsoleCollection.Name)]
public class RemoteAccessTests
{
    private static Commands.DropCommand.Settings Drop(string? account = null, string? connection = null, string? blob = null, string? queue = null, string? table = null) =>
        new() { Account = account, Connection = connection, BlobUri = blob, QueueUri = queue, TableUri = table, Paths = ["x"] };

    [Fact]
    public void An_account_name_signs_in_with_the_default_credential_at_its_service_endpoints()
    {
        var settings = Drop(account: "ingestdemo42");
        Assert.True(settings.Validate().Successful);

        var connection = settings.Resolve();

        Assert.False(connection.UsesConnectionString);
        Assert.IsType<DefaultAzureCredential>(connection.Credential);
        var storage = new PipelineStorage(connection);
        Assert.Equal("https://ingestdemo42.blob.core.windows.net/", storage.Blobs.Uri.ToString());
        Assert.Equal("https://ingestdemo42.table.core.windows.net/", storage.Tables.Uri.ToString());
        Assert.Equal("https://ingestdemo42.queue.core.windows.net/", storage.Queues.Uri.ToString());
    }

    [Fact]
    public void Service_uris_sign_in_the_same_way()
    {
        var settings = Drop(blob: "https://b.example/", queue: "https://q.example/", table: "https://t.example/");
        Assert.True(settings.Validate().Successful);
        var storage = new PipelineStorage(settings.Resolve());
        Assert.Equal("https://q.example/", storage.Queues.Uri.ToString());
    }

    [Theory]
    [InlineData("Bad_Name", null, null)]
    [InlineData("ab", null, null)]
    [InlineData("ingestdemo42", "UseDevelopmentStorage=true", null)]
    [InlineData(null, null, "https://b.example/")]
    [InlineData(null, null, "not a uri")]
    public void Contradictory_or_malformed_storage_options_are_refused(string? account, string? connection, string? blob)
    {
        Assert.False(Drop(account, connection, blob).Validate().Successful);
    }

    [Fact]
    public async Task Drop_json_lists_what_it_uploaded()
    {
        var azurite = await SharedAzurite.GetAsync();
        var folder = Directory.CreateTempSubdirectory("ingest-drop-").FullName;
        File.Copy(RepositoryPaths.Seed, Path.Combine(folder, "a.txt"));
        File.Copy(RepositoryPaths.Seed, Path.Combine(folder, "b.txt"));
        var prefix = "cli/" + Guid.NewGuid().ToString("N");
        var app = new CommandApp();
        app.Configure(c => c.AddCommand<Commands.DropCommand>("drop"));

        var (exit, output) = await CaptureAsync(() => app.RunAsync(["drop", folder, "--prefix", prefix, "--json", "--connection", azurite.ConnectionString]));

        Assert.Equal(0, exit);
        var dropped = JsonDocument.Parse(output).RootElement.EnumerateArray().ToList();
        Assert.Equal([prefix + "/a.txt", prefix + "/b.txt"], dropped.Select(d => d.GetProperty("name").GetString()));
        Assert.Equal(ArticleIdentity.IdFromName(prefix + "/a.txt"), dropped[0].GetProperty("id").GetString());
        Assert.Equal(new FileInfo(RepositoryPaths.Seed).Length, dropped[1].GetProperty("bytes").GetInt64());
        var storage = new PipelineStorage(StorageConnection.FromConnectionString(azurite.ConnectionString));
        Assert.True((await storage.Drop.GetBlobClient(prefix + "/b.txt").ExistsAsync()).Value);
    }

    [Fact]
    public async Task Status_sends_the_function_key_and_says_when_one_is_missing()
    {
        // A stand-in for a Functions app's key check, in front of a canned page of articles.
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        await using var app = builder.Build();
        app.MapGet("/api/articles", (HttpContext c) => c.Request.Headers["x-functions-key"] == "s3cret"
            ? Results.Text("""{"items":[{"id":"0123456789abcdef","name":"a.txt","status":"extracted","entityCount":3,"quoteCount":1}],"continuation":null}""", "application/json")
            : Results.Unauthorized());
        await app.StartAsync();
        var url = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var cli = new CommandApp();
        cli.Configure(c => c.AddCommand<Commands.StatusCommand>("status"));

        var (exit, output) = await CaptureAsync(() => cli.RunAsync(["status", "--url", url, "--key", "s3cret", "--json"]));
        Assert.Equal(0, exit);
        var item = Assert.Single(JsonDocument.Parse(output).RootElement.EnumerateArray());
        Assert.Equal("0123456789abcdef", item.GetProperty("id").GetString());

        var (refused, message) = await CaptureAsync(() => cli.RunAsync(["status", "--url", url, "--json"]), stderr: true);
        Assert.Equal(2, refused);
        Assert.Contains("pass --key or set INGEST_FUNCTION_KEY", message, StringComparison.Ordinal);
        await app.StopAsync();
    }

    /// <summary>Runs a command with stdout (or stderr) captured.</summary>
    private static async Task<(int Exit, string Output)> CaptureAsync(Func<Task<int>> run, bool stderr = false)
    {
        // Spectre's shared console binds to the stdout of the moment it is first used: make that the real one.
        _ = Spectre.Console.AnsiConsole.Console.Profile;
        var original = stderr ? Console.Error : Console.Out;
        using var capture = new StringWriter();
        if (stderr) Console.SetError(capture); else Console.SetOut(capture);
        try
        {
            var exit = await run();
            return (exit, capture.ToString());
        }
        finally
        {
            if (stderr) Console.SetError(original); else Console.SetOut(original);
        }
    }
}
