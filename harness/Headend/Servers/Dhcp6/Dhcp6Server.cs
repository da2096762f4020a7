using System.Net;
using System.Net.Sockets;
using EUeConformance.Headend.Overrides;
using EUeConformance.Headend.Servers.Common;
using EUeConformance.Network.Fabric;
using EUeConformance.Protocols.Dhcp6;

namespace EUeConformance.Headend.Servers.Dhcp6;

/// <summary>
/// UDP port 547 of the headend, joined to All_DHCP_Relay_Agents_and_Servers (ff02::1:2, RFC 3315 §5.1):
/// the eCM and eUE DHCPv6 servers share it; each message goes to the responder whose device it is (MAC
/// from the DUID, CL_OPTION_DEVICE_ID or the frame). Replies leave from the host's global address unless an
/// override asks for the link-local one (EUE-PROV 6.2.1.2's reject-link-local test).
/// </summary>
public sealed class Dhcp6Server(ServerRuntime runtime, IReadOnlyList<IDhcp6Responder> responders)
    : UdpServer<Dhcp6Message>(runtime, new IPEndPoint(IPAddress.IPv6Any, Dhcp6Ports.Server))
{
    public IReadOnlyList<IDhcp6Responder> Responders => responders;

    protected override string Protocol => "dhcpv6";
    protected override string DefaultService => "dhcpv6";

    protected override void OnStarted(IDatagramSocket socket) => socket.JoinMulticast(Dhcp6Ports.AllDhcpRelayAgentsAndServers);

    protected override Dhcp6Message Decode(ReadOnlySpan<byte> payload) => Dhcp6Message.Decode(payload);
    protected override byte[] Encode(Dhcp6Message message) => message.Encode();
    protected override string KindOf(Dhcp6Message message) => Dhcp6Kinds.Of(message.Type);
    protected override IReadOnlyDictionary<string, string> FieldsOf(Dhcp6Message message) => Dhcp6Fields.Of(message);

    protected override (string, Decision<Dhcp6Message>) Decide(Dhcp6Message message, Datagram datagram)
    {
        var (client, chain) = RelayChain.Unwrap(message);
        var mac = Dhcp6ClientMac.Of(client, chain.IsRelayed ? null : datagram.SourceMac);
        var responder = mac is null ? null : responders.FirstOrDefault(r => r.Serves(mac));
        if (responder is null) return (DefaultService, Decision<Dhcp6Message>.Nothing($"client {mac?.ToString() ?? "of unknown MAC"} not in the database"));
        var context = new Dhcp6Context(datagram.Source, datagram.ReceivedAt, datagram.SourceMac, GlobalAddress(), LinkLocalAddress());
        return (responder.Service, responder.Decide(message, context));
    }

    IPAddress? GlobalAddress() => Runtime.Host.Addresses.Select(a => a.Address)
        .FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetworkV6 && !a.IsIPv6LinkLocal);

    IPAddress? LinkLocalAddress() => Runtime.Host.Addresses.Select(a => a.Address).FirstOrDefault(a => a.IsIPv6LinkLocal);
}
