using System.Net;
using EUeConformance.Network.Fabric;
using EUeConformance.Protocols.Pcap;
using static EUeConformance.Network.Loopback.LogicalAddressing;

namespace EUeConformance.Network.Loopback;

/// <summary>
/// Duplicate address detection on loopback, as the simulation runs it (RFC 4862 section 5.4 with DupAddrDetectTransmits
/// = 1 and RetransTimer = 1 s, RFC 4861 section 10), on the fabric's clock: the probing host's Neighbor Solicitation
/// from :: to the address's solicited-node group goes into the capture; a host of the link that has the address
/// defends it with a Neighbor Advertisement to all-nodes (captured too), and a host probing for the same address in
/// the same window makes it a duplicate for both (section 5.4.3). After RetransTimer without either, the address is
/// the prober's. No ICMPv6 travels between logical hosts on loopback, so the frames are synthesised, like the
/// fabric's router discovery (<see cref="LoopbackNeighborDiscovery"/>).
/// </summary>
internal sealed class LoopbackDad
{
    public static readonly TimeSpan RetransTimer = TimeSpan.FromSeconds(1);

    readonly object _gate = new();
    readonly List<Probe> _probes = [];

    sealed class Probe(LoopbackHost host, IPAddress address)
    {
        public LoopbackHost Host { get; } = host;
        public IPAddress Address { get; } = address;
        public bool Duplicate { get; set; }
    }

    /// <summary>True when <paramref name="address"/> is free for <paramref name="host"/>: takes <see cref="RetransTimer"/> of fabric time.</summary>
    public async Task<bool> ProbeAsync(LoopbackHost host, IPAddress address, CancellationToken cancellationToken)
    {
        var fabric = host.Fabric;
        var target = Plain(address);
        var probe = new Probe(host, target);
        lock (_gate) _probes.Add(probe);
        try
        {
            var ns = NeighborDiscoveryFrames.NeighborSolicitation(host.Mac.GetAddressBytes(), IPAddress.IPv6Any,
                NeighborDiscoveryFrames.SolicitedNodeGroup(target), target);
            Transmit(host, ns, () => HearProbe(probe));
            await Task.Delay(RetransTimer, fabric.Clock, cancellationToken);
            lock (_gate) return !probe.Duplicate;
        }
        finally
        {
            lock (_gate) _probes.Remove(probe);
        }
    }

    /// <summary>The probe reached the link: its owner defends the address; a simultaneous prober makes it a duplicate for both.</summary>
    void HearProbe(Probe probe)
    {
        var directory = probe.Host.Fabric.Directory;
        if (directory.Owner(probe.Host.Link, probe.Address, except: probe.Host) is { } owner)
        {
            // RFC 4861 section 7.2.4: a solicitation from :: is answered to all-nodes, Solicited clear, Override set.
            var na = NeighborDiscoveryFrames.NeighborAdvertisement(owner.Mac.GetAddressBytes(), null, probe.Address,
                NeighborDiscoveryFrames.AllNodes, probe.Address, router: false, solicited: false, @override: true);
            Transmit(owner, na, () => { lock (_gate) probe.Duplicate = true; });
            return;
        }
        lock (_gate)
            foreach (var other in _probes.Where(p => p != probe && p.Host.Link == probe.Host.Link && p.Address.Equals(probe.Address)))
            {
                other.Duplicate = true;
                probe.Duplicate = true;
            }
    }

    /// <summary>Puts a frame on the host's link (impairments apply), then lets it take effect.</summary>
    static void Transmit(LoopbackHost host, byte[] frameBytes, Action arrive)
    {
        var fabric = host.Fabric;
        var frame = new CapturedFrame(fabric.Clock.GetUtcNow(), host.Link.Name, host.Mac, frameBytes);
        foreach (var delay in fabric.Impairment.Plan(host.Link.Impairments, frame))
            fabric.Impairment.Schedule(delay, () =>
            {
                fabric.Capture(frame with { At = fabric.Clock.GetUtcNow() });
                fabric.Context.Deliver(arrive);
            });
    }
}
