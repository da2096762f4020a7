using System.Net;
using System.Net.Sockets;
using EUeConformance.Network.Fabric;

namespace EUeConformance.Network.Sockets;

/// <summary>
/// A UDP socket of a <see cref="KernelHost"/>: a real socket in the host's namespace on the real
/// (standard) port, bound to the interface, with SO_BROADCAST on for IPv4 and the interface as the
/// IPv6 multicast interface. A send from a chosen source on a wildcard socket goes through a
/// companion socket bound to that source and the same port (SO_REUSEADDR on both): .NET cannot
/// send IP_PKTINFO ancillary data, and the companion also receives the unicasts to its address.
/// </summary>
internal sealed class KernelUdpSocket : IDatagramSocket
{
    readonly KernelHost _host;
    readonly Socket _socket;
    readonly object _gate = new();
    readonly Dictionary<IPAddress, Socket> _companions = [];
    int _disposed;

    KernelUdpSocket(KernelHost host, Socket socket, IPEndPoint local)
    {
        _host = host;
        _socket = socket;
        LocalEndPoint = local;
    }

    public static KernelUdpSocket Open(KernelHost host, IPEndPoint local)
    {
        var socket = host.CreateSocket(local.AddressFamily, SocketType.Dgram, ProtocolType.Udp, s => Configure(host, s, local));
        var bound = (IPEndPoint)socket.LocalEndPoint!;
        try { host.Claim(ProtocolType.Udp, bound); }
        catch { socket.Dispose(); throw; }
        var udp = new KernelUdpSocket(host, socket, bound);
        host.Track(udp);
        ReceiveLoop.Start(socket, udp.OnPacket, host.Fabric.Context.ReportFault);
        return udp;
    }

    /// <summary>
    /// The receive buffer each socket asks for: room for thousands of datagrams, so that a burst (a flood of
    /// malformed input, a garbage-collection pause of the harness) is held by the kernel until the receive
    /// loop drains it instead of being dropped uncounted by the evidence. The kernel's default (212992
    /// bytes, about 280 small datagrams) overflowed under a 100,000-datagram flood.
    /// </summary>
    public const int ReceiveBuffer = 8 * 1024 * 1024;

    // SOL_SOCKET / SO_RCVBUFFORCE (socket(7)): like SO_RCVBUF, but a process with CAP_NET_ADMIN may exceed net.core.rmem_max.
    const int SolSocket = 1, SoRcvBufForce = 33;

    static void Configure(KernelHost host, Socket s, IPEndPoint local)
    {
        try { s.SetRawSocketOption(SolSocket, SoRcvBufForce, BitConverter.GetBytes(ReceiveBuffer)); }
        catch (SocketException) { s.ReceiveBufferSize = ReceiveBuffer; } // without the capability: as much as rmem_max allows
        s.ExclusiveAddressUse = false;
        s.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        if (local.AddressFamily == AddressFamily.InterNetwork)
        {
            s.EnableBroadcast = true;
            s.SetSocketOption(SocketOptionLevel.IP, SocketOptionName.MulticastLoopback, false);
        }
        else
        {
            s.SetSocketOption(SocketOptionLevel.IPv6, SocketOptionName.MulticastInterface, (int)host.InterfaceIndex);
            // Like the loopback fabric, a host does not hear its own multicasts.
            s.SetSocketOption(SocketOptionLevel.IPv6, SocketOptionName.MulticastLoopback, false);
        }
        s.Bind(local);
    }

    public IPEndPoint LocalEndPoint { get; }
    public Action<Datagram>? Received { get; set; }

    public void JoinMulticast(IPAddress group)
    {
        if (group.AddressFamily == AddressFamily.InterNetworkV6)
            _socket.SetSocketOption(SocketOptionLevel.IPv6, SocketOptionName.AddMembership, new IPv6MulticastOption(KernelHost.Plain(group), _host.InterfaceIndex));
        else
            _socket.SetSocketOption(SocketOptionLevel.IP, SocketOptionName.AddMembership, new MulticastOption(group, (int)_host.InterfaceIndex));
    }

