using Azure.Data.Tables;
using Ingestion.Cli.Harness;
using Ingestion.Pipeline.Storage;
using Ingestion.Testing;

namespace Ingestion.Cli.Tests;

/// <summary>The baseline of `ingest load` runs the stages' own storage calls: it leaves the rows the pipeline leaves.</summary>
public class StorageBaselineTests
{
    [Fact]
    public async Task The_baseline_leaves_every_article_extracted_with_its_result_rows()
    {
        var azurite = await SharedAzurite.GetAsync();
        var sources = LoadSource.From([RepositoryPaths.Seeds]);

        var perSecond = await new StorageBaseline(azurite.ConnectionString).RunAsync(sources, count: 2 * sources.Count, parallelism: 4, default);

        Assert.True(perSecond > 0);
        var storage = new PipelineStorage(StorageConnection.FromConnectionString(azurite.ConnectionString));
        var rows = new List<ArticleRow>();
        await foreach (var row in storage.Articles.QueryAsync<ArticleRow>())
            if (row.Name.StartsWith("baseline/", StringComparison.Ordinal)) rows.Add(row);
        Assert.True(rows.Count >= 2 * sources.Count);
        foreach (var row in rows)
        {
            Assert.Equal(ArticleStatus.Extracted, row.Status);
            var source = sources.Single(s => row.Name.EndsWith("-" + s.Name, StringComparison.Ordinal));
            Assert.Equal(source.Analysis.Entities.Count, row.EntityCount);
            var entityRows = 0;
            await foreach (var _ in storage.Entities.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {row.PartitionKey}"))) entityRows++;
            Assert.Equal(row.EntityCount, entityRows);
        }
    }
}
