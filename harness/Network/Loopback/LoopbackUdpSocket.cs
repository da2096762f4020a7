using System.Net;
using System.Net.Sockets;
using EUeConformance.Network.Fabric;
using EUeConformance.Network.Sockets;
using static EUeConformance.Network.Loopback.LogicalAddressing;

namespace EUeConformance.Network.Loopback;

/// <summary>
/// A logical UDP socket on the loopback fabric. Behind it stands one real loopback socket per
/// logical address it is reached on or sends from (its "arrivals": a unicast address of the host,
/// 255.255.255.255, a joined group, or the unspecified address a leaseless client sends from), each
/// on a free ephemeral port. Which real socket a datagram arrives on tells its logical destination;
/// which real endpoint it came from tells, through the directory, its logical source. So actors
/// speak standard ports and logical addresses while the kernel sees only 127.77.x.y and ::1.
/// </summary>
internal sealed class LoopbackUdpSocket : IDatagramSocket
{
    readonly LoopbackHost _host;
    readonly object _gate = new();
    readonly Dictionary<IPAddress, Arrival> _arrivals = [];
    // Read by the directory under its own lock: lock-free, so that lock order stays directory → socket.
    readonly System.Collections.Concurrent.ConcurrentDictionary<IPAddress, byte> _groups = new();
    bool _disposed;

    sealed record Arrival(Socket Socket, IPEndPoint Real);

    public LoopbackUdpSocket(LoopbackHost host, IPEndPoint local)
    {
        _host = host;
        LocalEndPoint = local;
        host.Fabric.Directory.AddUdp(this);
    }

    public LoopbackHost Host => _host;
    public IPEndPoint LocalEndPoint { get; }
    public Action<Datagram>? Received { get; set; }

    public bool HasJoined(IPAddress group) => _groups.ContainsKey(group);

    public void JoinMulticast(IPAddress group)
    {
        if (!FrameSynthesis.IsGroup(group) || group.Equals(IPAddress.Broadcast)) throw new ArgumentException($"{group} is not a multicast group", nameof(group));
        _groups[Plain(group)] = 0;
    }

    /// <summary>The real endpoint standing for logical address <paramref name="logical"/> of this socket, opened on first use.</summary>
    public IPEndPoint RealEndPointFor(IPAddress logical) => ArrivalFor(Plain(logical)).Real;

