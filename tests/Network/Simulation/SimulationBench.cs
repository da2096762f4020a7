using System.Net;
using System.Net.NetworkInformation;
using EUeConformance.Network.Fabric;
using EUeConformance.Network.Simulation;

namespace EUeConformance.Tests.Network.Simulation;

/// <summary>A simulation with one link and two IPv4 hosts, a server and a client: the setting of the simulation-only tests.</summary>
public sealed class SimulationBench : IAsyncDisposable
{
    public static readonly IPAddress ServerAddress = IPAddress.Parse("192.0.2.1");
    public static readonly IPAddress ClientAddress = IPAddress.Parse("192.0.2.2");

    SimulationBench(SimulationFabric fabric, ILink link, INetworkHost server, INetworkHost client)
    {
        Fabric = fabric;
        Link = link;
        Server = server;
        Client = client;
    }

    public SimulationFabric Fabric { get; }
    public ILink Link { get; }
    public INetworkHost Server { get; }
    public INetworkHost Client { get; }
    public List<CapturedFrame> Frames { get; } = [];

    public static async Task<SimulationBench> StartAsync(int seed = 1)
    {
        var fabric = new SimulationFabric(seed);
        var link = fabric.CreateLink("lan");
        var server = await fabric.AddHostAsync(link, new HostOptions("server", PhysicalAddress.Parse("02-00-00-00-00-01"), [new InterfaceAddress(ServerAddress, 24)]));
        var client = await fabric.AddHostAsync(link, new HostOptions("client", PhysicalAddress.Parse("02-00-00-00-00-02"), [new InterfaceAddress(ClientAddress, 24)]));
        var bench = new SimulationBench(fabric, link, server, client);
        fabric.FrameCaptured += bench.Frames.Add;
        return bench;
    }

    /// <summary>Lets the simulation run for <paramref name="span"/> of virtual time.</summary>
    public Task Idle(TimeSpan span) => Fabric.RunUntilAsync(new TaskCompletionSource().Task, span);

    public ValueTask DisposeAsync() => Fabric.DisposeAsync();
}
