using EUeConformance.Runner.Bindings;
using EUeConformance.Runner.Catalog;
using EUeConformance.Runner.Execution;
using EUeConformance.Runner.Gherkin;
using EUeConformance.Runner.Profile;

namespace EUeConformance.Cli;

/// <summary>Everything a run or a listing reads before it starts; any mistake in them is an InputError.</summary>
public sealed record SuiteInputs(RequirementCatalog Catalog, IReadOnlyList<Pickle> Pickles, DutProfile Profile, BindingRegistry Bindings)
{
    public static SuiteInputs Load(string? featuresDir, string? catalogPath, string dut)
    {
        var catalog = CatalogLoader.Load(catalogPath ?? SuitePaths.Show(SuitePaths.Catalog));
        var pickles = FeatureLoader.LoadDirectory(featuresDir ?? SuitePaths.Show(SuitePaths.Features));
        var profile = BuiltInProfiles.Load(dut);
        return new SuiteInputs(catalog, pickles, profile, StepAssemblies.Registry);
    }

    public RunPlan Plan(Selection selection) => RunPlan.Build(Pickles, Catalog, Profile, selection);
}

public static class StepAssemblies
{
    /// <summary>The bindings shipped with the suite (steps/).</summary>
    public static BindingRegistry Registry { get; } =
        BindingRegistry.Discover(typeof(EUeConformance.Steps.Declarations.DeclarationSteps).Assembly);
}
