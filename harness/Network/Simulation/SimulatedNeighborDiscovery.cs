using System.Net;
using EUeConformance.Network.Fabric;
using EUeConformance.Protocols.Pcap;

namespace EUeConformance.Network.Simulation;

/// <summary>
/// Router solicitation and advertisement for one host (RFC 4861 sections 6.3.7 and 6.2.4): an RS
/// goes to ff02::2 and reaches the other hosts that listen for solicitations (the routers); an RA
/// goes to ff02::1 (every other host that listens for advertisements) or to one host.
/// </summary>
internal sealed class SimulatedNeighborDiscovery(SimulatedHost host) : INeighborDiscovery
{
    // RFC 4861 section 6.2.1 defaults for AdvValidLifetime and AdvPreferredLifetime.
    static readonly TimeSpan ValidLifetime = TimeSpan.FromDays(30), PreferredLifetime = TimeSpan.FromDays(7);

    public Action<RouterAdvertisement, IPAddress>? RouterAdvertisementReceived { get; set; }

    public Action<IPAddress>? RouterSolicitationReceived { get; set; }

    /// <summary>From the link-local address, or from :: before the host has one (RFC 4861 section 4.1 allows it).</summary>
    public void SendRouterSolicitation()
    {
        ObjectDisposedException.ThrowIf(host.Unplugged, host);
        var source = LinkLocal() ?? IPAddress.IPv6Any;
        var frame = NeighborDiscoveryFrames.RouterSolicitation(host.MacBytes, source);
        host.Link.Transmit(host, frame, () =>
        {
            foreach (var router in host.Link.Others(host).ToList())
                if (router.NeighborDiscovery is SimulatedNeighborDiscovery { RouterSolicitationReceived: { } heard })
                    host.Fabric.Context.RunAs(router.Name, () => heard(AddressMath.ScopedFor(source, router.InterfaceIndex)));
        });
    }

    /// <summary>
    /// From the link-local address, which RFC 4861 section 4.2 requires. The prefixes go out as
    /// on-link; autonomous (A) only when the M bit is clear, so a managed link's hosts take their
    /// addresses from DHCPv6 alone.
    /// </summary>
    public void SendRouterAdvertisement(RouterAdvertisement advertisement, IPAddress? destination = null)
    {
        ObjectDisposedException.ThrowIf(host.Unplugged, host);
        var source = LinkLocal() ?? throw new InvalidOperationException($"host {host.Name} has no link-local address to advertise from (RFC 4861 section 4.2)");
        var to = destination ?? AddressMath.AllNodes;
        host.CheckScope(to);
        var prefixes = advertisement.Prefixes
            .Select(p => new NdPrefix(p.Address, p.PrefixLength, OnLink: true, Autonomous: !advertisement.Managed, ValidLifetime, PreferredLifetime))
            .ToList();
        byte[]? destinationMac = null;
        IReadOnlyList<SimulatedHost> receivers;
        if (to.IsIPv6Multicast)
            receivers = [];
        else if (host.Link.Owner(to) is { } owner)
            (destinationMac, receivers) = (owner.MacBytes, [owner]);
        else
        {
            AddressResolution.Unanswered(host, source, to);
            return;
        }
        var frame = NeighborDiscoveryFrames.RouterAdvertisement(host.MacBytes, destinationMac, source, AddressMath.Unscoped(to),
            advertisement.Managed, advertisement.Other, advertisement.RouterLifetime, prefixes);
        host.Link.Transmit(host, frame, () =>
        {
            var hearers = to.IsIPv6Multicast ? host.Link.Others(host).ToList() : receivers.Where(r => r.Owns(to)).ToList();
            foreach (var hearer in hearers)
                if (hearer.NeighborDiscovery is SimulatedNeighborDiscovery { RouterAdvertisementReceived: { } heard })
                    host.Fabric.Context.RunAs(hearer.Name, () => heard(advertisement, AddressMath.ScopedFor(source, hearer.InterfaceIndex)));
        });
    }

    IPAddress? LinkLocal() => host.Assigned.FirstOrDefault(a => a.Address.IsIPv6LinkLocal)?.Address;
}
