using System.Net;
using System.Net.NetworkInformation;
using EUeConformance.Device;
using EUeConformance.Headend.Composition;
using EUeConformance.Headend.Database;
using EUeConformance.Network.Evidence;
using EUeConformance.Network.Fabric;
using EUeConformance.Runner.Profile;

namespace EUeConformance.Runner.Execution;

/// <summary>
/// What one scenario runs on, built fresh for every scenario and injected into its bindings: the DUT
/// profile, the clock, the fabric's kind and seed, and the folder its evidence goes to. The network
/// (fabric, link, evidence log, headend, DUT adapter) starts when a step asks for it with the headend's
/// provisioning database (<see cref="StartAsync"/>): declaration scenarios never start one. Disposing the
/// bed stops the DUT, the headend and the fabric, and closes the scenario's capture.pcap and events.jsonl.
/// </summary>
public sealed class TestBed(DutProfile profile, TimeProvider clock, string fabric, int seed, string evidenceDirectory, DutFactory? dutFactory = null)
    : IAsyncDisposable
{
    EvidenceRecorder? _recorder;

    public DutProfile Profile { get; } = profile;
    /// <summary>The runner's clock, which bounds steps and scenarios (the wall clock; the fabric has its own).</summary>
    public TimeProvider Clock { get; } = clock;
    public string Fabric { get; } = fabric;
    public int Seed { get; } = seed;
    /// <summary>Where this scenario's evidence files go (steps.log, capture.pcap, events.jsonl).</summary>
    public string EvidenceDirectory { get; } = evidenceDirectory;
    public DutFactory DutFactory { get; } = dutFactory ?? DutFactories.FromProfile;

    /// <summary>Write capture.pcap and events.jsonl (off only for bulk runs that keep verdicts alone, e.g. the mutation matrix).</summary>
    public bool KeepEvidence { get; init; } = true;

    /// <summary>Builds the scenario's fabric instead of the default for <see cref="Fabric"/> (a bench of NICs the profile cannot describe, tests).</summary>
    public FabricFactory? FabricFactory { get; init; }

    /// <summary>On loopback and netns: run the actors' clock this many times faster than the wall clock (1: real time).</summary>
    public double TimeScale { get; init; } = 1;

    /// <summary>How long, in wall-clock time, building a real fabric's network for a scenario may take.</summary>
    public static readonly TimeSpan NetworkSetupBound = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Told of every bounded wait on a real fabric before it starts (the scenario's <see cref="StepWatchdog"/> listens):
    /// the evidence log's waits and <see cref="TestBedNetwork.SettleAsync"/>. Not called in simulation, whose waits are virtual.
    /// </summary>
    public Action<TimeSpan>? WaitStarting { get; set; }

    /// <summary>
    /// How far a time measured between two evidence events may be off for reasons of the bench alone, on the bed's
    /// clock: zero in simulation (virtual time is exact); on a real fabric its wall-clock scheduling allowance
    /// (<see cref="Network.Sockets.RealFabric.SchedulingAllowance"/>) times the time scale. Timing checks keep the spec's
    /// own tolerance and add this, and say so (steps/README.md). Known once the network started.
    /// </summary>
    public TimeSpan MeasurementAllowance { get; private set; }

    /// <summary>The running network, once a step started it.</summary>
    public TestBedNetwork? Network { get; private set; }

    /// <summary>The evidence files written so far, relative to <see cref="EvidenceDirectory"/>.</summary>
    public IReadOnlyList<string> EvidenceFiles => _recorder is null ? [] : [EvidenceRecorder.CaptureFile, EvidenceRecorder.EventsFile];

    /// <summary>
    /// Builds the fabric the run asked for, starts recording evidence, attaches the headend host with
    /// <paramref name="headendAddresses"/> and starts its servers from <paramref name="database"/>, then
    /// attaches the DUT (powered off). Once per scenario.
    /// </summary>
    public async Task<TestBedNetwork> StartAsync(ProvisioningDatabase database, IReadOnlyList<InterfaceAddress> headendAddresses,
        HeadendOptions? headendOptions = null, Action<Headend.Composition.Headend>? configure = null, CancellationToken cancellationToken = default)
    {
        if (Network is not null) throw new InvalidOperationException("the scenario's network is already running");
        var kind = FabricNames.Parse(Fabric);
        // Building a real network (namespaces, veths, sockets, the headend's DAD) is the kernel's work in wall-clock time,
        // however fast the actors' clock runs, and on a loaded machine it takes seconds: the step's watchdog gives it
        // NetworkSetupBound of wall-clock time, not a share of the IXIT step bound on the sped-up clock.
        if (kind != FabricKind.Simulation) WaitStarting?.Invoke(NetworkSetupBound * Math.Max(1, TimeScale));
        IFabric net = FabricFactory is { } make ? make(kind, Seed)
            : kind == FabricKind.Interface
            ? new Network.Interface.InterfaceFabric(new Network.Interface.InterfaceFabricOptions
            {
                Seed = Seed,
                Interfaces = [Profile.Ixit.HeadendInterface ?? throw new InvalidOperationException(
                    $"{Profile.Path}: --fabric interface needs ixit.headend-interface, the NIC cabled to the device's network")],
            })
            : Fabrics.Create(kind, new FabricOptions
            {
                Seed = Seed,
                Clock = TimeScale > 1 && kind is FabricKind.Loopback or FabricKind.Netns ? Clock : null,
            });
        try
        {
            // On the real fabrics a wait on the evidence costs its span of the bed's clock: it is announced to the watchdog.
            IFabric waits = net.Kind == FabricKind.Simulation ? net : new WaitAnnouncingFabric(net, span => WaitStarting?.Invoke(span));
            var evidence = new EvidenceLog(waits);
            MeasurementAllowance = net is Network.Sockets.RealFabric real
                ? real.SchedulingAllowance * (net.Clock is Network.Time.ScaledTimeProvider scaled ? scaled.Factor : 1)
                : TimeSpan.Zero;
            if (KeepEvidence) _recorder = new EvidenceRecorder(net, evidence, EvidenceDirectory);
            var link = net.CreateLink("hfc");
            var host = await net.AddHostAsync(link, new HostOptions("headend", HeadendMac, headendAddresses), cancellationToken);
            var headend = await Headend.Composition.Headend.StartAsync(net, host, database, evidence, headendOptions);
            configure?.Invoke(headend);
            var dut = DutFactory(Profile, Seed);
            await dut.AttachAsync(net, link, evidence, cancellationToken);
            if (dut is IOperatorNetworkUser user) user.UseOperatorHost(host);
            Network = new TestBedNetwork(net, link, evidence, headend, dut) { Waits = waits };
            return Network;
        }
        catch
        {
            _recorder?.Dispose();
            _recorder = null;
            await net.DisposeAsync();
            throw;
        }
    }

    /// <summary>The headend's interface MAC (a locally administered address, so it never clashes with a vendor's).</summary>
    public static readonly PhysicalAddress HeadendMac = PhysicalAddress.Parse("02-00-5E-10-00-01");

    public async ValueTask DisposeAsync()
    {
        if (Network is { } n)
        {
            Network = null;
            try { await n.Dut.DisposeAsync(); }
            finally
            {
                try { await n.Headend.DisposeAsync(); }
                finally
                {
                    await n.Fabric.DisposeAsync();
                    _recorder?.Dispose();
                }
            }
        }
    }
}

/// <summary>The scenario's running network: fabric, the link the headend and the DUT share, the evidence, the servers, the device.</summary>
public sealed record TestBedNetwork(IFabric Fabric, ILink Link, EvidenceLog Evidence, Headend.Composition.Headend Headend, IDutAdapter Dut)
{
    /// <summary>The fabric the scenario's own waits go through (it announces them to the step watchdog on real fabrics).</summary>
    public IFabric? Waits { get; init; }

    /// <summary>Lets the actors run for <paramref name="span"/> of fabric time (datagrams in flight arrive, timers fire).</summary>
    public Task SettleAsync(TimeSpan span) => (Waits ?? Fabric).RunUntilAsync(new TaskCompletionSource().Task, span);
}

/// <summary>Makes the network of one scenario.</summary>
public delegate IFabric FabricFactory(FabricKind kind, int seed);

/// <summary>The --fabric names.</summary>
public static class FabricNames
{
    public static readonly IReadOnlyList<string> All = ["simulation", "loopback", "netns", "interface"];

    public static FabricKind Parse(string name) => name switch
    {
        "simulation" => FabricKind.Simulation,
        "loopback" => FabricKind.Loopback,
        "netns" => FabricKind.Netns,
        "interface" => FabricKind.Interface,
        _ => throw new ArgumentException($"unknown fabric '{name}': one of {string.Join(", ", All)}", nameof(name)),
    };
}
