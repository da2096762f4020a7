using System.Net;
using System.Net.Sockets;
using EUeConformance.Network.Fabric;
using EUeConformance.Network.Sockets;

namespace EUeConformance.Network.Loopback;

/// <summary>
/// Real sockets on the loopback interface, no privileges needed. Hosts have logical addresses
/// (whatever their options say: 192.0.2.1, 2001:db8::1, an EUI-64 link-local); behind each
/// logical socket stand real sockets on the host's own 127.77.f.h address (IPv4) or on ::1 (IPv6:
/// the only IPv6 loopback address there is, so IPv6 hosts are told apart by port alone), always
/// on free ephemeral ports. A fabric-wide directory maps (host, logical address, logical port) to
/// those real endpoints and back, so actors bind 67, 547, 53… and see logical sources, while
/// nothing real is bound to a well-known port.
/// </summary>
/// <remarks>
/// Emulated, not real: broadcast (255.255.255.255 fans out to every IPv4 wildcard socket on that
/// port of the link's other hosts), multicast (a group fans out to the sockets that joined it), the
/// link boundary (unicast and link-local reach only hosts on the sender's link), DAD (a probe and a
/// defence synthesised into the capture, on the fabric's clock; a duplicate is another host of the link already
/// having the address, <see cref="LoopbackDad"/>), router discovery (RS/RA bytes handed
/// between hosts), and the capture (frames synthesised from what the endpoints send, with the
/// logical addresses and the hosts' MACs). Real: the UDP and TCP sockets, the kernel's delivery,
/// recvmsg with IP_PKTINFO / IPV6_PKTINFO, and the wall clock.
/// </remarks>
public sealed class LoopbackFabric : RealFabric
{
    static int s_fabrics;
    readonly List<RealLink> _links = [];
    readonly int _fabricOctet;
    readonly bool _ipv6Loopback;
    int _hosts;

    public LoopbackFabric(LoopbackFabricOptions? options = null) : base(FabricKind.Loopback, (options ?? new()).Seed, options?.Clock)
    {
        options ??= new();
        _fabricOctet = Interlocked.Increment(ref s_fabrics) % 254 + 1;
        _ipv6Loopback = options.UseIPv6Loopback;
        Directory = new LoopbackDirectory();
        Tcp = new TcpCaptureBook(Capture, Clock);
    }

    internal LoopbackDirectory Directory { get; }
    internal LoopbackDad Dad { get; } = new();
    internal TcpCaptureBook Tcp { get; }

    public override ILink CreateLink(string name)
    {
        var link = new RealLink(name);
        lock (_links)
        {
            if (_links.Any(l => l.Name == name)) throw new ArgumentException($"a link named '{name}' exists already", nameof(name));
            _links.Add(link);
        }
        return link;
    }

    public override Task<INetworkHost> AddHostAsync(ILink link, HostOptions options, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(IsDisposed, this);
        if (link is not RealLink real || !_links.Contains(real)) throw new ArgumentException("the link does not belong to this fabric", nameof(link));
        int n = Interlocked.Increment(ref _hosts);
        if (n > 254) throw new InvalidOperationException("a loopback fabric has room for 254 hosts (127.77.f.1 … 127.77.f.254)");
        var realV4 = new IPAddress([127, 77, (byte)_fabricOctet, (byte)n]);
        var realV6 = _ipv6Loopback ? IPAddress.IPv6Loopback : realV4;
        // Interface indexes start at 2, as on Linux where 1 is lo; one per host keeps scope IDs honest.
        var host = new LoopbackHost(this, real, options, interfaceIndex: n + 1, realV4, realV6);
        Directory.Add(host);
        if (options.AutoLinkLocal) Attach(host, new InterfaceAddress(RouterDiscoveryMessages.LinkLocalFromMac(options.Mac), 64), optional: true);
        foreach (var a in options.Addresses) Attach(host, a, optional: false);
        return Task.FromResult<INetworkHost>(host);
    }

    void Attach(LoopbackHost host, InterfaceAddress address, bool optional)
    {
        if (address.Address.AddressFamily == AddressFamily.InterNetworkV6 && Directory.Owner(host.Link, address.Address, except: host) is not null)
        {
            // Like a kernel whose DAD failed at link-up: a link-local duplicate leaves the host
            // without one; a statically configured duplicate is a mistake in the test bed.
            if (optional) return;
            throw new InvalidOperationException($"{address} of {host.Name} is already in use on link {host.Link.Name} (DAD, RFC 4862 §5.4.5)");
        }
        host.Configure(address);
    }

    /// <summary>
    /// Where a logical UDP endpoint of <paramref name="host"/> really is, so that a real client
    /// (dig, an SNMP tool) can be pointed at one of our servers: the real endpoint a unicast to
    /// <paramref name="logical"/> arrives on. Throws when no socket of the host listens there.
    /// </summary>
    public IPEndPoint RealEndPointOf(INetworkHost host, IPEndPoint logical)
    {
        var h = (LoopbackHost)host;
        var address = LogicalAddressing.IsAny(logical.Address) ? h.ChooseSource(logical.Address) : logical.Address;
        var target = Directory.Resolve(h, new IPEndPoint(address, logical.Port)).FirstOrDefault();
        return target.Socket?.RealEndPointFor(target.Arrival) ?? throw new InvalidOperationException($"no UDP socket of {h.Name} listens on {logical}");
    }

    /// <summary>The real listener behind a logical TCP endpoint of <paramref name="host"/>.</summary>
    public IPEndPoint RealTcpEndPointOf(INetworkHost host, IPEndPoint logical)
    {
        var h = (LoopbackHost)host;
        var address = LogicalAddressing.IsAny(logical.Address) ? h.ChooseSource(logical.Address) : logical.Address;
        return Directory.ResolveTcp(h, new IPEndPoint(address, logical.Port))?.RealEndPoint ?? throw new InvalidOperationException($"no TCP listener of {h.Name} on {logical}");
    }

    protected override async ValueTask DisposeNetworkAsync()
    {
        foreach (var host in Directory.Hosts) await host.DisposeAsync();
    }
}
