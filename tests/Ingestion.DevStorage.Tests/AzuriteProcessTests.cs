namespace Ingestion.DevStorage.Tests;

public class AzuriteProcessTests
{
    private static readonly string Root = RepositoryRoot.Find(AppContext.BaseDirectory)!;

    [Fact]
    public async Task Azurite_listens_on_the_ports_its_connection_string_names_and_frees_them_when_stopped()
    {
        await using var azurite = await AzuriteProcess.StartAsync(Root);

        foreach (var port in new[] { azurite.BlobPort, azurite.QueuePort, azurite.TablePort })
        {
            Assert.False(LoopbackPorts.IsFree(port));
            Assert.Contains($"http://127.0.0.1:{port}/devstoreaccount1", azurite.ConnectionString, StringComparison.Ordinal);
        }
        if (OperatingSystem.IsLinux()) Assert.True(azurite.ProcessorTime > TimeSpan.Zero);

        Assert.False(azurite.Exited.IsCancellationRequested);

        await azurite.StopAsync();
        Assert.True(LoopbackPorts.IsFree(azurite.BlobPort));
        // what a run waiting on the emulator learns from (the token is cancelled by a continuation of the exit)
        await Task.Delay(Timeout.Infinite, azurite.Exited).ContinueWith(_ => { }, TaskScheduler.Default).WaitAsync(TimeSpan.FromSeconds(10));
        Assert.True(azurite.Exited.IsCancellationRequested);
    }

    [Fact]
    public async Task A_persistent_emulator_restarts_on_the_same_ports_and_store()
    {
        var location = Directory.CreateTempSubdirectory("devstorage-test-").FullName;
        try
        {
            var first = await AzuriteProcess.StartAsync(Root, location);
            var ports = first.Ports;
            await first.StopGracefullyAsync(TimeSpan.FromSeconds(30));
            await first.DisposeAsync();
            Assert.NotEmpty(Directory.EnumerateFiles(location)); // the store it flushed

            await using var second = await AzuriteProcess.StartAsync(Root, location, ports: ports);
            Assert.Equal(ports, second.Ports);
            Assert.False(LoopbackPorts.IsFree(ports.Blob));
        }
        finally
        {
            Directory.Delete(location, recursive: true);
        }
    }
}
