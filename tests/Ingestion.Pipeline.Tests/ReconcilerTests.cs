using Ingestion.Core.Input;
using Ingestion.Pipeline.Results;
using Ingestion.Pipeline.Stages;
using Ingestion.Pipeline.Storage;
using Ingestion.Testing;

namespace Ingestion.Pipeline.Tests;

public class ReconcilerTests
{
    private static readonly Dictionary<string, string?> Immediately = new()
    {
        ["Ingestion:ReconcileAfter"] = "00:00:00",
        ["Ingestion:ReconcileStuckAfter"] = "00:00:00",
    };

    /// <summary>Tests share one Azurite: each reconciles only its own folder.</summary>
    private static string Folder() => $"reconcile/{Guid.NewGuid():N}/";

    [Fact]
    public async Task A_dropped_blob_no_trigger_delivered_is_cleaned_by_the_reconciler()
    {
        await using var p = await TestPipeline.CreateAsync(Immediately);
        var folder = Folder();
        var name = folder + "a.txt";
        await p.DropAsync(name, await File.ReadAllBytesAsync(RepositoryPaths.Seed));

        var report = await p.Get<Reconciler>().RunAsync(folder);

        Assert.Equal(new Reconciler.Report(1, 1, 0, 1), report);
        var row = await p.Get<ArticleRepository>().GetAsync(ArticleIdentity.IdFromName(name));
        Assert.Equal(ArticleStatus.Cleaned, row!.Status);
    }

    [Fact]
    public async Task Fresh_blobs_are_left_to_their_trigger()
    {
        await using var p = await TestPipeline.CreateAsync(new Dictionary<string, string?> { ["Ingestion:ReconcileAfter"] = "01:00:00" });
        var folder = Folder();
        var name = folder + "a.txt";
        await p.DropAsync(name, await File.ReadAllBytesAsync(RepositoryPaths.Seed));

        await p.Get<Reconciler>().RunAsync(folder);

        Assert.Null(await p.Get<ArticleRepository>().GetAsync(ArticleIdentity.IdFromName(name)));
    }

    [Fact]
    public async Task A_cleaned_article_whose_pointer_was_lost_is_sent_again_and_done_ones_are_left_alone()
    {
        await using var p = await TestPipeline.CreateAsync(Immediately);
        var folder = Folder();
        var stuck = folder + "stuck.txt";
        var done = folder + "done.txt";
        var seed = await File.ReadAllBytesAsync(RepositoryPaths.Seed);
        await p.DropAsync(stuck, seed);
        await p.DropAsync(done, seed);
        await p.Get<CleanStage>().HandleAsync(stuck);
        await p.Get<CleanStage>().HandleAsync(done);
        Assert.Equal(2, await DrainPointersAsync(p, folder, expected: 2)); // both pointers are lost …
        var doneRow = await p.Get<ArticleRepository>().GetAsync(ArticleIdentity.IdFromName(done));
        doneRow!.Status = ArticleStatus.Extracted; // … but one article finished anyway
        await p.Get<ArticleRepository>().SaveAsync(doneRow);

        var report = await p.Get<Reconciler>().RunAsync(folder);

        Assert.Equal(new Reconciler.Report(2, 0, 1, 1), report);
        Assert.Equal(1, await DrainPointersAsync(p, folder, expected: 1));
    }

    [Fact]
    public async Task A_pointer_that_is_only_late_is_not_sent_twice()
    {
        // Missing blobs are taken at once, but a cleaned row is young: its pointer may just be waiting in a backlog.
        await using var p = await TestPipeline.CreateAsync(new Dictionary<string, string?> { ["Ingestion:ReconcileAfter"] = "00:00:00" });
        var folder = Folder();
        var late = folder + "late.txt";
        var missed = folder + "missed.txt";
        var seed = await File.ReadAllBytesAsync(RepositoryPaths.Seed);
        await p.DropAsync(late, seed);
        await p.DropAsync(missed, seed);
        await p.Get<CleanStage>().HandleAsync(late);
        Assert.Equal(1, await DrainPointersAsync(p, folder, expected: 1));

        var report = await p.Get<Reconciler>().RunAsync(folder);

        Assert.Equal(new Reconciler.Report(2, 1, 0, 1), report);
        Assert.Equal(ArticleStatus.Cleaned, (await p.Get<ArticleRepository>().GetAsync(ArticleIdentity.IdFromName(missed)))!.Status);
    }

    [Fact]
    public async Task Many_missed_blobs_are_all_recovered_in_one_run()
    {
        await using var p = await TestPipeline.CreateAsync(Immediately);
        var folder = Folder();
        var seed = await File.ReadAllBytesAsync(RepositoryPaths.Seed);
        var names = Enumerable.Range(0, 20).Select(i => $"{folder}{i:D2}.txt").ToList();
        foreach (var name in names) await p.DropAsync(name, seed);

        var report = await p.Get<Reconciler>().RunAsync(folder);

        Assert.Equal(new Reconciler.Report(20, 20, 0, 20), report);
        foreach (var name in names)
            Assert.Equal(ArticleStatus.Cleaned, (await p.Get<ArticleRepository>().GetAsync(ArticleIdentity.IdFromName(name)))!.Status);
        Assert.Equal(20, await DrainPointersAsync(p, folder, expected: 20));
    }

    /// <summary>Removes this folder's pointer messages from the shared queue and counts them, an unexpected extra one too.</summary>
    private static async Task<int> DrainPointersAsync(TestPipeline p, string folder, int expected) =>
        (await p.TakePointersAsync(m => m.Name.StartsWith(folder, StringComparison.Ordinal), expected, extraRounds: 3)).Count;
}
