using System.Net;
using EUeConformance.Headend.Overrides;
using EUeConformance.Headend.Servers.Common;
using EUeConformance.Network.Fabric;
using EUeConformance.Protocols.Dhcp4;

namespace EUeConformance.Headend.Servers.Dhcp4;

/// <summary>
/// UDP port 67 of the headend: the eCM and eUE DHCPv4 servers share it. Each request goes to the first
/// responder whose client it is (by chaddr in the database); a request from nobody's client is recorded
/// under "dhcpv4" and not answered. Relayed requests (giaddr set) come from the relay's port 67 and are
/// answered through it (RFC 2131 §4.1, <see cref="Dhcp4Destination"/>).
/// </summary>
public sealed class Dhcp4Server(ServerRuntime runtime, IReadOnlyList<IDhcp4Responder> responders)
    : UdpServer<DhcpMessage>(runtime, new IPEndPoint(IPAddress.Any, Dhcp4Ports.Server))
{
    public IReadOnlyList<IDhcp4Responder> Responders => responders;

    protected override string Protocol => "dhcp";
    protected override string DefaultService => "dhcpv4";

    protected override DhcpMessage Decode(ReadOnlySpan<byte> payload) => DhcpMessage.Decode(payload);
    protected override byte[] Encode(DhcpMessage message) => message.Encode();
    protected override string KindOf(DhcpMessage message) => Dhcp4ResponderBase.KindOf(message);
    protected override IReadOnlyDictionary<string, string> FieldsOf(DhcpMessage message) => Dhcp4Fields.Of(message);

    protected override (string, Decision<DhcpMessage>) Decide(DhcpMessage message, Datagram datagram)
    {
        var responder = responders.FirstOrDefault(r => r.Serves(message));
        if (responder is null) return (DefaultService, Decision<DhcpMessage>.Nothing("client not in the database"));
        return (responder.Service, responder.Decide(message, new Dhcp4Context(datagram.Source, datagram.ReceivedAt)));
    }
}
