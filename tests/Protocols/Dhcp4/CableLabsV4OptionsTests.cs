using System.Net;
using EUeConformance.Protocols.Dhcp;
using EUeConformance.Protocols.Dhcp4;
using FluentAssertions;
using Xunit;

namespace EUeConformance.Tests.Protocols.Dhcp4;

/// <summary>Option 125, enterprise 4491: CL_V4OPTION_ORO, CL_V4OPTION_CCCV6 and CL_V4OPTION_IP_PREF (EUE-PROV Table 2, 6.4.1).</summary>
public class CableLabsV4OptionsTests
{
    [Fact]
    public void The_CM1_request_for_CCCV6_and_IP_PREF_is_7D_09_00_00_11_8B_04_01_02_7B_7C()
    {
        // protocol-facts 1.2's example, from EUE-PROV Table 2 CM1 (dual-stack eUE).
        var option = CableLabsV4Options.Create(oro: [123, 124]).ToOption();
        option.Code.Should().Be(125);
        option.Value.ToArray().Should().Equal(RawDhcp.Hex("0000118B 04 01027B7C"));

        var decoded = VendorIdentifyingData.Decode(RawDhcp.Hex("0000118B 04 01027B7C"), 0);
        decoded.Entries.Single().Enterprise.Should().Be(4491u);
        decoded.CableLabs!.Oro.Should().Equal((byte)123, (byte)124);
    }

    [Fact]
    public void CCCV6_carries_the_primary_and_secondary_DSS_IDs_as_sub_options_1_and_2()
    {
        var cccv6 = Cccv6DssIds.Create(DssId.FromAscii("primary"), DssId.FromAscii("second"));
        cccv6.Encode().Should().Equal(RawDhcp.Hex("0107" + RawDhcp.Ascii("primary") + "0206" + RawDhcp.Ascii("second")));
        var back = Cccv6DssIds.Decode(cccv6.Encode());
        back.Primary.Should().Be(DssId.FromAscii("primary"));
        back.Secondary!.Value.ToString().Should().Be("second");
    }

    [Fact]
    public void DSS_IDs_of_four_zero_or_four_FF_octets_are_reserved_EUE_PROV_6_4_1_2()
    {
        DssId.DoNotProvision.Kind.Should().Be(DssIdKind.DoNotProvision);
        DssId.AnyServer.Kind.Should().Be(DssIdKind.AnyServer);
        new DssId([0, 0, 0, 0, 0]).Kind.Should().Be(DssIdKind.Server, "only exactly four zero octets are reserved");
        DssId.AnyServer.Matches(DssId.FromAscii("whatever")).Should().BeTrue();
        DssId.FromAscii("a").Matches(DssId.FromAscii("b")).Should().BeFalse();
    }

    [Fact]
    public void Only_the_first_32_bytes_of_a_longer_DSS_ID_count_EUE_PROV_6_4_1_2()
    {
        var longId = DssId.FromAscii(new string('x', 32) + "-tail");
        longId.IsOverlong.Should().BeTrue();
        longId.Effective.Length.Should().Be(32);
        longId.Matches(DssId.FromAscii(new string('x', 32) + "-other")).Should().BeTrue();
        // It still decodes: the check is the eCM's, the codec keeps the bytes.
        Cccv6DssIds.Decode(Cccv6DssIds.Create(longId).Encode()).Primary.Should().Be(longId);
    }

    [Fact]
    public void IP_PREF_is_one_byte_1_IPv4_2_IPv6()
    {
        CableLabsV4Options.Create(ipPref: IpPreference.Ipv4).Encode().Should().Equal(RawDhcp.Hex("7c0101"));
        CableLabsV4Options.Decode(RawDhcp.Hex("7c0102")).IpPref.Should().Be(IpPreference.Ipv6);
    }

    [Fact]
    public void The_OFFER_carries_CCCV6_and_IP_PREF_and_they_decode_from_the_message()
    {
        var m = DhcpMessage.Decode(Samples.EcmReply(DhcpMessageType.Offer).Encode());
        m.CableLabsV4!.Cccv6!.Primary!.Value.ToString().Should().Be("dhcpv6-primary");
        m.CableLabsV4.Cccv6.Secondary!.Value.ToString().Should().Be("dhcpv6-secondary");
        m.CableLabsV4.IpPref.Should().Be(IpPreference.Ipv6);
    }

    [Fact]
    public void Other_enterprises_blocks_are_kept_in_order()
    {
        var value = RawDhcp.Hex("00000DE9 03 010203  0000118B 03 7c0101");
        var v = VendorIdentifyingData.Decode(value, 0);
        v.Entries.Select(e => e.Enterprise).Should().Equal(3561u, 4491u);
        v.Entries[0].Data.Should().Equal(1, 2, 3);
        v.CableLabs!.IpPref.Should().Be(IpPreference.Ipv4);
        v.Encode().Should().Equal(value);
    }

    [Fact]
    public void TFTP_servers_sub_option_2_is_a_list_of_addresses()
    {
        var o = CableLabsV4Options.Create(tftpServers: [IPAddress.Parse("10.0.0.1"), IPAddress.Parse("10.0.0.2")]);
        CableLabsV4Options.Decode(o.Encode()).TftpServers!.Select(a => a.ToString()).Should().Equal("10.0.0.1", "10.0.0.2");
    }
}