    void OnPacket(ReceivedPacket packet)
    {
        var fabric = _host.Fabric;
        var source = _host.Scoped(packet.Source);
        var destination = new IPEndPoint(packet.Destination ?? LocalEndPoint.Address, LocalEndPoint.Port);
        if (_host.IsBroadcast(destination.Address) && _host.OwnBroadcasts.WasSentByUs(source, LocalEndPoint.Port, packet.Payload))
            return; // our own broadcast, looped back by the kernel
        var sourceMac = fabric.MacOf(source.Address);
        if (!fabric.Ledger.WasSentByUs(source, LocalEndPoint.Port, packet.Payload))
            // Sent by a peer outside the fabric (a real client in a namespace): recorded on arrival.
            fabric.Capture(FrameSynthesis.Udp(fabric.Clock.GetUtcNow(), _host.Link.Name, sourceMac ?? FrameSynthesis.UnknownMac, _host.Mac,
                source, destination, packet.Payload));
        var datagram = new Datagram(source, destination, packet.Payload, sourceMac, fabric.Clock.GetUtcNow());
        // A unicast of the fabric's own hosts in the order they sent it (DeliveryOrder); anything else as it comes.
        fabric.Order.Received(new IPEndPoint(KernelHost.Plain(destination.Address), destination.Port), packet.Payload,
            wire => RealFabric.Deliver(wire, packet.Payload, () => Received?.Invoke(datagram)));
    }

    public void Send(ReadOnlySpan<byte> payload, IPEndPoint destination, IPAddress? source = null)
    {
        var fabric = _host.Fabric;
        var to = _host.Scoped(destination);
        var bound = KernelHost.Plain(LocalEndPoint.Address);
        bool wildcard = bound.Equals(IPAddress.Any) || bound.Equals(IPAddress.IPv6Any);
        var requested = source is null ? null : KernelHost.Plain(source);
        var socket = requested is null || !wildcard || requested.Equals(bound) ? _socket : Companion(requested);
        // The frame is labelled with the source the kernel uses: the bound or requested one, or
        // for a wildcard socket the one source selection picks (SourceSelection).
        var from = requested ?? (wildcard ? _host.ChooseSource(to.Address) : bound);
        var bytes = payload.ToArray();
        var peerMac = FrameSynthesis.IsGroup(to.Address) ? null : fabric.MacOf(to.Address);
        var frame = FrameSynthesis.Udp(fabric.Clock.GetUtcNow(), _host.Link.Name, _host.Mac, peerMac,
            new IPEndPoint(from, LocalEndPoint.Port), new IPEndPoint(KernelHost.Plain(to.Address), to.Port), bytes);
        foreach (var delay in fabric.Impairment.Plan(_host.Link.Impairments, frame))
            fabric.Impairment.Schedule(delay, () =>
            {
                fabric.Ledger.RecordSent(new IPEndPoint(from, LocalEndPoint.Port), to.Port, bytes);
                if (_host.IsBroadcast(to.Address)) _host.OwnBroadcasts.RecordSent(new IPEndPoint(from, LocalEndPoint.Port), to.Port, bytes);
                var wire = fabric.Clock.GetUtcNow();
                fabric.Capture(frame with { At = wire });
                // Only a unicast a socket of ours receives is waited for in the delivery order: a broadcast or a
                // multicast reaches an unknown number of sockets, a datagram to a closed port none.
                var target = new IPEndPoint(KernelHost.Plain(to.Address), to.Port);
                bool ordered = !FrameSynthesis.IsGroup(to.Address) && !_host.IsBroadcast(to.Address) && fabric.ReceivesUdp(target.Address, target.Port);
                if (ordered) fabric.Order.Sending([target], bytes, wire);
                try { socket.SendTo(bytes, to); }
                catch
                {
                    if (ordered) fabric.Order.NotSent(target, bytes);
                    throw;
                }
            });
    }

    Socket Companion(IPAddress source)
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed != 0, this);
            if (_companions.TryGetValue(source, out var known)) return known;
            var local = _host.Scoped(new IPEndPoint(source, LocalEndPoint.Port));
            Socket companion;
            try { companion = _host.CreateSocket(source.AddressFamily, SocketType.Dgram, ProtocolType.Udp, s => Configure(_host, s, local)); }
            catch (SocketException e) when (e.SocketErrorCode == SocketError.AddressNotAvailable)
            {
                throw new SocketException((int)SocketError.AddressNotAvailable); // not an address of this host, as IP_PKTINFO would say
            }
            _companions[source] = companion;
            ReceiveLoop.Start(companion, OnPacket, _host.Fabric.Context.ReportFault);
            return companion;
        }
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
        List<Socket> companions;
        lock (_gate) { companions = [.. _companions.Values]; _companions.Clear(); }
        foreach (var c in companions) c.Dispose();
        _socket.Dispose();
        _host.Release(ProtocolType.Udp, LocalEndPoint);
    }
}
