using Azure.Data.Tables;

namespace Ingestion.Testing;

/// <summary>Reads tests use to check what a table holds.</summary>
public static class TableReads
{
    /// <summary>Every row of one partition.</summary>
    public static async Task<List<T>> PartitionAsync<T>(this TableClient table, string partition) where T : class, ITableEntity, new()
    {
        var rows = new List<T>();
        await foreach (var r in table.QueryAsync<T>(TableClient.CreateQueryFilter($"PartitionKey eq {partition}"))) rows.Add(r);
        return rows;
    }
}
