using EUeConformance.Protocols.Wire;

namespace EUeConformance.Protocols.Time;

/// <summary>
/// The Time Protocol request over UDP (RFC 868: "U: Send an empty datagram to port 37."). Over TCP there is
/// no request at all: the server sends on connect.
/// </summary>
public static class TimeProtocolRequest
{
    public static byte[] Encode() => [];

    /// <summary>Accepts only an empty datagram; any payload is a ParseError at offset 0.</summary>
    public static void Decode(ReadOnlySpan<byte> datagram)
    {
        if (!datagram.IsEmpty)
            throw new ParseError(TimeProtocolMessage.Protocol, 0, "time", $"a request is an empty datagram (RFC 868); this one has {datagram.Length} byte(s)");
    }
}
