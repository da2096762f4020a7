using FluentAssertions;
using static EUeConformance.Tests.Device.Interop.LabPlan;

namespace EUeConformance.Tests.Device.Interop;

/// <summary>
/// What Kea actually put on the wire, read by tshark from the capture rather than by the device's codecs: the
/// CableLabs options of the ACKs (DHCPv4: raw option values, since Wireshark 4.0 names neither 125/4491 sub-option
/// 123 nor 124) and of the REPLYs (DHCPv6: Wireshark's own PacketCable fields).
/// </summary>
public static class KeaOnTheWire
{
    /// <summary>The eCM's and the eUE's DHCPv4 ACKs: option 122 and option 125 byte for byte.</summary>
    public static void Dhcpv4(WireCapture capture)
    {
        string Values(System.Net.NetworkInformation.PhysicalAddress mac)
        {
            var rows = capture.Fields($"dhcp.option.dhcp == 5 && dhcp.hw.mac_addr == {KeaDhcp4.Mac(mac)}", "dhcp.option.value");
            rows.Should().NotBeEmpty($"Kea ACKed {mac}");
            return rows[^1][0];
        }
        var ecm = Values(EcmMac).Split(',');
        ecm.Should().Contain("0104c0000201", "122.1 = 192.0.2.1 (RFC 3495: 1-octet code and length)");
        ecm.Should().Contain("0000118b" + "10" + "7b0b" + "0109" + Convert.ToHexString(CableLabsHex.Ascii(DssId)).ToLowerInvariant() + "7c0101",
            "125: enterprise 4491, 16 octets: CL_V4OPTION_CCCV6 (123) holding DSS_ID sub-option 1, CL_V4OPTION_IP_PREF (124) = 1");
        ecm.Should().Contain("ffffb9b0", "option 2, the time offset -18000");
        var eue = Values(EueMac).Split(',');
        eue.Should().Contain("0313" + "00" + "0470726f76076578616d706c65036e657400" + "0609" + "05424153494301" + "3200" + "080105",
            "122.3 = type 0 and prov.example.net, 122.6 = BASIC.2 in DNS wire format (Kea keeps the upper case), 122.8 = 5");
    }

    /// <summary>The eCM's and the eUE's DHCPv6 REPLYs, as Wireshark's CableLabs dissector reads them.</summary>
    public static void Dhcpv6(WireCapture capture)
    {
        var ecm = capture.Fields("dhcpv6.msgtype == 7 && dhcpv6.packetcable.ccc.pri_dhcp", "dhcpv6.packetcable.ccc.pri_dhcp", "dhcpv6.packetcable.cccV6.pri_dss", "dhcpv6.cablelabs.opt");
        ecm.Should().NotBeEmpty("Kea's REPLY to the eCM carries CL_OPTION_CCC");
        ecm[^1][0].Should().Be(ServerV4.ToString(), "CL_OPTION_CCC sub-option 1");
        ecm[^1][1].Should().Be(DssId, "CL_OPTION_CCCV6 sub-option 1");
        ecm[^1][2].Split(',').Should().Contain(["37", "38", "39", "2170", "2171"], "ToD servers, time offset, IP_PREF, CCC, CCCV6: what the eCM's CL_OPTION_ORO asked for");

        var eue = capture.Fields("dhcpv6.msgtype == 7 && dhcpv6.packetcable.cccV6.krb_realm", "dhcpv6.packetcable.cccV6.pri_dss", "dhcpv6.packetcable.cccV6.prov_srv.type",
            "dhcpv6.packetcable.cccV6.prov_srv.fqdn", "dhcpv6.packetcable.cccV6.krb_realm", "dhcpv6.packetcable.cccV6.prov_timer", "dhcpv6.cablelabs.opt");
        eue.Should().NotBeEmpty("Kea's REPLY to the eUE carries CL_OPTION_CCCV6 with the realm");
        eue[^1][..5].Should().Equal([DssId, "0", ProvisioningServerFqdn + ".", Realm + ".", ProvisioningTimerMinutes.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        eue[^1][5].Split(',').Should().BeEquivalentTo(["32", "33", "34", "2171"], "exactly what the eUE's CL_OPTION_ORO asked for (Table 5 eUE-1)");
    }
}
