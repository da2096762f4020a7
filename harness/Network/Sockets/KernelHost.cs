using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using EUeConformance.Network.Fabric;

namespace EUeConformance.Network.Sockets;

/// <summary>
/// A host that is one real kernel interface (a veth end in a namespace, or a lab NIC): its
/// addresses are configured with <c>ip address</c>, IPv6 duplicate address detection is the
/// kernel's own (RFC 4862 §5.4), and its sockets are created inside its namespace by a
/// <see cref="NamespaceThread"/>, bound to the interface (SO_BINDTODEVICE) so that broadcasts and
/// multicasts leave through it even before the host has an address or a route.
/// </summary>
public sealed class KernelHost : INetworkHost
{
    readonly object _gate = new();
    readonly List<InterfaceAddress> _addresses = [];
    readonly List<InterfaceAddress> _added = [];
    readonly List<IDisposable> _endpoints = [];
    readonly HashSet<(ProtocolType, IPAddress, int)> _bound = [];
    readonly KernelHostSettings _settings;
    int _disposed;

    KernelHost(KernelFabric fabric, RealLink link, string name, NamespaceThread thread, string interfaceName, KernelHostSettings settings)
    {
        Fabric = fabric;
        Link = link;
        Name = name;
        Thread = thread;
        InterfaceName = interfaceName;
        _settings = settings;
        InterfaceIndex = thread.Run(() => (long)LibC.if_nametoindex(interfaceName));
        if (InterfaceIndex == 0) throw new InvalidOperationException($"no interface '{interfaceName}' in namespace {thread.NamespaceName ?? "(own)"}");
        Mac = InterfaceState.Mac(Namespace, interfaceName);
        NeighborDiscovery = new KernelNeighborDiscovery(this);
        OwnBroadcasts = new CaptureLedger(fabric.Clock);
    }

    /// <summary>
    /// Takes over <paramref name="interfaceName"/>: reads what the kernel already has on it, waits
    /// for its link-local address to pass DAD when <paramref name="waitForLinkLocal"/>, and
    /// configures <paramref name="addresses"/> (with DAD for IPv6; a duplicate is an error here).
    /// </summary>
    internal static async Task<KernelHost> AttachAsync(KernelFabric fabric, RealLink link, string name, NamespaceThread thread, string interfaceName,
        IReadOnlyList<InterfaceAddress> addresses, bool waitForLinkLocal, KernelHostSettings settings, CancellationToken cancellationToken)
    {
        KernelHost host;
        try { host = new KernelHost(fabric, link, name, thread, interfaceName, settings); }
        catch
        {
            thread.Dispose(); // the host owns its thread from here on; without a host, nobody would end it
            throw;
        }
        try
        {
            host.Refresh();
            // The static addresses' DAD runs in the kernel alongside the link-local one's.
            var pending = addresses.Where(a => !host.Has(a.Address)).Select(a => (Address: a, Task: host.AssignAddressAsync(a, cancellationToken))).ToList();
            if (waitForLinkLocal) await KernelDad.AwaitLinkLocalAsync(host, settings, cancellationToken);
            foreach (var (address, task) in pending)
                if (await task == AddressAssignment.Duplicate)
                    throw new InvalidOperationException($"{address} of {name} is already in use on link {link.Name} (DAD failed, RFC 4862 §5.4.5)");
            host.Refresh();
            return host;
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }
    }

    public KernelFabric Fabric { get; }
    public RealLink Link { get; }
    public string Name { get; }
    public PhysicalAddress Mac { get; }
    public long InterfaceIndex { get; }
    public string InterfaceName { get; }
    public INeighborDiscovery NeighborDiscovery { get; }

    /// <summary>The namespace the interface is in (a name under /var/run/netns), or null for the process's own.</summary>
    public string? Namespace => Thread.NamespaceName;

    internal NamespaceThread Thread { get; }

    /// <summary>
    /// The IPv4 broadcasts this host's own sockets sent: Linux loops every broadcast back to the
    /// sending host's sockets (ip_mc_output, regardless of IP_MULTICAST_LOOP), and a host must not
    /// hear its own DHCPDISCOVER as if a neighbour had sent it.
    /// </summary>
    internal CaptureLedger OwnBroadcasts { get; }

    internal bool IsBroadcast(IPAddress destination) =>
        destination.AddressFamily == AddressFamily.InterNetwork && SubnetBroadcast.IsBroadcast(destination, Addresses);

    /// <summary>The usable addresses (DAD passed), as last configured or read.</summary>
    public IReadOnlyList<InterfaceAddress> Addresses { get { lock (_gate) return [.. _addresses]; } }

    bool Has(IPAddress address)
    {
        var plain = Plain(address);
        lock (_gate) return _addresses.Any(a => Plain(a.Address).Equals(plain));
    }

    /// <summary>Re-reads the interface's addresses from the kernel (e.g. after a real DHCP client configured one).</summary>
    public void Refresh()
    {
        var usable = InterfaceState.Addresses(Namespace, InterfaceName).Where(a => !a.Tentative && !a.DadFailed)
            .Select(a => new InterfaceAddress(a.Address.IsIPv6LinkLocal ? new IPAddress(a.Address.GetAddressBytes(), InterfaceIndex) : a.Address, a.PrefixLength)).ToList();
        lock (_gate) { _addresses.Clear(); _addresses.AddRange(usable); }
    }

