using System.Net;
using System.Net.NetworkInformation;

namespace EUeConformance.Network.Fabric;

/// <summary>A UDP datagram as delivered: who sent it, where it was addressed (unicast, broadcast or a multicast group), and when.</summary>
/// <param name="Source">The sender's address and port (a link-local IPv6 source carries the receiving host's scope ID, so it can be answered as is).</param>
/// <param name="Destination">The address the sender used: 255.255.255.255, ff02::1:2, or a unicast address.</param>
/// <param name="SourceMac">The sender's MAC where the fabric knows it (simulation, netns captures); null otherwise.</param>
public sealed record Datagram(IPEndPoint Source, IPEndPoint Destination, ReadOnlyMemory<byte> Payload, PhysicalAddress? SourceMac, DateTimeOffset ReceivedAt);

/// <summary>A UDP endpoint. Received datagrams are handed to <see cref="Received"/> on the actor context.</summary>
public interface IDatagramSocket : IDisposable
{
    IPEndPoint LocalEndPoint { get; }

    /// <summary>Set before the first datagram arrives; invoked on the actor context.</summary>
    Action<Datagram>? Received { get; set; }

    /// <summary>Sends to unicast, limited broadcast (255.255.255.255) or multicast (ff02::1:2); never blocks.</summary>
    /// <remarks>
    /// Refinement (issue 5): a link-local unicast destination needs the sender's scope ID (a
    /// SocketException InvalidArgument without one, as on Linux); ff02:: groups may go without.
    /// Broadcast and multicast reach the other hosts on the link, never the sender's own. A
    /// datagram nobody takes is dropped silently (no ICMP port unreachable is reported).
    /// </remarks>
    /// <param name="source">The source address to use when the socket is bound to Any (e.g. a server with two addresses); null lets the fabric choose.</param>
    void Send(ReadOnlySpan<byte> payload, IPEndPoint destination, IPAddress? source = null);

    void JoinMulticast(IPAddress group);
}

/// <summary>A TCP listener; dispose to stop listening.</summary>
public interface IStreamListener : IDisposable
{
    IPEndPoint LocalEndPoint { get; }
}

/// <summary>One TCP connection; its stream's reads complete on the actor context.</summary>
public interface IStreamConnection : IAsyncDisposable
{
    IPEndPoint LocalEndPoint { get; }
    IPEndPoint RemoteEndPoint { get; }
    Stream Stream { get; }
}
