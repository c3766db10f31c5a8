using Ingestion.Pipeline.Storage;
using Polly;

namespace Ingestion.Pipeline.Tests;

public class ResilienceTests
{
    private static StorageWriteResilience Create()
    {
        var builder = new ResiliencePipelineBuilder();
        StorageWriteResilience.Configure(builder, baseDelay: TimeSpan.FromMilliseconds(1));
        return new StorageWriteResilience(builder.Build());
    }

    [Fact]
    public async Task Transient_storage_failures_are_retried_as_a_unit()
    {
        var calls = 0;
        await Create().ExecuteAsync(_ =>
        {
            if (++calls < 3) throw new Azure.RequestFailedException(503, "server busy");
            return Task.CompletedTask;
        }, default);
        Assert.Equal(3, calls);
    }

    [Fact]
    public async Task Retries_are_bounded_so_the_trigger_can_take_over()
    {
        var calls = 0;
        await Assert.ThrowsAsync<Azure.RequestFailedException>(() => Create().ExecuteAsync(_ =>
        {
            calls++;
            throw new Azure.RequestFailedException(500, "down");
        }, default).AsTask());
        Assert.Equal(3, calls);
    }

    [Fact]
    public async Task Client_errors_are_not_retried()
    {
        var calls = 0;
        await Assert.ThrowsAsync<Azure.RequestFailedException>(() => Create().ExecuteAsync(_ =>
        {
            calls++;
            throw new Azure.RequestFailedException(409, "conflict");
        }, default).AsTask());
        Assert.Equal(1, calls);
    }

    [Theory]
    [InlineData("Vladimir  Putin", "vladimir putin")]
    [InlineData("Frank-Walter Steinmeier", "frank-walter steinmeier")]
    [InlineData("São Paulo", "sao paulo")]
    [InlineData("a/b\\c#d?e\u0001f", "a b c d e f")]
    public void Entity_keys_are_normalised_and_valid(string name, string key)
    {
        Assert.Equal(key, TableKeys.EntityKey(name));
        Assert.True(TableKeys.IsValidKey(TableKeys.EntityKey(name)));
    }
}
