using System.Net;
using System.Net.Sockets;
using static EUeConformance.Network.Loopback.LogicalAddressing;

namespace EUeConformance.Network.Loopback;

/// <summary>
/// The fabric-wide registry that makes loopback behave like a set of links: which logical host
/// owns which logical address, which logical socket listens on which logical port, and which real
/// 127.x / ::1 endpoint stands for which logical endpoint. Senders ask it where a logical
/// destination really is (one socket for unicast, every listener on the link for broadcast and
/// multicast); receivers ask it who a real source logically was.
/// </summary>
internal sealed class LoopbackDirectory
{
    readonly object _gate = new();
    readonly List<LoopbackHost> _hosts = [];
    readonly List<LoopbackUdpSocket> _udp = [];
    readonly List<LoopbackTcpListener> _tcp = [];
    readonly Dictionary<IPEndPoint, LogicalEnd> _byReal = [];
    // Real endpoints of closed sockets, with the wall-clock tick they closed at (see UnmapReal).
    readonly Dictionary<IPEndPoint, long> _closed = [];

    /// <summary>
    /// How long a closed socket's real endpoint still names its logical one: a datagram it sent just before it
    /// closed (a TFTP client's last ACK, a DNS query on a one-shot socket) may be read by the receiver only after
    /// the close, and must still arrive from the logical source. Wall-clock time: it covers the receiver's
    /// scheduling lag, which no sped-up clock shortens.
    /// </summary>
    public static readonly TimeSpan ClosedLinger = TimeSpan.FromSeconds(30);

    /// <summary>A real endpoint's logical identity; <paramref name="Target"/> is the logical destination a TCP client dialled.</summary>
    public sealed record LogicalEnd(LoopbackHost Host, IPEndPoint Logical, IPEndPoint? Target = null);

    public void Add(LoopbackHost host)
    {
        lock (_gate)
        {
            if (_hosts.Any(h => h.Name == host.Name)) throw new ArgumentException($"a host named '{host.Name}' is already attached");
            _hosts.Add(host);
        }
    }

    public void Remove(LoopbackHost host)
    {
        lock (_gate) _hosts.Remove(host);
    }

    public IReadOnlyList<LoopbackHost> Hosts { get { lock (_gate) return [.. _hosts]; } }

    /// <summary>The hosts on <paramref name="host"/>'s link other than itself: who hears its broadcasts.</summary>
    public IReadOnlyList<LoopbackHost> Neighbours(LoopbackHost host)
    {
        lock (_gate) return _hosts.Where(h => h != host && h.Link == host.Link).ToList();
    }

    /// <summary>The host on <paramref name="link"/> that has <paramref name="address"/> configured, other than <paramref name="except"/>.</summary>
    public LoopbackHost? Owner(Sockets.RealLink link, IPAddress address, LoopbackHost? except = null)
    {
        var a = Plain(address);
        lock (_gate) return _hosts.FirstOrDefault(h => h != except && h.Link == link && h.Has(a));
    }

    /// <summary>Any host of the fabric that has <paramref name="address"/>: the MAC for a frame's destination.</summary>
    public LoopbackHost? AnyOwner(IPAddress address)
    {
        var a = Plain(address);
        lock (_gate) return _hosts.FirstOrDefault(h => h.Has(a));
    }

    public void AddUdp(LoopbackUdpSocket socket)
    {
        lock (_gate)
        {
            // The kernel's EADDRINUSE: one socket per (address, port) on a host.
            if (_udp.Any(s => s.Host == socket.Host && s.LocalEndPoint.Port == socket.LocalEndPoint.Port && Plain(s.LocalEndPoint.Address).Equals(Plain(socket.LocalEndPoint.Address))))
                throw new SocketException((int)SocketError.AddressAlreadyInUse);
            _udp.Add(socket);
        }
    }

    public void RemoveUdp(LoopbackUdpSocket socket)
    {
        lock (_gate) _udp.Remove(socket);
    }

    public void AddTcp(LoopbackTcpListener listener)
    {
        lock (_gate)
        {
            if (_tcp.Any(l => l.Host == listener.Host && l.LocalEndPoint.Port == listener.LocalEndPoint.Port && Plain(l.LocalEndPoint.Address).Equals(Plain(listener.LocalEndPoint.Address))))
                throw new SocketException((int)SocketError.AddressAlreadyInUse);
            _tcp.Add(listener);
        }
    }

    public void RemoveTcp(LoopbackTcpListener listener)
    {
        lock (_gate) _tcp.Remove(listener);
    }

    public bool PortInUse(LoopbackHost host, int port)
    {
        lock (_gate) return _udp.Any(s => s.Host == host && s.LocalEndPoint.Port == port) || _tcp.Any(l => l.Host == host && l.LocalEndPoint.Port == port);
    }

