namespace Ingestion.DevStorage.Tests;

public class RepositoryRootTests
{
    [Fact]
    public void The_repository_is_found_from_any_folder_inside_it_and_not_from_outside()
    {
        var root = RepositoryRoot.Find(AppContext.BaseDirectory);

        Assert.NotNull(root);
        Assert.True(File.Exists(Path.Combine(root, "Ingestion.sln")));
        Assert.Equal(root, RepositoryRoot.Find(Path.Combine(root, "src", "Ingestion.Core", "Data")));
        Assert.Null(RepositoryRoot.Find(Path.GetTempPath()));
    }
}

public class LoopbackPortsTests
{
    [Fact]
    public void A_free_port_is_free_until_someone_listens_on_it()
    {
        var port = LoopbackPorts.Free();
        Assert.True(LoopbackPorts.IsFree(port));

        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, port);
        listener.Start();
        Assert.False(LoopbackPorts.IsFree(port));
    }
}
