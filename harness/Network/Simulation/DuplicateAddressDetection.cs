using System.Net;
using EUeConformance.Protocols.Pcap;

namespace EUeConformance.Network.Simulation;

/// <summary>
/// Duplicate address detection for one host (RFC 4862 section 5.4) with the defaults
/// DupAddrDetectTransmits = 1 (section 5.1) and RetransTimer = 1 s (RFC 4861 section 10): one
/// Neighbor Solicitation from :: to the address's solicited-node group, then a second of listening.
/// The address is a duplicate if a host that owns it defends it with a Neighbor Advertisement
/// (section 5.4.4), or if another host probes for it in the same window (section 5.4.3): then
/// neither gets it. The same host answers other hosts' probes for the addresses it owns.
/// </summary>
internal sealed class DuplicateAddressDetection(SimulatedHost host)
{
    public static readonly TimeSpan RetransTimer = TimeSpan.FromSeconds(1);

    readonly List<Probe> _probes = [];

    sealed class Probe(IPAddress address)
    {
        public IPAddress Address { get; } = address;
        public bool Duplicate { get; set; }
        public Task<bool>? Outcome { get; set; }
    }

    /// <summary>True when the address is free to use; runs on the actor context and takes <see cref="RetransTimer"/> of fabric time.</summary>
    public Task<bool> ProbeAsync(IPAddress address, CancellationToken cancellationToken)
    {
        var running = _probes.FirstOrDefault(p => p.Address.Equals(address));
        if (running?.Outcome is not null) return running.Outcome;
        var probe = new Probe(address);
        _probes.Add(probe);
        probe.Outcome = ListenAsync(probe, cancellationToken);
        return probe.Outcome;
    }

    async Task<bool> ListenAsync(Probe probe, CancellationToken cancellationToken)
    {
        try
        {
            var frame = NeighborDiscoveryFrames.NeighborSolicitation(host.MacBytes, IPAddress.IPv6Any,
                NeighborDiscoveryFrames.SolicitedNodeGroup(probe.Address), probe.Address);
            host.Link.Transmit(host, frame, () =>
            {
                foreach (var other in host.Link.Others(host).ToList()) other.Dad.HearProbe(probe.Address);
            });
            await Task.Delay(RetransTimer, host.Fabric.Clock, cancellationToken);
            return !probe.Duplicate;
        }
        finally
        {
            _probes.Remove(probe);
        }
    }

    /// <summary>Another host's Neighbor Solicitation from :: for <paramref name="target"/> reached this host.</summary>
    void HearProbe(IPAddress target)
    {
        if (host.Owns(target)) { Defend(target); return; }
        foreach (var p in _probes.Where(p => p.Address.Equals(target))) p.Duplicate = true;
    }

    /// <summary>RFC 4861 section 7.2.4: a solicitation from :: is answered to all-nodes, Solicited clear, Override set.</summary>
    void Defend(IPAddress target)
    {
        var frame = NeighborDiscoveryFrames.NeighborAdvertisement(host.MacBytes, null, target, AddressMath.AllNodes, target,
            router: false, solicited: false, @override: true);
        host.Link.Transmit(host, frame, () =>
        {
            foreach (var other in host.Link.Others(host).ToList()) other.Dad.HearDefence(target);
        });
    }

    void HearDefence(IPAddress target)
    {
        foreach (var p in _probes.Where(p => p.Address.Equals(target))) p.Duplicate = true;
    }
}
