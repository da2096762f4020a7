using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using EUeConformance.Network.Fabric;
using EUeConformance.Network.Sockets;
using static EUeConformance.Network.Loopback.LogicalAddressing;

namespace EUeConformance.Network.Loopback;

/// <summary>
/// A logical host of the loopback fabric: logical addresses (any, e.g. 192.0.2.1 or 2001:db8::1,
/// plus an EUI-64 link-local), a real loopback address of its own (127.77.f.h) and ::1 for the real
/// sockets behind its logical ones, and a logical interface index for link-local scope IDs.
/// </summary>
internal sealed class LoopbackHost : INetworkHost
{
    readonly object _gate = new();
    readonly List<InterfaceAddress> _addresses = [];
    readonly List<IDisposable> _endpoints = [];
    int _nextEphemeral = 49151; // RFC 6335 §6: ports are drawn from the dynamic range 49152–65535

    public LoopbackHost(LoopbackFabric fabric, RealLink link, HostOptions options, long interfaceIndex, IPAddress realV4, IPAddress realV6)
    {
        Fabric = fabric;
        Link = link;
        Name = options.Name;
        Mac = options.Mac;
        InterfaceIndex = interfaceIndex;
        RealV4 = realV4;
        RealV6 = realV6;
        NeighborDiscovery = new LoopbackNeighborDiscovery(this);
    }

    public LoopbackFabric Fabric { get; }
    public RealLink Link { get; }
    public string Name { get; }
    public PhysicalAddress Mac { get; }
    public long InterfaceIndex { get; }

    /// <summary>The real addresses this host's real sockets bind to.</summary>
    public IPAddress RealV4 { get; }
    public IPAddress RealV6 { get; }

    public IPAddress RealFor(AddressFamily logicalFamily) => logicalFamily == AddressFamily.InterNetworkV6 ? RealV6 : RealV4;

    public IReadOnlyList<InterfaceAddress> Addresses { get { lock (_gate) return [.. _addresses]; } }

    public INeighborDiscovery NeighborDiscovery { get; }

    public bool Has(IPAddress plain)
    {
        lock (_gate) return _addresses.Any(a => Plain(a.Address).Equals(plain));
    }

    /// <summary>True when <paramref name="address"/> is the broadcast address of one of this host's IPv4 subnets.</summary>
    public bool HasBroadcast(IPAddress address) => Addresses.Any(a => address.Equals(SubnetBroadcast.Of(a)));

    /// <summary>
    /// Configures an address without DAD: used at attach time after the directory was asked. A
    /// link-local address is kept with this host's scope ID, as a kernel lists it.
    /// </summary>
    public void Configure(InterfaceAddress address)
    {
        if (address.Address.IsIPv6LinkLocal) address = new InterfaceAddress(new IPAddress(address.Address.GetAddressBytes(), InterfaceIndex), address.PrefixLength);
        lock (_gate) if (!_addresses.Any(a => Plain(a.Address).Equals(Plain(address.Address)))) _addresses.Add(address);
    }

    /// <summary>
    /// DAD on loopback (RFC 4862 §5.4, <see cref="LoopbackDad"/>): the probe and a defence go into the capture, and
    /// the address is configured after RetransTimer of fabric time unless another host of the same link has it (or
    /// probes for it meanwhile). IPv4 has no DAD (RFC 5227 conflict detection is a host option, not used here).
    /// </summary>
    public async Task<AddressAssignment> AssignAddressAsync(InterfaceAddress address, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (address.Address.AddressFamily == AddressFamily.InterNetworkV6 && !Has(Plain(address.Address))
            && !await Fabric.Dad.ProbeAsync(this, address.Address, cancellationToken))
            return AddressAssignment.Duplicate;
        Configure(address);
        return AddressAssignment.Assigned;
    }

    public void RemoveAddress(IPAddress address)
    {
        lock (_gate) _addresses.RemoveAll(a => Plain(a.Address).Equals(Plain(address)));
    }

    /// <summary>The source address the kernel would pick for a wildcard socket (<see cref="SourceSelection"/>).</summary>
    public IPAddress ChooseSource(IPAddress destination) => SourceSelection.Choose(Addresses, destination);

    public int AllocatePort()
    {
        // No lock of ours is held while the directory is asked: its lock is always taken first.
        for (int i = 0; i < 16384; i++)
        {
            int port = 49152 + (Interlocked.Increment(ref _nextEphemeral) - 49152) % 16384;
            if (!Fabric.Directory.PortInUse(this, port)) return port;
        }
        throw new SocketException((int)SocketError.AddressAlreadyInUse);
    }

    public IDatagramSocket OpenUdp(IPEndPoint local)
    {
        var socket = new LoopbackUdpSocket(this, local.Port == 0 ? new IPEndPoint(local.Address, AllocatePort()) : local);
        Track(socket);
        return socket;
    }

    public IStreamListener ListenTcp(IPEndPoint local, Func<IStreamConnection, Task> onAccepted)
    {
        var listener = new LoopbackTcpListener(this, local.Port == 0 ? new IPEndPoint(local.Address, AllocatePort()) : local, onAccepted);
        Track(listener);
        return listener;
    }

    public Task<IStreamConnection> ConnectTcpAsync(IPEndPoint remote, CancellationToken cancellationToken = default) =>
        LoopbackTcpListener.ConnectAsync(this, remote, cancellationToken);

    void Track(IDisposable endpoint)
    {
        lock (_gate) _endpoints.Add(endpoint);
    }

    public ValueTask DisposeAsync()
    {
        List<IDisposable> endpoints;
        lock (_gate) { endpoints = [.. _endpoints]; _endpoints.Clear(); }
        foreach (var e in endpoints) e.Dispose();
        Fabric.Directory.Remove(this);
        return ValueTask.CompletedTask;
    }

    public override string ToString() => Name;
}
