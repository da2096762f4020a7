using System.Net;
using System.Net.NetworkInformation;

namespace EUeConformance.Network.Fabric;

/// <summary>A host on a link: its interface, addresses and the endpoints it opens.</summary>
public interface INetworkHost : IAsyncDisposable
{
    string Name { get; }
    PhysicalAddress Mac { get; }

    /// <summary>The interface's scope ID for link-local IPv6 addresses on this host.</summary>
    long InterfaceIndex { get; }

    /// <summary>
    /// The addresses in use (not tentative ones still under DAD). Refinement (issue 5): link-local
    /// addresses carry this host's <see cref="InterfaceIndex"/> as their scope ID, as the OS lists
    /// them; another host writing to one puts its own interface index there instead.
    /// </summary>
    IReadOnlyList<InterfaceAddress> Addresses { get; }

    /// <summary>
    /// Configures an address. For IPv6 this runs duplicate address detection first (RFC 4862 §5.4)
    /// and reports a duplicate instead of configuring it.
    /// </summary>
    /// <remarks>
    /// Refinement (issue 5): DAD takes RetransTimer (1 s, one probe) of fabric time; two hosts probing
    /// for one address in the same window both get <see cref="AddressAssignment.Duplicate"/>
    /// (RFC 4862 §5.4.3). IPv4 addresses are configured at once, without probing. An address the
    /// host already has is <see cref="AddressAssignment.Assigned"/> again.
    /// </remarks>
    Task<AddressAssignment> AssignAddressAsync(InterfaceAddress address, CancellationToken cancellationToken = default);

    void RemoveAddress(IPAddress address);

    /// <summary>
    /// Opens a UDP endpoint. <paramref name="local"/> may be IPAddress.Any / IPv6Any (all addresses,
    /// including broadcast and joined multicast groups) and may name a well-known port: the loopback
    /// fabric maps it to a free one behind the scenes, so actors always speak in standard ports.
    /// </summary>
    /// <remarks>
    /// Refinement (issue 5), failures as a SocketException with the real stack's code: a port
    /// already bound on the host (the wildcard clashes with every address) is AddressAlreadyInUse;
    /// an address that is not the host's (or still tentative) is AddressNotAvailable. Port 0 takes a
    /// port of the dynamic range (RFC 6335 §6).
    /// </remarks>
    IDatagramSocket OpenUdp(IPEndPoint local);

    /// <summary>Listens for TCP connections on <paramref name="local"/>; each accepted stream arrives on the actor context.</summary>
    IStreamListener ListenTcp(IPEndPoint local, Func<IStreamConnection, Task> onAccepted);

    /// <summary>Connects to a TCP listener; a port nobody listens on fails with SocketException ConnectionRefused.</summary>
    Task<IStreamConnection> ConnectTcpAsync(IPEndPoint remote, CancellationToken cancellationToken = default);

    /// <summary>IPv6 neighbour discovery as seen from this host: router solicitations and advertisements.</summary>
    INeighborDiscovery NeighborDiscovery { get; }
}

public enum AddressAssignment
{
    Assigned,
    /// <summary>DAD found another node using the address (a Neighbor Solicitation or Advertisement for it); not configured.</summary>
    Duplicate,
}
