using System.Net;
using System.Net.NetworkInformation;
using EUeConformance.Headend.Composition;
using EUeConformance.Headend.Database;
using EUeConformance.Network.Evidence;
using EUeConformance.Network.Fabric;
using EUeConformance.Network.Simulation;
using EUeConformance.Tests.Network.Support;
using static EUeConformance.Tests.Headend.Support.HeadendSamples;

namespace EUeConformance.Tests.Headend.Simulation;

/// <summary>A headend and one device host on one simulated link, with the evidence log; disposed after each test.</summary>
public sealed class SimulatedHeadend : IAsyncDisposable
{
    public required SimulationFabric Fabric { get; init; }
    public required EvidenceLog Log { get; init; }
    public required INetworkHost Device { get; init; }
    public required EUeConformance.Headend.Composition.Headend Headend { get; init; }

    /// <summary>Where capture.pcap and events.jsonl go, when the bed records them.</summary>
    public EvidenceRecorder? Recorder { get; init; }

    /// <param name="evidenceDirectory">Record capture.pcap and events.jsonl there (from before the first host is attached).</param>
    /// <param name="impairments">The access link's loss, delay, duplication and reordering, from the start.</param>
    public static async Task<SimulatedHeadend> StartAsync(PhysicalAddress deviceMac, ProvisioningDatabase? database = null, HeadendOptions? options = null,
        int seed = 7, string? evidenceDirectory = null, LinkImpairments? impairments = null)
    {
        var fabric = new SimulationFabric(seed);
        var log = new EvidenceLog(fabric);
        var recorder = evidenceDirectory is null ? null : new EvidenceRecorder(fabric, log, evidenceDirectory);
        var link = fabric.CreateLink("access");
        if (impairments is not null) link.Impairments = impairments;
        var host = await fabric.AddHostAsync(link, new HostOptions("headend", HeadendMac,
            [new InterfaceAddress(HeadendV4, 24), new InterfaceAddress(SecondServerV4, 24), new InterfaceAddress(HeadendV6, 64)]));
        var device = await fabric.AddHostAsync(link, new HostOptions("device", deviceMac, []));
        var headend = await EUeConformance.Headend.Composition.Headend.StartAsync(fabric, host, database ?? SampleDatabase(), log, options ?? new HeadendOptions { Seed = seed });
        return new SimulatedHeadend { Fabric = fabric, Log = log, Device = device, Headend = headend, Recorder = recorder };
    }

    /// <summary>A socket of the device's, with an inbox, opened on the actor context.</summary>
    public async Task<(IDatagramSocket Socket, DatagramInbox Inbox)> OpenAsync(IPEndPoint local)
    {
        IDatagramSocket socket = null!;
        DatagramInbox inbox = null!;
        await Fabric.InvokeAsync(() => { socket = Device.OpenUdp(local); inbox = new DatagramInbox(socket); });
        return (socket, inbox);
    }

    public Task SendAsync(IDatagramSocket socket, byte[] payload, IPEndPoint to) => Fabric.InvokeAsync(() => socket.Send(payload, to));

    /// <summary>Runs the simulation until <paramref name="task"/> completes (fabric time; costs no wall time); true when it did.</summary>
    public Task<bool> RunUntil(Task task, TimeSpan within) => Fabric.RunUntilAsync(task, within);

    public IReadOnlyList<EvidenceEvent> Events(string service) => [.. Log.Events.Where(e => e.Service == service)];

    public async ValueTask DisposeAsync()
    {
        await Headend.DisposeAsync();
        await Fabric.DisposeAsync();
        Recorder?.Dispose();
    }
}