    public async Task<AddressAssignment> AssignAddressAsync(InterfaceAddress address, CancellationToken cancellationToken = default)
    {
        // An address the host has already is its own (as on the other fabrics): a device that leases it again keeps it.
        if (Has(address.Address)) return AddressAssignment.Assigned;
        if (await KernelDad.ConfigureAsync(this, address, _settings, cancellationToken) == AddressAssignment.Duplicate) return AddressAssignment.Duplicate;
        var configured = address.Address.IsIPv6LinkLocal ? new InterfaceAddress(new IPAddress(address.Address.GetAddressBytes(), InterfaceIndex), address.PrefixLength) : address;
        lock (_gate)
        {
            if (!_addresses.Any(a => Plain(a.Address).Equals(Plain(address.Address)))) _addresses.Add(configured);
            _added.Add(configured);
        }
        return AddressAssignment.Assigned;
    }

    public void RemoveAddress(IPAddress address)
    {
        InterfaceAddress? known;
        lock (_gate) known = _addresses.FirstOrDefault(a => Plain(a.Address).Equals(Plain(address)));
        int prefix = known?.PrefixLength ?? (address.AddressFamily == AddressFamily.InterNetworkV6 ? 128 : 32);
        IpCommand.TryRun(Namespace, out _, "address", "del", $"{Plain(address)}/{prefix}", "dev", InterfaceName);
        lock (_gate)
        {
            _addresses.RemoveAll(a => Plain(a.Address).Equals(Plain(address)));
            _added.RemoveAll(a => Plain(a.Address).Equals(Plain(address)));
        }
    }

    /// <summary>The source the kernel will use towards <paramref name="destination"/> from a wildcard socket.</summary>
    internal IPAddress ChooseSource(IPAddress destination) => SourceSelection.Choose(Addresses, destination);

    /// <summary>Gives a link-local address without a scope this interface's index (a host has one interface).</summary>
    internal IPEndPoint Scoped(IPEndPoint e) =>
        e.Address.AddressFamily == AddressFamily.InterNetworkV6 && (e.Address.IsIPv6LinkLocal || e.Address.IsIPv6Multicast) && e.Address.ScopeId == 0
            ? new IPEndPoint(new IPAddress(e.Address.GetAddressBytes(), InterfaceIndex), e.Port)
            : e;

    /// <summary>Creates a socket inside the host's namespace, bound to its interface.</summary>
    internal Socket CreateSocket(AddressFamily family, SocketType type, ProtocolType protocol, Action<Socket>? configure = null) =>
        Thread.Run(() =>
        {
            var s = new Socket(family, type, protocol);
            try
            {
                if (family == AddressFamily.InterNetworkV6 && type != SocketType.Raw) s.DualMode = false;
                // SO_BINDTODEVICE (socket(7)): traffic leaves and arrives through this interface only;
                // a broadcast from a host without an address or route then still goes out.
                s.SetRawSocketOption(1, 25, System.Text.Encoding.ASCII.GetBytes(InterfaceName + "\0"));
                configure?.Invoke(s);
                return s;
            }
            catch
            {
                s.Dispose();
                throw;
            }
        });

    /// <summary>Refuses a second endpoint on the same (protocol, address, port), as the kernel would without SO_REUSEADDR.</summary>
    internal void Claim(ProtocolType protocol, IPEndPoint local)
    {
        lock (_gate)
            if (!_bound.Add((protocol, Plain(local.Address), local.Port))) throw new SocketException((int)SocketError.AddressAlreadyInUse);
    }

    /// <summary>Whether a UDP socket of this host is bound to <paramref name="port"/> on <paramref name="address"/> or on its family's wildcard.</summary>
    internal bool ListensUdp(IPAddress address, int port)
    {
        var plain = Plain(address);
        var any = plain.AddressFamily == AddressFamily.InterNetworkV6 ? IPAddress.IPv6Any : IPAddress.Any;
        lock (_gate) return _bound.Contains((ProtocolType.Udp, plain, port)) || _bound.Contains((ProtocolType.Udp, any, port));
    }

    internal void Release(ProtocolType protocol, IPEndPoint local)
    {
        lock (_gate) _bound.Remove((protocol, Plain(local.Address), local.Port));
    }

    internal void Track(IDisposable endpoint)
    {
        lock (_gate) _endpoints.Add(endpoint);
    }

    public IDatagramSocket OpenUdp(IPEndPoint local) => KernelUdpSocket.Open(this, Scoped(local));

    public IStreamListener ListenTcp(IPEndPoint local, Func<IStreamConnection, Task> onAccepted) => KernelStreams.Listen(this, Scoped(local), onAccepted);

    public Task<IStreamConnection> ConnectTcpAsync(IPEndPoint remote, CancellationToken cancellationToken = default) =>
        KernelStreams.ConnectAsync(this, Scoped(remote), cancellationToken);

    internal static IPAddress Plain(IPAddress a) => a.AddressFamily == AddressFamily.InterNetworkV6 && a.ScopeId != 0 ? new IPAddress(a.GetAddressBytes()) : a;

    public ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0) return ValueTask.CompletedTask;
        List<IDisposable> endpoints;
        List<InterfaceAddress> added;
        lock (_gate) { endpoints = [.. _endpoints]; _endpoints.Clear(); added = [.. _added]; }
        foreach (var e in endpoints) e.Dispose();
        (NeighborDiscovery as IDisposable)?.Dispose();
        // Leave a lab NIC as we found it: remove only what we added (a namespace goes away whole).
        if (_settings.RemoveAddressesOnDispose)
            foreach (var a in added) IpCommand.TryRun(Namespace, out _, "address", "del", $"{Plain(a.Address)}/{a.PrefixLength}", "dev", InterfaceName);
        Fabric.Unregister(this);
        Thread.Dispose();
        return ValueTask.CompletedTask;
    }

    public override string ToString() => $"{Name} ({InterfaceName}{(Namespace is null ? "" : " in " + Namespace)})";
}
