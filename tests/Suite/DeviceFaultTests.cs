using EUeConformance.Cli;
using EUeConformance.Device.Eue.Flows;
using EUeConformance.Device.Eue.Services;
using EUeConformance.Device.Mutants;
using EUeConformance.Device.Options;
using EUeConformance.Reports.Model;
using EUeConformance.Runner.Catalog;
using EUeConformance.Runner.Execution;
using EUeConformance.Runner.Gherkin;
using EUeConformance.Runner.Profile;
using EUeConformance.Tests.Support;
using FluentAssertions;
using Xunit;

namespace EUeConformance.Tests.Suite;

/// <summary>
/// The reference device is part of the harness: when code inside it throws, the scenario is an error (a defect to
/// fix), never a pass, fail or inconclusive that a user would read as a verdict on conformance.
/// </summary>
public sealed class DeviceFaultTests
{
    sealed class ThrowsOnFileUrl : FlowPolicy
    {
        public override ConfigFileLocation? ParseConfigFileUrl(string url) => throw new InvalidOperationException("a bug in the reference device");
    }

    [Fact]
    public async Task An_exception_inside_the_reference_device_makes_the_scenario_an_error_naming_it()
    {
        var faulty = new Mutant("throws-on-file-url", "test only: throws while parsing the file URL", [],
            o => o with { Behaviour = o.Behaviour with { Flow = new ThrowsOnFileUrl() } });
        var catalog = CatalogLoader.Load(Repo.Catalog);
        var pickles = FeatureLoader.LoadDirectory(Repo.Features).Where(p => p.RequirementIds.Contains("EUE-PROV-6.1.4-02a")).Take(1).ToList();
        var profile = ProfileLoader.Load(Repo.ReferenceProfile);
        var plan = RunPlan.Build(pickles, catalog, profile, new Selection());
        var report = await new SuiteRunner(StepAssemblies.Registry, catalog, profile,
            new RunOptions(Repo.TempDir(), DutFactory: DutFactories.WithMutant(faulty), KeepEvidence: false)).RunAsync(plan);

        var scenario = report.Scenarios.Single();
        scenario.Verdict.Should().Be(Verdict.Error);
        scenario.Reason.Should().Contain("the reference device faulted").And.Contain("a bug in the reference device");
    }
}
