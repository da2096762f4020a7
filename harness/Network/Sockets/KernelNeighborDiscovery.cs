using System.Net;
using System.Net.Sockets;
using EUeConformance.Network.Fabric;

namespace EUeConformance.Network.Sockets;

/// <summary>
/// Router discovery on a kernel interface through a raw ICMPv6 socket in the host's namespace
/// (RFC 3542 §3): the kernel fills the checksum, the socket sends with hop limit 255 (RFC 4861
/// §6.1.1/§6.1.2: receivers drop ND messages with any other hop limit), joins all-routers
/// (ff02::2) so that solicitations are heard, and passes only types 133 and 134 (ICMP6_FILTER).
/// The socket is opened on first use.
/// </summary>
internal sealed class KernelNeighborDiscovery(KernelHost host) : INeighborDiscovery, IDisposable
{
    readonly object _gate = new();
    Socket? _socket;
    bool _disposed;
    Action<RouterAdvertisement, IPAddress>? _advertised;
    Action<IPAddress>? _solicited;

    public Action<RouterAdvertisement, IPAddress>? RouterAdvertisementReceived
    {
        get => _advertised;
        set { _advertised = value; Open(); }
    }

    public Action<IPAddress>? RouterSolicitationReceived
    {
        get => _solicited;
        set { _solicited = value; Open(); }
    }

    Socket Open()
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_socket is not null) return _socket;
            _socket = host.CreateSocket(AddressFamily.InterNetworkV6, SocketType.Raw, ProtocolType.IcmpV6, s =>
            {
                s.SetRawSocketOption(58, 1, Filter(RouterDiscoveryMessages.SolicitationType, RouterDiscoveryMessages.AdvertisementType)); // ICMP6_FILTER
                s.SetSocketOption(SocketOptionLevel.IPv6, SocketOptionName.MulticastInterface, (int)host.InterfaceIndex);
                s.SetSocketOption(SocketOptionLevel.IPv6, SocketOptionName.MulticastTimeToLive, 255);
                s.SetSocketOption(SocketOptionLevel.IPv6, SocketOptionName.IpTimeToLive, 255);
                s.SetSocketOption(SocketOptionLevel.IPv6, SocketOptionName.MulticastLoopback, false);
                s.SetSocketOption(SocketOptionLevel.IPv6, SocketOptionName.AddMembership, new IPv6MulticastOption(RouterDiscoveryMessages.AllRouters, host.InterfaceIndex));
                s.Bind(new IPEndPoint(IPAddress.IPv6Any, 0)); // no address of its own: recvmsg on .NET wants a bound socket
            });
            ReceiveLoop.Start(_socket, OnPacket, host.Fabric.Context.ReportFault);
            return _socket;
        }
    }

    /// <summary>struct icmp6_filter: eight 32-bit words, a set bit blocks that type (Linux's ICMP6_FILTER_SETBLOCK).</summary>
    static byte[] Filter(params byte[] pass)
    {
        var words = Enumerable.Repeat(uint.MaxValue, 8).ToArray();
        foreach (var t in pass) words[t >> 5] &= ~(1u << (t & 31));
        return words.SelectMany(BitConverter.GetBytes).ToArray();
    }

    IPAddress? LinkLocal => host.Addresses.Select(a => a.Address).FirstOrDefault(a => a.IsIPv6LinkLocal);

    public void SendRouterSolicitation()
    {
        var source = LinkLocal ?? IPAddress.IPv6Any;
        Transmit(RouterDiscoveryMessages.SolicitationFrame(host.Mac, source), source, RouterDiscoveryMessages.AllRouters);
    }

    public void SendRouterAdvertisement(RouterAdvertisement advertisement, IPAddress? destination = null)
    {
        var source = LinkLocal ?? throw new InvalidOperationException($"{host.Name} has no link-local address to advertise from (RFC 4861 §6.1.2)");
        var to = destination ?? RouterDiscoveryMessages.AllNodes;
        var peerMac = FrameSynthesis.IsGroup(to) ? null : host.Fabric.MacOf(to) ?? FrameSynthesis.UnknownMac;
        Transmit(RouterDiscoveryMessages.AdvertisementFrame(advertisement, host.Mac, peerMac, source, to), source, to);
    }

    void Transmit(byte[] frameBytes, IPAddress source, IPAddress destination)
    {
        var socket = Open();
        var fabric = host.Fabric;
        var to = host.Scoped(new IPEndPoint(destination, 0));
        var message = RouterDiscoveryMessages.Message(frameBytes);
        var frame = new CapturedFrame(fabric.Clock.GetUtcNow(), host.Link.Name, host.Mac, frameBytes);
        foreach (var delay in fabric.Impairment.Plan(host.Link.Impairments, frame))
            fabric.Impairment.Schedule(delay, () =>
            {
                fabric.Ledger.RecordSent(new IPEndPoint(KernelHost.Plain(source), 0), 0, WithoutChecksum(message));
                fabric.Capture(frame with { At = fabric.Clock.GetUtcNow() });
                socket.SendTo(message, to);
            });
    }

    void OnPacket(ReceivedPacket packet)
    {
        var fabric = host.Fabric;
        var message = packet.Payload;
        if (RouterDiscoveryMessages.TypeOf(message) is not { } type) return;
        var from = host.Scoped(packet.Source).Address;
        if (!fabric.Ledger.WasSentByUs(new IPEndPoint(KernelHost.Plain(from), 0), 0, WithoutChecksum(message)))
            // The kernel's own RS (KernelRouterDiscovery) or a real router's RA: recorded on arrival.
            // A raw socket does not report the destination (ReceiveLoop): the evidence shows the
            // group the message type is sent to (RFC 4861 §6.3.7, §6.2.4), a unicast RA as all-nodes.
            fabric.Capture(FrameSynthesis.Icmpv6(fabric.Clock.GetUtcNow(), host.Link.Name, fabric.MacOf(from) ?? FrameSynthesis.UnknownMac, host.Mac,
                KernelHost.Plain(from), packet.Destination ?? (type == RouterDiscoveryMessages.SolicitationType ? RouterDiscoveryMessages.AllRouters : RouterDiscoveryMessages.AllNodes), message));
        if (type == RouterDiscoveryMessages.SolicitationType)
            fabric.Context.Deliver(() => _solicited?.Invoke(from));
        else if (type == RouterDiscoveryMessages.AdvertisementType && RouterDiscoveryMessages.ReadAdvertisement(message) is { } advertisement)
            fabric.Context.Deliver(() => _advertised?.Invoke(advertisement, from));
    }

    static byte[] WithoutChecksum(byte[] message)
    {
        var copy = (byte[])message.Clone();
        if (copy.Length >= 4) { copy[2] = 0; copy[3] = 0; }
        return copy;
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            _socket?.Dispose();
        }
    }
}
