using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using EUeConformance.Network.Fabric;

namespace EUeConformance.Network.Simulation;

/// <summary>
/// One host of the simulation: an interface on a link, its addresses (IPv6 ones only after DAD),
/// and the sockets, listeners and connections it has open. Disposing it unplugs it: its ports are
/// released and it leaves the link at once, without a goodbye to its peers, like a power cut.
/// </summary>
internal sealed class SimulatedHost : INetworkHost
{
    readonly List<InterfaceAddress> _addresses = [];
    readonly List<SimulatedUdpSocket> _sockets = [];
    readonly List<SimulatedTcpListener> _listeners = [];
    readonly List<TcpEnd> _connections = [];
    ushort _ipId;

    public SimulatedHost(SimulationFabric fabric, SimulatedLink link, HostOptions options, long interfaceIndex)
    {
        Fabric = fabric;
        Link = link;
        Name = options.Name;
        Mac = options.Mac;
        MacBytes = options.Mac.GetAddressBytes();
        if (MacBytes.Length != 6) throw new ArgumentException($"host {options.Name}: an Ethernet MAC has 6 bytes, not {MacBytes.Length}", nameof(options));
        InterfaceIndex = interfaceIndex;
        Dad = new DuplicateAddressDetection(this);
        NeighborDiscovery = new SimulatedNeighborDiscovery(this);
    }

    public string Name { get; }
    public PhysicalAddress Mac { get; }
    public long InterfaceIndex { get; }
    public INeighborDiscovery NeighborDiscovery { get; }

    internal byte[] MacBytes { get; }
    internal SimulationFabric Fabric { get; }
    internal SimulatedLink Link { get; }
    internal DuplicateAddressDetection Dad { get; }
    internal PortTable UdpPorts { get; } = new("UDP");
    internal PortTable TcpPorts { get; } = new("TCP");
    internal IReadOnlyList<SimulatedUdpSocket> Sockets => _sockets;
    internal bool Unplugged { get; private set; }

    /// <summary>As the OS lists them: link-local addresses carry this host's <see cref="InterfaceIndex"/> as their scope ID.</summary>
    public IReadOnlyList<InterfaceAddress> Addresses =>
        _addresses.Select(a => new InterfaceAddress(AddressMath.ScopedFor(a.Address, InterfaceIndex), a.PrefixLength)).ToList();

    /// <summary>The assigned addresses (not tentative ones), unscoped, in the order they were configured.</summary>
    internal IReadOnlyList<InterfaceAddress> Assigned => _addresses;

    internal bool Owns(IPAddress address) => !Unplugged && _addresses.Any(a => AddressMath.SameAddress(a.Address, address));

    internal ushort NextIpId() => ++_ipId;

    /// <summary>The attach-time configuration: the EUI-64 link-local address and the static ones, each through DAD if IPv6.</summary>
    internal async Task ConfigureAsync(HostOptions options, CancellationToken cancellationToken)
    {
        var wanted = new List<InterfaceAddress>();
        if (options.AutoLinkLocal) wanted.Add(new InterfaceAddress(AddressMath.LinkLocalFromMac(Mac), 64));
        wanted.AddRange(options.Addresses);
        var results = await Task.WhenAll(wanted.Select(a => AssignHereAsync(a, cancellationToken)));
        var taken = wanted.Where((_, i) => results[i] == AddressAssignment.Duplicate).ToList();
        if (taken.Count > 0)
            throw new InvalidOperationException($"host {Name}: duplicate address detection found {string.Join(", ", taken)} already in use on link {Link.Name}");
    }

    public Task<AddressAssignment> AssignAddressAsync(InterfaceAddress address, CancellationToken cancellationToken = default) =>
        Fabric.OnContext(Name, () => AssignHereAsync(address, cancellationToken), cancellationToken);

    async Task<AddressAssignment> AssignHereAsync(InterfaceAddress address, CancellationToken cancellationToken)
    {
        ThrowIfUnplugged();
        var a = AddressMath.Unscoped(address.Address);
        if (AddressMath.IsUnspecified(a) || AddressMath.IsGroup(a))
            throw new ArgumentException($"{a} cannot be an interface address", nameof(address));
        int maxLength = a.AddressFamily == AddressFamily.InterNetwork ? 32 : 128;
        if (address.PrefixLength < 0 || address.PrefixLength > maxLength)
            throw new ArgumentException($"prefix length {address.PrefixLength} does not fit {a}", nameof(address));
        if (Owns(a)) return AddressAssignment.Assigned;
        // IPv4 has no duplicate address detection in this fabric (RFC 5227 probing is the device's own business).
        if (a.AddressFamily == AddressFamily.InterNetworkV6 && address.DuplicateAddressDetection && !await Dad.ProbeAsync(a, cancellationToken))
            return AddressAssignment.Duplicate;
        if (Unplugged) return AddressAssignment.Duplicate;
        if (!Owns(a)) _addresses.Add(new InterfaceAddress(a, address.PrefixLength));
        return AddressAssignment.Assigned;
    }

    public void RemoveAddress(IPAddress address) => _addresses.RemoveAll(a => AddressMath.SameAddress(a.Address, address));

    public IDatagramSocket OpenUdp(IPEndPoint local)
    {
        ThrowIfUnplugged();
        var socket = new SimulatedUdpSocket(this, UdpPorts.Bind(Local(local, allowGroup: true)));
        _sockets.Add(socket);
        return socket;
    }

    public IStreamListener ListenTcp(IPEndPoint local, Func<IStreamConnection, Task> onAccepted)
    {
        ThrowIfUnplugged();
        var listener = new SimulatedTcpListener(this, TcpPorts.Bind(Local(local, allowGroup: false)), onAccepted);
        _listeners.Add(listener);
        return listener;
    }

