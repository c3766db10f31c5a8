using Ingestion.Pipeline.Storage;

namespace Ingestion.Pipeline.Tests;

public class TableKeysTests
{
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
