using System.Net;
using System.Threading.Channels;

namespace EUeConformance.Protocols.Snmp.Engine;

/// <summary>One datagram as a transport delivers it: the bytes and who sent them.</summary>
public readonly record struct SnmpDatagram(ReadOnlyMemory<byte> Payload, IPEndPoint Remote);

/// <summary>
/// The only thing the SNMP roles need from a network (RFC 3417 §2 maps SNMP onto UDP datagrams):
/// send a datagram to an endpoint, and read the datagrams that arrive, in order, from a channel.
/// Implementations: a real UDP socket (EUeConformance.Network.Udp), the fabrics, and in-memory pairs
/// in tests. Exactly one reader consumes <see cref="Received"/>: the role the transport is given to.
/// </summary>
public interface ISnmpTransport : IAsyncDisposable
{
    /// <summary>The local endpoint datagrams are sent from and received on.</summary>
    IPEndPoint LocalEndPoint { get; }

    ValueTask SendAsync(ReadOnlyMemory<byte> payload, IPEndPoint remote, CancellationToken cancellationToken = default);

    /// <summary>Arriving datagrams; completes when the transport is disposed.</summary>
    ChannelReader<SnmpDatagram> Received { get; }
}