    public Task<IStreamConnection> ConnectTcpAsync(IPEndPoint remote, CancellationToken cancellationToken = default) =>
        Fabric.OnContext(Name, () => TcpHandshake.ConnectAsync(this, remote, cancellationToken), cancellationToken);

    /// <summary>The listener a SYN to <paramref name="destination"/> reaches: one bound to that address, else one bound to Any.</summary>
    internal SimulatedTcpListener? ListenerFor(IPAddress destination, int port) =>
        _listeners.FirstOrDefault(l => l.LocalEndPoint.Port == port && AddressMath.SameAddress(l.LocalEndPoint.Address, destination))
        ?? _listeners.FirstOrDefault(l => l.LocalEndPoint.Port == port && l.LocalEndPoint.AddressFamily == destination.AddressFamily
            && AddressMath.IsUnspecified(l.LocalEndPoint.Address));

    internal void Track(TcpEnd connection) => _connections.Add(connection);

    internal void Forget(TcpEnd connection) => _connections.Remove(connection);

    internal void Closed(SimulatedUdpSocket socket)
    {
        _sockets.Remove(socket);
        UdpPorts.Release(socket.LocalEndPoint);
    }

    internal void Closed(SimulatedTcpListener listener)
    {
        _listeners.Remove(listener);
        TcpPorts.Release(listener.LocalEndPoint);
    }

    /// <summary>
    /// The source address for a datagram or connection to <paramref name="destination"/>: the socket's
    /// own address if it is bound to one, else the one the caller asked for (it must be ours), else
    /// the one <see cref="SourceAddressSelection"/> picks. Link-local results carry our scope ID.
    /// </summary>
    internal IPAddress ChooseSource(IPAddress destination, IPAddress bound, IPAddress? requested)
    {
        if (!AddressMath.IsUnspecified(bound) && !AddressMath.IsGroup(bound))
        {
            if (requested is not null && !AddressMath.IsUnspecified(requested) && !AddressMath.SameAddress(requested, bound))
                throw new SocketException((int)SocketError.InvalidArgument, $"host {Name}: a socket bound to {bound} cannot send from {requested}");
            return bound;
        }
        if (requested is not null && !AddressMath.IsUnspecified(requested))
        {
            if (requested.AddressFamily != destination.AddressFamily || !Owns(requested))
                throw new SocketException((int)SocketError.AddressNotAvailable, $"host {Name} cannot send from {requested}: not one of its addresses");
            return AddressMath.ScopedFor(requested, InterfaceIndex);
        }
        return AddressMath.ScopedFor(SourceAddressSelection.Select(destination, _addresses), InterfaceIndex);
    }

    /// <summary>
    /// A link-scoped destination needs this interface's scope ID (RFC 4007 section 11): a unicast
    /// fe80:: address without one is ambiguous (Linux refuses it with EINVAL), one with another
    /// interface's ID does not leave through this one. Multicast ff02:: may go without (one interface).
    /// </summary>
    internal void CheckScope(IPAddress destination)
    {
        if (!AddressMath.IsLinkScoped(destination)) return;
        if (destination.ScopeId == 0 && destination.IsIPv6LinkLocal)
            throw new SocketException((int)SocketError.InvalidArgument, $"host {Name}: link-local {destination} needs a scope ID (this host's is {InterfaceIndex})");
        if (destination.ScopeId != 0 && destination.ScopeId != InterfaceIndex)
            throw new SocketException((int)SocketError.NetworkUnreachable, $"host {Name} has no interface {destination.ScopeId} for {destination} (its interface is {InterfaceIndex})");
    }

    /// <summary>Checks that a host may bind <paramref name="local"/>: a wildcard, one of its addresses, or (UDP) a group address.</summary>
    IPEndPoint Local(IPEndPoint local, bool allowGroup)
    {
        var a = local.Address;
        if (a.AddressFamily is not (AddressFamily.InterNetwork or AddressFamily.InterNetworkV6))
            throw new SocketException((int)SocketError.AddressFamilyNotSupported, $"host {Name}: {a.AddressFamily} is not IP");
        if (AddressMath.IsUnspecified(a) || (allowGroup && AddressMath.IsGroup(a))) return local;
        if (a.IsIPv6LinkLocal && a.ScopeId != 0 && a.ScopeId != InterfaceIndex)
            throw new SocketException((int)SocketError.AddressNotAvailable, $"host {Name} has no interface {a.ScopeId} (its interface is {InterfaceIndex})");
        if (!Owns(a))
            throw new SocketException((int)SocketError.AddressNotAvailable, $"host {Name} cannot bind {a}: not one of its addresses (tentative ones are not yet usable)");
        return new IPEndPoint(AddressMath.ScopedFor(a, InterfaceIndex), local.Port);
    }

    void ThrowIfUnplugged() => ObjectDisposedException.ThrowIf(Unplugged, this);

    public ValueTask DisposeAsync()
    {
        Unplug();
        return ValueTask.CompletedTask;
    }

    internal void Unplug()
    {
        if (Unplugged) return;
        Unplugged = true;
        foreach (var s in _sockets.ToList()) s.Dispose();
        foreach (var l in _listeners.ToList()) l.Dispose();
        foreach (var c in _connections.ToList()) c.Unplug();
        _connections.Clear();
        UdpPorts.Clear();
        TcpPorts.Clear();
        _addresses.Clear();
        Link.Detach(this);
    }

    public override string ToString() => $"host {Name}";
}
