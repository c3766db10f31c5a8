using System.Diagnostics;

namespace Ingestion.DevStorage;

/// <summary>The Azurite the repository pins in package.json, installed with <c>npm ci</c> on first use.</summary>
internal static class AzuriteInstall
{
    /// <summary>The emulator's entry script; installs it first when missing.</summary>
    public static async Task<string> EnsureAsync(string repositoryRoot, TextWriter? log, CancellationToken cancellationToken)
    {
        var script = Path.Combine(repositoryRoot, "node_modules", "azurite", "dist", "src", "azurite.js");
        if (File.Exists(script)) return script;
        // Test assemblies run in parallel: one installs while the others wait on the lock, then find it done.
        using var installLock = await AcquireLockAsync(Path.Combine(repositoryRoot, ".azurite-install.lock"), cancellationToken);
        if (!File.Exists(script))
            await NpmCiAsync(repositoryRoot, log, cancellationToken);
        return script;
    }

    private static async Task NpmCiAsync(string root, TextWriter? log, CancellationToken cancellationToken)
    {
        log?.WriteLine("Installing Azurite (npm ci) …");
        var npm = new ProcessStartInfo("npm") { WorkingDirectory = root, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { "ci", "--no-audit", "--no-fund" }) npm.ArgumentList.Add(arg);
        using var process = Process.Start(npm) ?? throw new InvalidOperationException("could not start npm (is Node.js 20+ installed?)");
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.StandardOutput.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
            throw new InvalidOperationException("npm ci failed: " + (await stderr).Trim());
    }

    private static async Task<FileStream> AcquireLockAsync(string path, CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
            }
            catch (IOException)
            {
                await Task.Delay(250, cancellationToken);
            }
        }
    }
}
