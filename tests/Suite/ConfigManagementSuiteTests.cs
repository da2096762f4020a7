using System.Text.RegularExpressions;
using EUeConformance.Device;
using EUeConformance.Device.Eue.Config;
using EUeConformance.Device.Eue.Mib;
using EUeConformance.Device.Options;
using EUeConformance.Device.Runtime;
using EUeConformance.Network.Evidence;
using EUeConformance.Network.Fabric;
using EUeConformance.Network.Time;
using EUeConformance.Reports.Model;
using EUeConformance.Runner.Bindings;
using EUeConformance.Runner.Execution;
using EUeConformance.Runner.Gherkin;
using EUeConformance.Runner.Profile;
using EUeConformance.Steps.Inspection;
using EUeConformance.Tests.Support;
using FluentAssertions;
using Xunit;

namespace EUeConformance.Tests.Suite;

/// <summary>
/// The configuration-file and management scenarios where the reference profile alone cannot show that they judge right:
/// the createAndWait rule of an eUE that does not claim it (6.4.2-06, not applicable to the reference device, which
/// claims create-and-wait), and the operator side of the inspection scenarios (the reference device answers those from
/// its own log; a bench device's operator answers at the terminal).
/// </summary>
[Collection(nameof(OperatorTerminalCollection))]
public sealed class ConfigManagementSuiteTests
{
    static readonly Lazy<IReadOnlyList<Pickle>> Pickles = new(() => FeatureLoader.LoadDirectory(Repo.Features, Repo.Root));
    static readonly BindingRegistry Registry = BindingRegistry.Discover(typeof(EUeConformance.Steps.Bed.Lab).Assembly);

    static DutProfile WithoutCreateAndWait()
    {
        string text = File.ReadAllText(Repo.ReferenceProfile).Replace("  create-and-wait: true\n", "  create-and-wait: false\n", StringComparison.Ordinal);
        return ProfileLoader.Parse(Path.Combine(Repo.TempDir(), "no-create-and-wait.yaml"), text);
    }

    static async Task<IReadOnlyList<ScenarioResult>> RunAsync(DutProfile profile, string feature, string names, DutFactory factory)
    {
        var files = new Regex($"features/{feature}\\.feature$");
        var selected = Pickles.Value.Where(p => files.IsMatch(p.File.Replace('\\', '/')) && Regex.IsMatch(p.Name, names)).ToList();
        selected.Should().NotBeEmpty($"'{names}' must select scenarios of {feature}");
        var plan = RunPlan.Build(selected, EUeConformance.Runner.Catalog.CatalogLoader.Load(Repo.Catalog), profile, new Selection());
        var results = new List<ScenarioResult>();
        var executor = new ScenarioExecutor(Registry);
        foreach (var p in selected)
        {
            if (plan.Selected.Any(n => n.Pickle.Id == p.Id && !n.Applicable)) continue;
            var bed = new TestBed(profile, new VirtualClock(), "simulation", 1, Repo.TempDir(), factory);
            try { results.Add((await executor.RunAsync(p, bed, CancellationToken.None)).Result); }
            finally { await bed.DisposeAsync(); }
        }
        return results;
    }

    static DutFactory Reference(Func<ReferenceDeviceOptions, ReferenceDeviceOptions>? change = null) =>
        (profile, seed) => new ReferenceDutAdapter((change ?? (o => o))(DutFactories.ReferenceOptions(profile, seed)));

    const string CreateAndWait = "without createAndWait treats";

    [Fact] // 6.4.2-06: the conforming device passes
    public async Task An_eUE_without_createAndWait_that_fails_the_file_and_lists_the_varbind_passes()
    {
        var results = await RunAsync(WithoutCreateAndWait(), "config-file-processing", CreateAndWait, Reference());
        results.Should().ContainSingle().Which.Verdict.Should().Be(Verdict.Pass, string.Join("\n", results.Select(r => r.Reason)));
    }

    [Theory] // 6.4.2-06: each deviation fails
    [InlineData("accepts the createAndWait with a warning")]
    [InlineData("does not list the RowStatus in the error OIDs table")]
    public async Task An_eUE_without_createAndWait_that_deviates_fails(string deviation)
    {
        ConfigFileRules rules = deviation.StartsWith("accepts", StringComparison.Ordinal) ? new WarnsOnCreateAndWait() : new ListsNothing();
        var results = await RunAsync(WithoutCreateAndWait(), "config-file-processing", CreateAndWait,
            Reference(o => o with { Behaviour = o.Behaviour with { ConfigFileRules = rules } }));
        results.Should().ContainSingle().Which.Verdict.Should().Be(Verdict.Fail, string.Join("\n", results.Select(r => r.Reason)));
    }

