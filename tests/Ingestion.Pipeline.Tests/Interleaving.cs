using Ingestion.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Simmy;

namespace Ingestion.Pipeline.Tests;

/// <summary>
/// Runs other stages' steps at a chosen point of a stage in flight, so that a race between them happens in one order,
/// every time, with no sleeps: just before the stage's next storage write unit (<see cref="StorageWriteResilience"/>,
/// which every stage's writes go through; the extract stage's first unit comes after it has read the status row and
/// the clean article and analysed it, its second after it has recorded its story and version). The real resilience
/// pipeline still wraps every unit.
/// </summary>
public sealed class Interleaving
{
    private (int UnitsLeft, Func<Task> Step)? armed;

    /// <summary>Runs <paramref name="step"/> once, before the <paramref name="unit"/>th write unit from now (1: the next).</summary>
    public void BeforeWriteUnit(int unit, Func<Task> step) => armed = (unit, step);

    /// <summary>A pipeline on the shared Azurite whose write units pass through <paramref name="interleaving"/>.</summary>
    public static Task<TestPipeline> PipelineAsync(Interleaving interleaving) =>
        TestPipeline.CreateAsync(configure: services => services.AddSingleton(sp =>
        {
            var builder = new ResiliencePipelineBuilder().AddChaosBehavior(1.0, interleaving.BeforeUnitAsync);
            StorageWriteResilience.Configure(builder, sp.GetRequiredService<IOptions<StorageWriteResilienceOptions>>().Value);
            return new StorageWriteResilience(builder.Build());
        }));

    private async ValueTask BeforeUnitAsync(CancellationToken cancellationToken)
    {
        if (armed is not { } next) return;
        // Disarmed before the step runs: the step's own write units pass straight through.
        armed = next.UnitsLeft > 1 ? next with { UnitsLeft = next.UnitsLeft - 1 } : null;
        if (next.UnitsLeft == 1) await next.Step();
    }
}
