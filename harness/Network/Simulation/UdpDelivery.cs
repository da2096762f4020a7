using System.Net;
using System.Net.Sockets;
using EUeConformance.Network.Fabric;
using EUeConformance.Protocols.Pcap;

namespace EUeConformance.Network.Simulation;

/// <summary>
/// Where a UDP datagram goes on one link, decided by its destination:
/// unicast to the socket of the host owning the address (bound to it or to Any);
/// limited broadcast 255.255.255.255, and the subnet-directed broadcast of a receiver's own subnet,
/// to every other host's sockets bound to Any on the port (RFC 919, RFC 922);
/// multicast to every other host that joined the group (all-nodes ff02::1 needs no join: every IPv6
/// node is a member, RFC 4291 section 2.8), on sockets bound to Any or to the group.
/// Broadcast and multicast never come back to the sender's own host. A datagram nobody takes is
/// dropped silently (no ICMP port unreachable); one to an address nobody on the link owns never
/// leaves the host: the capture shows the address resolution that went unanswered instead.
/// </summary>
internal static class UdpDelivery
{
    const int MaxPayloadV4 = 65_507, MaxPayloadV6 = 65_527;
    const byte UnicastHopLimit = 64;
    // RFC 3493 section 5.2 and RFC 1112 section 6.1: multicast goes out with a hop limit of 1 unless the sender says otherwise.
    const byte MulticastHopLimit = 1;

    public static void Send(SimulatedUdpSocket socket, ReadOnlySpan<byte> payload, IPEndPoint destination, IPAddress? source)
    {
        var host = socket.Host;
        var to = destination.Address;
        if (to.AddressFamily != socket.LocalEndPoint.AddressFamily)
            throw new SocketException((int)SocketError.AddressFamilyNotSupported, $"{socket} cannot send to {destination}");
        if (destination.Port == 0)
            throw new SocketException((int)SocketError.AddressNotAvailable, $"{socket}: port 0 is not a destination");
        if (payload.Length > (to.AddressFamily == AddressFamily.InterNetwork ? MaxPayloadV4 : MaxPayloadV6))
            throw new SocketException((int)SocketError.MessageSize, $"{socket}: {payload.Length} octets do not fit one UDP datagram");
        host.CheckScope(to);

        var from = new IPEndPoint(host.ChooseSource(to, socket.LocalEndPoint.Address, source), socket.LocalEndPoint.Port);
        var data = payload.ToArray();
        var link = host.Link;
        var fabric = host.Fabric;

        if (!AddressMath.IsGroup(to) && !IsDirectedBroadcastFrom(host, to) && host.Owns(to))
        {
            // To itself: through the host's own stack, never on the link, so not captured.
            fabric.Context.Post(host.Name, () => Arrive(host, from, destination, data, [host]));
            return;
        }

        byte[]? destinationMac = null;
        bool group = AddressMath.IsGroup(to);
        if (IsDirectedBroadcastFrom(host, to)) { destinationMac = [0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF]; group = true; }
        if (!group)
        {
            var owner = link.Owner(to);
            if (owner is null) { AddressResolution.Unanswered(host, from.Address, to); return; }
            destinationMac = owner.MacBytes;
        }
        byte hopLimit = to.IsIPv6Multicast || AddressMath.IsIPv4Multicast(to) ? MulticastHopLimit : UnicastHopLimit;
        ushort ipId = to.AddressFamily == AddressFamily.InterNetwork ? host.NextIpId() : (ushort)0;
        var frame = Frames.Udp(host.MacBytes, destinationMac, Unscoped(from), new IPEndPoint(AddressMath.Unscoped(to), destination.Port), data, hopLimit, ipId);
        link.Transmit(host, frame, () => Arrive(host, from, destination, data, Receivers(host, to)));
    }

    static IPEndPoint Unscoped(IPEndPoint e) => new(AddressMath.Unscoped(e.Address), e.Port);

    static bool IsDirectedBroadcastFrom(SimulatedHost host, IPAddress to) =>
        host.Assigned.Any(a => to.Equals(AddressMath.DirectedBroadcast(a)));

    /// <summary>The hosts a datagram to <paramref name="to"/> from <paramref name="sender"/> reaches, worked out when it arrives.</summary>
    static Func<IReadOnlyList<SimulatedHost>> Receivers(SimulatedHost sender, IPAddress to) => () =>
    {
        var others = sender.Link.Others(sender);
        if (to.Equals(IPAddress.Broadcast)) return others.ToList();
        if (to.IsIPv6Multicast || AddressMath.IsIPv4Multicast(to))
            return others.Where(h => IsAllNodes(to) || h.Sockets.Any(s => s.HasJoined(to))).ToList();
        var directed = others.Where(h => h.Assigned.Any(a => to.Equals(AddressMath.DirectedBroadcast(a)))).ToList();
        if (directed.Count > 0) return directed;
        return sender.Link.Owner(to) is { } owner ? [owner] : [];
    };

    static bool IsAllNodes(IPAddress group) =>
        AddressMath.SameAddress(group, AddressMath.AllNodes) || group.Equals(IPAddress.Parse("224.0.0.1"));

    static void Arrive(SimulatedHost sender, IPEndPoint from, IPEndPoint destination, byte[] data, IReadOnlyList<SimulatedHost> hosts) =>
        Arrive(sender, from, destination, data, () => hosts);

    static void Arrive(SimulatedHost sender, IPEndPoint from, IPEndPoint destination, byte[] data, Func<IReadOnlyList<SimulatedHost>> receivers)
    {
        var to = destination.Address;
        var now = sender.Fabric.Clock.GetUtcNow();
        foreach (var host in receivers())
        {
            var socket = host.Sockets.FirstOrDefault(s => s.Accepts(to, destination.Port) && !AddressMath.IsUnspecified(s.LocalEndPoint.Address))
                ?? host.Sockets.FirstOrDefault(s => s.Accepts(to, destination.Port));
            if (socket is null) continue; // nobody listens: dropped, no ICMP
            var datagram = new Datagram(
                new IPEndPoint(AddressMath.ScopedFor(from.Address, host.InterfaceIndex), from.Port),
                new IPEndPoint(AddressMath.ScopedFor(to, host.InterfaceIndex), destination.Port),
                data, sender.Mac, now);
            host.Fabric.Context.RunAs(host.Name, () => socket.Deliver(datagram));
        }
    }
}