    public void MapReal(IPEndPoint real, LogicalEnd logical)
    {
        lock (_gate)
        {
            _byReal[real] = logical;
            _closed.Remove(real); // the kernel gave the port to a new socket: the new mapping stands
        }
    }

    /// <summary>
    /// The socket behind <paramref name="real"/> closed. Its mapping lingers for <see cref="ClosedLinger"/> (what it
    /// sent may still be on its way to a receiver), unless a new socket takes the same real endpoint first.
    /// </summary>
    public void UnmapReal(IPEndPoint real)
    {
        long now = Environment.TickCount64;
        lock (_gate)
        {
            if (_byReal.ContainsKey(real)) _closed[real] = now;
            foreach (var (gone, at) in _closed.ToList())
                if (now - at > (long)ClosedLinger.TotalMilliseconds)
                {
                    _closed.Remove(gone);
                    _byReal.Remove(gone);
                }
        }
    }

    public LogicalEnd? Logical(IPEndPoint real)
    {
        lock (_gate) return _byReal.GetValueOrDefault(real);
    }

    /// <summary>
    /// The logical sockets a datagram from <paramref name="sender"/> to <paramref name="destination"/>
    /// reaches, each with the logical address it arrives on: for 255.255.255.255 every IPv4
    /// wildcard socket on that port on the other hosts of the link, for a subnet's broadcast
    /// address those of the hosts in the subnet; for a multicast group every
    /// socket on that port of the other hosts that joined it (ff02::1 is joined by all, RFC 4291
    /// §2.7.1); for a unicast address the socket of the host owning it on the link, an exact bind
    /// before a wildcard one, as the kernel prefers.
    /// </summary>
    public IReadOnlyList<(LoopbackUdpSocket Socket, IPAddress Arrival)> Resolve(LoopbackHost sender, IPEndPoint destination)
    {
        var to = Plain(destination.Address);
        int port = destination.Port;
        lock (_gate)
        {
            var onPort = _udp.Where(s => s.LocalEndPoint.Port == port && s.LocalEndPoint.AddressFamily == to.AddressFamily && s.Host.Link == sender.Link).ToList();
            if (to.Equals(IPAddress.Broadcast))
                return onPort.Where(s => s.Host != sender && IsAny(s.LocalEndPoint.Address)).Select(s => (s, to)).ToList();
            if (to.AddressFamily == AddressFamily.InterNetwork && _hosts.Any(h => h.Link == sender.Link && h.HasBroadcast(to)))
                // A subnet-directed broadcast (RFC 919, RFC 1812 §5.3.5.2) reaches the hosts with an address in that subnet.
                return onPort.Where(s => s.Host != sender && s.Host.HasBroadcast(to) && IsAny(s.LocalEndPoint.Address)).Select(s => (s, to)).ToList();
            if (Sockets.FrameSynthesis.IsGroup(to))
                return onPort.Where(s => s.Host != sender && (IsAny(s.LocalEndPoint.Address) || Plain(s.LocalEndPoint.Address).Equals(to))
                        && (s.HasJoined(to) || to.Equals(Sockets.RouterDiscoveryMessages.AllNodes)))
                    .Select(s => (s, to)).ToList();
            var owner = _hosts.FirstOrDefault(h => h.Link == sender.Link && h.Has(to));
            if (owner is null) return [];
            var exact = onPort.FirstOrDefault(s => s.Host == owner && Plain(s.LocalEndPoint.Address).Equals(to));
            var target = exact ?? onPort.FirstOrDefault(s => s.Host == owner && IsAny(s.LocalEndPoint.Address));
            return target is null ? [] : [(target, to)];
        }
    }

    /// <summary>The listener a connection from <paramref name="sender"/> to <paramref name="destination"/> reaches, if any.</summary>
    public LoopbackTcpListener? ResolveTcp(LoopbackHost sender, IPEndPoint destination)
    {
        var to = Plain(destination.Address);
        lock (_gate)
        {
            var owner = _hosts.FirstOrDefault(h => h.Link == sender.Link && h.Has(to));
            if (owner is null) return null;
            var onPort = _tcp.Where(l => l.Host == owner && l.LocalEndPoint.Port == destination.Port && l.LocalEndPoint.AddressFamily == to.AddressFamily).ToList();
            return onPort.FirstOrDefault(l => Plain(l.LocalEndPoint.Address).Equals(to)) ?? onPort.FirstOrDefault(l => IsAny(l.LocalEndPoint.Address));
        }
    }

    /// <summary>Whether a logical address is known to the fabric at all (otherwise a loopback destination is a real peer).</summary>
    public bool IsLogical(IPAddress address)
    {
        var a = Plain(address);
        lock (_gate) return _hosts.Any(h => h.Has(a));
    }
}
