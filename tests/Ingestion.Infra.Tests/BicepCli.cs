using System.Diagnostics;
using System.Reflection;
using System.Runtime.InteropServices;

namespace Ingestion.Infra.Tests;

/// <summary>
/// The Bicep CLI from NuGet: the test project's <c>PackageDownload</c> makes <c>dotnet restore</c> put
/// <c>azure.bicep.commandline.linux-x64/&lt;version&gt;/tools/bicep</c> in the packages folder, so the tests need
/// neither <c>az</c> nor any network but NuGet.
/// </summary>
internal static class BicepCli
{
    private const string PackageId = "azure.bicep.commandline.linux-x64";

    public static string Version { get; } = Metadata("BicepCliVersion")
        ?? throw new InvalidOperationException("The test assembly lacks its BicepCliVersion metadata.");

    /// <summary>Full path of the CLI binary; throws with a hint when it is missing.</summary>
    public static string Path { get; } = Locate();

    public sealed record Result(int ExitCode, string StandardOutput, string StandardError)
    {
        public string AllOutput => StandardOutput + StandardError;
    }

    public static Result Run(params string[] arguments)
    {
        var start = new ProcessStartInfo(Path)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {Path}.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(3)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"bicep {string.Join(' ', arguments)} ran longer than 3 minutes.");
        }

        return new Result(process.ExitCode, stdout.GetAwaiter().GetResult(), stderr.GetAwaiter().GetResult());
    }

    private static string Locate()
    {
        if (!RuntimeInformation.IsOSPlatform(OSPlatform.Linux) || RuntimeInformation.OSArchitecture != Architecture.X64)
        {
            throw new PlatformNotSupportedException(
                $"These tests use the {PackageId} package: they run on linux-x64 only (CI and the dev machines).");
        }

        // NUGET_PACKAGES wins, as it does for NuGet itself; then the folder this project restored into; then the default.
        var roots = new[]
        {
            Environment.GetEnvironmentVariable("NUGET_PACKAGES"),
            Metadata("NuGetPackageRoot"),
            System.IO.Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages"),
        };
        var candidates = roots
            .Where(root => !string.IsNullOrWhiteSpace(root))
            .Select(root => System.IO.Path.Combine(root!, PackageId, Version, "tools", "bicep"))
            .ToList();
        var found = candidates.FirstOrDefault(File.Exists)
            ?? throw new FileNotFoundException(
                $"Bicep CLI {Version} not found (looked in: {string.Join(", ", candidates)}). " +
                "Run `dotnet restore tests/Ingestion.Infra.Tests` first: its PackageDownload fetches the CLI.");

        // NuGet extracts files without their executable bit on some setups.
        var mode = File.GetUnixFileMode(found);
        if ((mode & UnixFileMode.UserExecute) == 0)
        {
            File.SetUnixFileMode(found, mode | UnixFileMode.UserExecute);
        }

        return found;
    }

    private static string? Metadata(string key) =>
        typeof(BicepCli).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(attribute => attribute.Key == key)?.Value;
}
