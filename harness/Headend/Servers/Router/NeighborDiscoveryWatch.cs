using System.Globalization;
using System.Net;
using EUeConformance.Headend.Servers.Common;
using EUeConformance.Network.Evidence;
using EUeConformance.Network.Fabric;
using EUeConformance.Protocols.Pcap;

namespace EUeConformance.Headend.Servers.Router;

/// <summary>
/// The headend's view of IPv6 neighbour discovery on its link (RFC 4861, RFC 4862 section 5.4): every Router
/// and Neighbor Solicitation and Advertisement among the frames the fabric carries becomes an evidence event of
/// service "nd" (received: from another MAC; sent: from the headend's own), with its link-layer and IPv6
/// addressing, so that scenarios can judge duplicate address detection (EUE-PROV 6.3.4.1, Table 5 eUE-4) and
/// the order of the IPv6 start-up (6.3.4) from the wire. Passive: it answers nothing (the fabric's hosts defend
/// their own addresses). It sees what the fabric captures: everything in simulation, the frames the endpoints
/// exchange on the real fabrics.
/// </summary>
public sealed class NeighborDiscoveryWatch(IFabric fabric, ServerRuntime runtime) : IAsyncDisposable
{
    public const string Service = "nd";

    readonly byte[] _own = runtime.Host.Mac.GetAddressBytes();
    bool _started;

    /// <summary>
    /// Whether this fabric carries neighbour solicitations and advertisements into the capture: the simulation
    /// synthesises every frame, DAD included, and so does loopback (its DAD is emulated, probe and defence); netns
    /// records the probe its hosts' kernels send when an address is added, and the defence when DAD failed (every host
    /// there is ours); a lab interface captures only what its own endpoints exchange (router solicitations and
    /// advertisements), so a missing DAD probe there says nothing about the device.
    /// </summary>
    public bool SeesDuplicateAddressDetection => fabric.Kind is FabricKind.Simulation or FabricKind.Loopback or FabricKind.Netns;

    /// <summary>
    /// Whether this fabric carries the address resolution nobody answers into the capture (RFC 4861 §7.2.2: the
    /// Neighbor Solicitations of a host sending to an address no node of the link has): the simulation and loopback
    /// synthesise them; on netns the kernel resolves, out of the capture.
    /// </summary>
    public bool SeesAddressResolution => fabric.Kind is FabricKind.Simulation or FabricKind.Loopback;

    public void Start()
    {
        if (_started) return;
        _started = true;
        fabric.FrameCaptured += OnFrame;
    }

    void OnFrame(CapturedFrame frame)
    {
        var nd = NeighborDiscoveryReader.TryRead(frame.Frame);
        if (nd is null) return;
        bool sent = nd.SourceMac.AsSpan().SequenceEqual(_own);
        var source = new IPEndPoint(nd.Source, 0);
        var destination = new IPEndPoint(nd.Destination, 0);
        runtime.Evidence.Publish(Service, sent ? Direction.Sent : Direction.Received, sent ? source : destination, sent ? destination : source,
            "icmpv6", nd.Kind, Fields(nd), nd, frame.Frame);
    }

    public static IReadOnlyDictionary<string, string> Fields(NdMessage nd)
    {
        var f = new Dictionary<string, string>
        {
            ["eth.src"] = Mac(nd.SourceMac),
            ["eth.dst"] = Mac(nd.DestinationMac),
            ["ipv6.src"] = nd.Source.ToString(),
            ["ipv6.dst"] = nd.Destination.ToString(),
            ["ipv6.hlim"] = nd.HopLimit.ToString(CultureInfo.InvariantCulture),
            ["icmpv6.type"] = nd.Type.ToString(CultureInfo.InvariantCulture),
        };
        if (nd.Target is { } target)
            f[nd.Type == NdMessage.NeighborSolicitation ? "icmpv6.nd.ns.target_address" : "icmpv6.nd.na.target_address"] = target.ToString();
        if (nd.LinkLayerAddress is { } lla) f[nd.Type == NdMessage.NeighborAdvertisement ? "icmpv6.opt.target_linkaddr" : "icmpv6.opt.src_linkaddr"] = Mac(lla);
        if (nd.Type == NdMessage.NeighborAdvertisement)
        {
            f["icmpv6.nd.na.flag.s"] = (nd.Flags & 0x40000000u) != 0 ? "1" : "0";
            f["icmpv6.nd.na.flag.o"] = (nd.Flags & 0x20000000u) != 0 ? "1" : "0";
        }
        if (nd.Type == NdMessage.RouterAdvertisement)
        {
            f["icmpv6.nd.ra.flag.m"] = (nd.Flags & 0x80) != 0 ? "1" : "0";
            f["icmpv6.nd.ra.flag.o"] = (nd.Flags & 0x40) != 0 ? "1" : "0";
        }
        return f;
    }

    static string Mac(byte[] bytes) => string.Join(':', bytes.Select(b => b.ToString("x2", CultureInfo.InvariantCulture)));

    public ValueTask DisposeAsync()
    {
        if (_started) fabric.FrameCaptured -= OnFrame;
        _started = false;
        return ValueTask.CompletedTask;
    }
}
