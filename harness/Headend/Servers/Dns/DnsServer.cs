using System.Net;
using EUeConformance.Headend.Overrides;
using EUeConformance.Headend.Servers.Common;
using EUeConformance.Network.Fabric;
using EUeConformance.Protocols.Dns;

namespace EUeConformance.Headend.Servers.Dns;

/// <summary>
/// The DNS server on UDP port 53 of IPv4 and IPv6 (EUE-PROV 6.2.3, interface pkt-eue-2). Responses are
/// sized to the client's EDNS payload or 512 octets, with TC set when records had to be left out (RFC 2181 §9).
/// </summary>
public sealed class DnsServer(ServerRuntime runtime, DnsResponder responder, IPAddress bindAddress)
    : UdpServer<DnsMessage>(runtime, new IPEndPoint(bindAddress, 53))
{
    readonly Dictionary<ushort, DnsMessage> _pending = [];

    public DnsResponder Responder => responder;

    protected override string Protocol => "dns";
    protected override string DefaultService => "dns";

    protected override DnsMessage Decode(ReadOnlySpan<byte> payload) => DnsMessage.Decode(payload);

    protected override byte[] Encode(DnsMessage message)
    {
        var limit = _pending.Remove(message.Id, out var query) ? DnsEncodeOptions.UdpReplyTo(query) : DnsEncodeOptions.Udp();
        return message.Encode(limit);
    }

    protected override string KindOf(DnsMessage message) => message.IsResponse ? "RESPONSE" : message.Opcode == DnsOpcode.Update ? "UPDATE" : "QUERY";
    protected override IReadOnlyDictionary<string, string> FieldsOf(DnsMessage message) => DnsFields.Of(message);

    protected override (string, Decision<DnsMessage>) Decide(DnsMessage message, Datagram datagram)
    {
        _pending[message.Id] = message;
        return (DefaultService, responder.Decide(message, datagram.Source));
    }
}
