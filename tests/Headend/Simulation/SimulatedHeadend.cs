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

    public static async Task<SimulatedHeadend> StartAsync(PhysicalAddress deviceMac, ProvisioningDatabase? database = null, HeadendOptions? options = null)
    {
        var fabric = new SimulationFabric(seed: 7);
        var log = new EvidenceLog(fabric);
        var link = fabric.CreateLink("access");
        var host = await fabric.AddHostAsync(link, new HostOptions("headend", HeadendMac,
            [new InterfaceAddress(HeadendV4, 24), new InterfaceAddress(SecondServerV4, 24), new InterfaceAddress(HeadendV6, 64)]));
        var device = await fabric.AddHostAsync(link, new HostOptions("device", deviceMac, []));
        var headend = await EUeConformance.Headend.Composition.Headend.StartAsync(fabric, host, database ?? SampleDatabase(), log, options);
        return new SimulatedHeadend { Fabric = fabric, Log = log, Device = device, Headend = headend };
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
    }
}
