using System.Net;

namespace EUeConformance.Network.Fabric;

/// <summary>
/// The part of IPv6 neighbour discovery (RFC 4861) the provisioning flows depend on: a device
/// solicits a router and acts only on advertisements with the M bit (EUE-PROV 6.3.4); the headend's
/// router advertiser answers. DAD itself is <see cref="INetworkHost.AssignAddressAsync"/>.
/// </summary>
public interface INeighborDiscovery
{
    /// <summary>Sends a Router Solicitation to ff02::2 from this host's link-local address.</summary>
    void SendRouterSolicitation();

    /// <summary>Sends a Router Advertisement (to ff02::1, or unicast to a soliciting host).</summary>
    void SendRouterAdvertisement(RouterAdvertisement advertisement, IPAddress? destination = null);

    /// <summary>Advertisements this host hears; invoked on the actor context.</summary>
    Action<RouterAdvertisement, IPAddress>? RouterAdvertisementReceived { get; set; }

    /// <summary>Solicitations this host hears (a router listens for them); invoked on the actor context.</summary>
    Action<IPAddress>? RouterSolicitationReceived { get; set; }
}

/// <summary>The fields of a Router Advertisement the flows read (RFC 4861 §4.2).</summary>
/// <param name="Managed">The M bit: addresses come from DHCPv6.</param>
/// <param name="Other">The O bit.</param>
/// <param name="Prefixes">Prefix information options (on-link prefixes).</param>
public sealed record RouterAdvertisement(bool Managed, bool Other, TimeSpan RouterLifetime, IReadOnlyList<InterfaceAddress> Prefixes);
