using System.Net;
using EUeConformance.Device.Options;
using EUeConformance.Device.Runtime;
using EUeConformance.Network.Fabric;

namespace EUeConformance.Device.Ecm;

/// <summary>
/// The eCM's router discovery in IPv6 mode. EUE-PROV Table 3 CM1v6 has the eCM start IPv6 "as specified in DOCSIS",
/// and a DOCSIS 3.0 cable modem solicits routers (RFC 4861 §6.3.7) and learns the link's on-link prefixes from the
/// Router Advertisements (RFC 4861 §6.3.4) before DHCPv6. A DHCPv6 lease carries no prefix length (RFC 5942 §5):
/// without an RA the leased address is a /128 and every server, even one on the same link, is unreachable. Found
/// against Debian's radvd and Kea in namespaces: the eCM's RFC 868 request to the ToD server failed with "network
/// unreachable". As in DOCSIS, router discovery comes first and DHCPv6 after it, so the prefix is known when the REPLY
/// is bound; any RA counts here (the M bit rule of 6.3.4.2 is the eUE's). Without an RA after the solicitations the
/// eCM goes on with DHCPv6 all the same (a headend without a router still provisions it) and keeps the /128.
/// </summary>
public sealed class EcmRouterDiscovery(DeviceContext context, INetworkHost host, DeviceTimers timers) : IDisposable
{
    readonly ActorTimer _timer = new(context.Clock, context.Fault);
    int _sent;
    Action? _concluded;

    /// <summary>The first RA heard since <see cref="Start"/>, and its sender.</summary>
    public RouterAdvertisement? Advertisement { get; private set; }
    public IPAddress? Router { get; private set; }

    /// <summary>Solicits; <paramref name="concluded"/> runs once, at the first RA or when the solicitations are spent.</summary>
    public void Start(Action concluded)
    {
        _timer.Cancel();
        _sent = 0;
        _concluded = concluded;
        Advertisement = null;
        Router = null;
        host.NeighborDiscovery.RouterAdvertisementReceived = OnAdvertisement;
        Solicit();
    }

    void Solicit()
    {
        host.NeighborDiscovery.SendRouterSolicitation();
        _sent++;
        // RFC 4861 §6.3.7: up to MAX_RTR_SOLICITATIONS, RTR_SOLICITATION_INTERVAL apart, until an RA arrives.
        _timer.Start(timers.RouterSolicitationInterval, () =>
        {
            if (Advertisement is not null) return;
            if (_sent < timers.MaxRouterSolicitations) { Solicit(); return; }
            context.Log("ecm", "event", $"no RA after {_sent} router solicitations: DHCPv6 without an on-link prefix");
            Conclude();
        });
    }

    void Conclude()
    {
        var concluded = _concluded;
        _concluded = null;
        concluded?.Invoke();
    }

    void OnAdvertisement(RouterAdvertisement ra, IPAddress from)
    {
        if (Advertisement is not null) return;
        _timer.Cancel();
        Advertisement = ra;
        Router = from;
        context.Log("ecm", "event", $"RA from {from}: on-link {string.Join(", ", ra.Prefixes)}");
        Conclude();
    }

    /// <summary>The length of the advertised on-link prefix that holds <paramref name="address"/>, if an RA gave one.</summary>
    public int? OnLinkPrefixLength(IPAddress address) =>
        Advertisement?.Prefixes.FirstOrDefault(p => Contains(p, address))?.PrefixLength;

    static bool Contains(InterfaceAddress prefix, IPAddress address)
    {
        if (prefix.Address.AddressFamily != address.AddressFamily) return false;
        var p = prefix.Address.GetAddressBytes();
        var a = address.GetAddressBytes();
        for (int bit = 0; bit < prefix.PrefixLength; bit++)
        {
            int mask = 0x80 >> (bit % 8);
            if ((p[bit / 8] & mask) != (a[bit / 8] & mask)) return false;
        }
        return true;
    }

    public void Stop()
    {
        _timer.Cancel();
        _concluded = null;
        host.NeighborDiscovery.RouterAdvertisementReceived = null;
    }

    public void Dispose() => _timer.Dispose();
}