    Arrival ArrivalFor(IPAddress logical)
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_arrivals.TryGetValue(logical, out var known)) return known;
            var real = _host.RealFor(logical.AddressFamily);
            var socket = new Socket(real.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
            if (real.AddressFamily == AddressFamily.InterNetworkV6) socket.DualMode = false;
            socket.Bind(new IPEndPoint(real, 0));
            var arrival = new Arrival(socket, (IPEndPoint)socket.LocalEndPoint!);
            _arrivals[logical] = arrival;
            _host.Fabric.Directory.MapReal(arrival.Real, new LoopbackDirectory.LogicalEnd(_host, new IPEndPoint(logical, LocalEndPoint.Port)));
            ReceiveLoop.Start(socket, packet => OnPacket(logical, arrival.Real, packet), _host.Fabric.Context.ReportFault);
            return arrival;
        }
    }

    void OnPacket(IPAddress arrival, IPEndPoint real, ReceivedPacket packet)
    {
        var fabric = _host.Fabric;
        var known = fabric.Directory.Logical(packet.Source);
        var source = Scoped(known?.Logical ?? packet.Source, _host.InterfaceIndex);
        var destination = new IPEndPoint(arrival, LocalEndPoint.Port);
        if (known is null)
            // A real peer outside the fabric (a real client pointed at RealEndPointOf): its datagram
            // enters the evidence here, since no endpoint of ours recorded it when it was sent.
            fabric.Capture(FrameSynthesis.Udp(fabric.Clock.GetUtcNow(), _host.Link.Name, FrameSynthesis.UnknownMac, _host.Mac, source, destination, packet.Payload));
        var datagram = new Datagram(source, destination, packet.Payload, known?.Host.Mac, fabric.Clock.GetUtcNow());
        // In the order the fabric's endpoints sent it, whatever receive loop read it first.
        fabric.Order.Received(real, packet.Payload, wire => RealFabric.Deliver(wire, packet.Payload, () => Received?.Invoke(datagram)));
    }

    public void Send(ReadOnlySpan<byte> payload, IPEndPoint destination, IPAddress? source = null)
    {
        var fabric = _host.Fabric;
        var to = Plain(destination.Address);
        if (to.AddressFamily != LocalEndPoint.AddressFamily) throw new ArgumentException($"an {LocalEndPoint.AddressFamily} socket cannot send to {to}", nameof(destination));
        var from = SourceFor(to, source);
        var sender = ArrivalFor(from);
        var targets = fabric.Directory.Resolve(_host, new IPEndPoint(to, destination.Port));
        var reals = new List<IPEndPoint>();
        foreach (var (socket, arrival) in targets)
        {
            try { reals.Add(socket.RealEndPointFor(arrival)); }
            catch (ObjectDisposedException) { } // closed while we looked: like a port that just went away
        }
        var ours = reals.ToArray(); // the receipts the fabric's order waits for: a real peer's are not ours to see
        if (reals.Count == 0 && IsRealLoopback(to) && !fabric.Directory.IsLogical(to))
            reals.Add(new IPEndPoint(to, destination.Port)); // a real peer on loopback: send to it as it is

        var bytes = payload.ToArray();
        if (reals.Count == 0 && Unresolvable(to))
        {
            // As in simulation: what the link shows is the address resolution nobody answers (an ARP request, RFC 826;
            // a Neighbor Solicitation to the solicited-node group, RFC 4861 §7.2.2), and the datagram never leaves.
            ResolveUnanswered(from, to);
            return;
        }
        var peerMac = FrameSynthesis.IsGroup(to) ? null : fabric.Directory.AnyOwner(to)?.Mac;
        var frame = FrameSynthesis.Udp(fabric.Clock.GetUtcNow(), _host.Link.Name, _host.Mac, peerMac, new IPEndPoint(from, LocalEndPoint.Port), new IPEndPoint(to, destination.Port), bytes);
        foreach (var delay in fabric.Impairment.Plan(_host.Link.Impairments, frame))
            fabric.Impairment.Schedule(delay, () =>
            {
                var wire = fabric.Clock.GetUtcNow();
                fabric.Capture(frame with { At = wire });
                fabric.Order.Sending(ours, bytes, wire);
                foreach (var real in reals)
                {
                    try { sender.Socket.SendTo(bytes, real); }
                    catch
                    {
                        fabric.Order.NotSent(real, bytes);
                        throw;
                    }
                }
            });
    }

    /// <summary>A unicast destination that no host of this link has (and no real loopback peer): nobody answers its address resolution.</summary>
    bool Unresolvable(IPAddress to)
    {
        var directory = _host.Fabric.Directory;
        if (FrameSynthesis.IsGroup(to) || to.Equals(IPAddress.Broadcast) || IsAny(to)) return false;
        if (IsRealLoopback(to) && !directory.IsLogical(to)) return false;
        if (directory.Hosts.Any(h => h.Link == _host.Link && h.HasBroadcast(to))) return false;
        return directory.Owner(_host.Link, to) is null;
    }

    void ResolveUnanswered(IPAddress source, IPAddress target)
    {
        var fabric = _host.Fabric;
        byte[] bytes;
        if (target.AddressFamily == AddressFamily.InterNetwork)
            bytes = Protocols.Pcap.Frames.ArpRequest(_host.Mac.GetAddressBytes(), source, target);
        else if (IsAny(source)) return; // without an address of its own a host cannot solicit (from :: it would be a DAD probe)
        else bytes = Protocols.Pcap.NeighborDiscoveryFrames.NeighborSolicitation(_host.Mac.GetAddressBytes(), Plain(source),
            Protocols.Pcap.NeighborDiscoveryFrames.SolicitedNodeGroup(target), Plain(target));
        var frame = new CapturedFrame(fabric.Clock.GetUtcNow(), _host.Link.Name, _host.Mac, bytes);
        foreach (var delay in fabric.Impairment.Plan(_host.Link.Impairments, frame))
            fabric.Impairment.Schedule(delay, () => fabric.Capture(frame with { At = fabric.Clock.GetUtcNow() }));
    }

    IPAddress SourceFor(IPAddress destination, IPAddress? requested)
    {
        var bound = Plain(LocalEndPoint.Address);
        if (requested is not null)
        {
            var r = Plain(requested);
            bool allowed = IsAny(bound) ? IsAny(r) || _host.Has(r) : r.Equals(bound);
            // The kernel refuses a source that is not the host's (EADDRNOTAVAIL / EINVAL on IP_PKTINFO).
            if (!allowed) throw new SocketException((int)SocketError.AddressNotAvailable);
            return r;
        }
        return IsAny(bound) ? _host.ChooseSource(destination) : bound;
    }

    public void Dispose()
    {
        List<Arrival> arrivals;
        lock (_gate)
        {
            if (_disposed) return;
            _disposed = true;
            arrivals = [.. _arrivals.Values];
            _arrivals.Clear();
        }
        _host.Fabric.Directory.RemoveUdp(this);
        foreach (var a in arrivals)
        {
            _host.Fabric.Directory.UnmapReal(a.Real);
            a.Socket.Dispose();
        }
    }
}
