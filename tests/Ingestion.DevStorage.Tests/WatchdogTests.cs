using System.Diagnostics;
using System.Globalization;

namespace Ingestion.DevStorage.Tests;

public class WatchdogTests
{
    [Fact]
    public async Task A_watched_program_is_stopped_when_its_parent_is_gone()
    {
        using var parent = Process.Start("sleep", "2")!; // stands in for a test run or CLI that dies
        var start = Watchdog.StartInfo("sleep", Path.GetTempPath());
        start.ArgumentList.Add("300");
        start.Environment["WATCHDOG_PARENT"] = parent.Id.ToString(CultureInfo.InvariantCulture);

        using var watched = Process.Start(start)!;
        await Task.Delay(500);
        Assert.False(watched.HasExited, "the program runs while its parent lives");

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await watched.WaitForExitAsync(timeout.Token);
        Assert.True(parent.HasExited);
    }
}
