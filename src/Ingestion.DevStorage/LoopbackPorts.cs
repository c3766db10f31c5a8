using System.Net;
using System.Net.Sockets;

namespace Ingestion.DevStorage;

/// <summary>Ports on 127.0.0.1 for the emulator and the hosts a run starts.</summary>
public static class LoopbackPorts
{
    /// <summary>A port nobody listens on right now (the OS picks it).</summary>
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>True when nothing listens on <paramref name="port"/>.</summary>
    public static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    /// <summary>Waits until something accepts connections on each port, or the process dies, or 60 s pass.</summary>
    public static async Task WaitUntilListeningAsync(IEnumerable<int> ports, Func<string?> exited, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        foreach (var port in ports)
        {
            while (true)
            {
                if (exited() is { } why) throw new InvalidOperationException(why);
                try
                {
                    using var client = new TcpClient();
                    await client.ConnectAsync(IPAddress.Loopback, port, cancellationToken);
                    break;
                }
                catch (SocketException) when (DateTime.UtcNow < deadline)
                {
                    await Task.Delay(100, cancellationToken);
                }
            }
        }
    }
}
