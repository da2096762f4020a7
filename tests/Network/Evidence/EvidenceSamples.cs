using System.Net;
using EUeConformance.Network.Evidence;

namespace EUeConformance.Tests.Network.Evidence;

/// <summary>Evidence drafts as the eUE DHCPv6 server would publish them.</summary>
public static class EvidenceSamples
{
    public static readonly IPEndPoint Server = new(IPAddress.Parse("2001:db8:1::1"), 547);
    public static readonly IPEndPoint Device = new(new IPAddress(IPAddress.Parse("fe80::210:95ff:fe00:2").GetAddressBytes(), 2), 546);

    public static EvidenceDraft Received(string kind, string mac = "00:10:95:00:00:02") =>
        new("eue-dhcpv6", Direction.Received, Server, Device, "dhcpv6", kind,
            new Dictionary<string, string> { ["eth.src"] = mac, ["dhcpv6.msgtype"] = kind == "SOLICIT" ? "1" : "3" }, null, null, new byte[] { 1, 0x4a, 0x1b, 0x2c });
}
