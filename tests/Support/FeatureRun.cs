using EUeConformance.Network.Time;
using EUeConformance.Reports.Model;
using EUeConformance.Runner.Bindings;
using EUeConformance.Runner.Execution;
using EUeConformance.Runner.Gherkin;
using EUeConformance.Runner.Profile;

namespace EUeConformance.Tests.Support;

/// <summary>Runs feature text against chosen binding classes on a virtual clock, as the suite runner would.</summary>
public static class FeatureRun
{
    public static IReadOnlyList<Pickle> Compile(string featureText) => FeatureLoader.Compile("test.feature", featureText);

    public static async Task<IReadOnlyList<ScenarioResult>> RunAsync(string featureText, params Type[] bindings) =>
        await RunAsync(featureText, Repo.LoadReferenceProfile(), new VirtualClock(), CancellationToken.None, bindings);

    public static async Task<IReadOnlyList<ScenarioResult>> RunAsync(string featureText, DutProfile profile, TimeProvider clock,
        CancellationToken cancellation, params Type[] bindings)
    {
        var registry = BindingRegistry.FromTypes(bindings);
        var executor = new ScenarioExecutor(registry);
        var results = new List<ScenarioResult>();
        foreach (var p in Compile(featureText))
        {
            var bed = new TestBed(profile, clock, "simulation", 1, Repo.TempDir());
            results.Add((await executor.RunAsync(p, bed, cancellation)).Result);
        }
        return results;
    }
}