    [Fact]
    public async Task The_createAndWait_scenario_of_an_eUE_that_claims_it_is_not_applicable_without_the_claim()
    {
        var pickles = Pickles.Value.Where(p => p.Name.Contains("supports createAndWait", StringComparison.Ordinal)).ToList();
        var plan = RunPlan.Build(pickles, EUeConformance.Runner.Catalog.CatalogLoader.Load(Repo.Catalog), WithoutCreateAndWait(), new Selection());
        pickles.Should().ContainSingle();
        plan.NotApplicable.Should().Be(1);
    }

    // ---------------------------------------------------------------- inspection by an operator

    const string Logged = "local log records it";

    static DutFactory HiddenLog => (profile, seed) => new HiddenLogAdapter(new ReferenceDutAdapter(DutFactories.ReferenceOptions(profile, seed)));

    static async Task<ScenarioResult> InspectAsync(string? operatorInput)
    {
        var before = OperatorTerminal.Current;
        var output = new StringWriter();
        OperatorTerminal.Current = (operatorInput is null ? null : new StringReader(operatorInput), output);
        try
        {
            var results = await RunAsync(Repo.LoadReferenceProfile(), "ipv6-link-local-address-inspection", Logged, HiddenLog);
            if (operatorInput is not null) output.ToString().Should().Contain("[inspection]").And.Contain("duplicate address detection");
            return results.Should().ContainSingle().Subject;
        }
        finally { OperatorTerminal.Current = before; }
    }

    [Fact]
    public async Task The_reference_device_is_inspected_from_its_own_log()
    {
        var results = await RunAsync(Repo.LoadReferenceProfile(), "ipv6-link-local-address-inspection", Logged, Reference());
        results.Should().ContainSingle().Which.Verdict.Should().Be(Verdict.Pass);
    }

    [Theory]
    [InlineData("y\nthe console showed 'DAD failed fe80::210:95ff:fe00:2'\n", Verdict.Pass)]
    [InlineData("n\nnothing in the log\n", Verdict.Fail)]
    [InlineData("s\n\n", Verdict.Inconclusive)]
    [InlineData("", Verdict.Inconclusive)]
    public async Task Without_a_device_log_the_operator_answers(string input, Verdict expected)
    {
        var result = await InspectAsync(input);
        result.Verdict.Should().Be(expected, result.Reason);
    }

    [Fact]
    public async Task Without_a_device_log_and_without_an_operator_the_inspection_is_inconclusive()
    {
        var result = await InspectAsync(null);
        result.Verdict.Should().Be(Verdict.Inconclusive);
        result.Reason.Should().Contain("no operator");
    }

    sealed class WarnsOnCreateAndWait : ConfigFileRules
    {
        public override ProvisioningStatus UnsupportedCreateAndWait => ProvisioningStatus.PassWithWarnings;
    }

    sealed class ListsNothing : ConfigFileRules
    {
        public override bool ListsInErrorTable(ConfigFileError error) => false;
    }

    /// <summary>The reference device behind an adapter that shows nothing of its log, as a bench device's would.</summary>
    sealed class HiddenLogAdapter(ReferenceDutAdapter inner) : IDutAdapter
    {
        public string Kind => "external";
        public Task AttachAsync(IFabric fabric, ILink link, IEvidenceSink evidence, CancellationToken cancellationToken = default) =>
            inner.AttachAsync(fabric, link, new NullSink(), cancellationToken);
        public Task<bool> SetEcmProvisioningAsync(EUeConformance.Device.Ecm.EcmProvisioning provisioning, CancellationToken cancellationToken = default) =>
            inner.SetEcmProvisioningAsync(provisioning, cancellationToken);
        public Task PowerOnAsync(CancellationToken cancellationToken = default) => inner.PowerOnAsync(cancellationToken);
        public Task ResetAsync(DutResetKind kind, CancellationToken cancellationToken = default) => inner.ResetAsync(kind, cancellationToken);
        public Task PowerOffAsync(CancellationToken cancellationToken = default) => inner.PowerOffAsync(cancellationToken);
        public DutStatus Status => DutStatus.Unknown;
        public IReadOnlyList<DeviceLogEntry> Log => [];
        public event Action<DeviceLogEntry>? LogWritten { add { } remove { } }
        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }

    sealed class NullSink : IEvidenceSink
    {
        public EvidenceEvent Publish(EvidenceDraft draft) => new(0, DateTimeOffset.MinValue, draft.Service, draft.Direction, draft.Local, draft.Peer,
            draft.Protocol, draft.Kind, draft.Fields, draft.Message, draft.Error, draft.Raw);
    }
}

[CollectionDefinition(nameof(OperatorTerminalCollection), DisableParallelization = true)]
public sealed class OperatorTerminalCollection;
