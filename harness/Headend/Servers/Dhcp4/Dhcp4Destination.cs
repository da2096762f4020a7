using System.Net;
using EUeConformance.Protocols.Dhcp4;

namespace EUeConformance.Headend.Servers.Dhcp4;

/// <summary>
/// Where a server's reply goes (RFC 2131 §4.1): through the relay when giaddr is set (to its server
/// port); a NAK to broadcast; to ciaddr when the client has one; otherwise to the limited broadcast
/// address (the unicast to yiaddr before the client has its address needs an ARP entry the fabrics
/// do not offer, and RFC 2131 allows broadcasting).
/// </summary>
public static class Dhcp4Destination
{
    public static IPEndPoint For(DhcpMessage request, DhcpMessageType replyType)
    {
        if (!request.GiAddr.Equals(IPAddress.Any)) return new IPEndPoint(request.GiAddr, Dhcp4Ports.Server);
        if (replyType == DhcpMessageType.Nak) return new IPEndPoint(IPAddress.Broadcast, Dhcp4Ports.Client);
        if (!request.CiAddr.Equals(IPAddress.Any)) return new IPEndPoint(request.CiAddr, Dhcp4Ports.Client);
        return new IPEndPoint(IPAddress.Broadcast, Dhcp4Ports.Client);
    }
}
