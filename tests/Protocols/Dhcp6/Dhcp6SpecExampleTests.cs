using System.Net;
using EUeConformance.Protocols.Dhcp;
using EUeConformance.Protocols.Dhcp6;
using FluentAssertions;
using Xunit;

namespace EUeConformance.Tests.Protocols.Dhcp6;

/// <summary>Examples and rules from RFC 3315, RFC 4704, EUE-PROV I05 and protocol-facts.md, decoded to their documented values.</summary>
public class Dhcp6SpecExampleTests
{
    static Dhcp6Message Decode(string hex) => Dhcp6Message.Decode(Convert.FromHexString(hex.Replace(" ", "")));

    [Fact]
    public void VendorClass_pktc20_example_of_protocol_facts_2_3_decodes_to_4491_and_pktc20()
    {
        // protocol-facts.md 2.3: 00 10 00 0D 00 00 11 8B 00 07 70 6B 74 63 32 2E 30 (EUE-PROV 6.6.1)
        var m = Decode("01 000001 0010000D0000118B0007706B7463322E30");
        var vc = m.VendorClass!;
        vc.EnterpriseNumber.Should().Be(4491);
        vc.Strings.Should().Equal("pktc2.0");
        vc.IsPktc20.Should().BeTrue();
        VendorClass.Pktc20.ToOption().Should().Be(m.Options[0]);
    }

    [Fact]
    public void Fqdn_of_the_eUE_1_SOLICIT_is_00_27_00_01_01_S1_N0_O0_with_an_empty_name()
    {
        // EUE-PROV Table 5 eUE-1 / protocol-facts.md 2.4: option 00 27 00 01 01
        var m = Decode("01 000001 0027000101");
        var fqdn = m.ClientFqdn!;
        fqdn.S.Should().BeTrue();
        fqdn.N.Should().BeFalse();
        fqdn.O.Should().BeFalse();
        fqdn.IsEmpty.Should().BeTrue();
        fqdn.DomainName.Should().BeEmpty();
        fqdn.Should().Be(ClientFqdn.EueSolicit);
        ClientFqdn.EueSolicit.ToOption().Span.ToArray().Should().Equal(0x01);
    }

    [Fact]
    public void Kerberos_realm_BASIC_1_is_05_BASIC_01_1_00_in_CCCV6_sub_option_6()
    {
        // protocol-facts.md 1.1/2.2: "BASIC.1" is 05 'B''A''S''I''C' 01 '1' 00; DHCPv6 frames the sub-option with 2-octet code and length.
        var cccv6 = ClOptionCccv6.Create(kerberosRealm: "BASIC.1");
        Convert.ToHexString(cccv6.ToOption().Span).Should().Be("00060009054241534943013100");
        var option = new Dhcp6Option(ClOptionCode.Cccv6, Convert.FromHexString("00060009054241534943013100"));
        ClOptionCccv6.FromOption(option).KerberosRealm.Should().Be("BASIC.1");
    }

    [Fact]
    public void DssId_reserved_values_of_EUE_PROV_6_4_1_4_are_exactly_four_zero_or_four_all_ones_octets()
    {
        DssId.DoNotProvision.IsDoNotProvision.Should().BeTrue();
        DssId.AnyServer.IsAnyServer.Should().BeTrue();
        new DssId(new byte[] { 0, 0, 0 }).IsDoNotProvision.Should().BeFalse("the spec's own text drops an octet, but the value is four octets");
        new DssId(new byte[] { 0, 0, 0, 0, 0 }).IsDoNotProvision.Should().BeFalse();
        new DssId(new byte[] { 0xFF, 0xFF, 0xFF }).IsAnyServer.Should().BeFalse();
        DssId.FromAscii("0000").IsDoNotProvision.Should().BeFalse("ASCII zeros are not zero octets");
    }

    [Fact]
    public void DssId_longer_than_32_octets_decodes_and_only_its_first_32_count()
    {
        // EUE-PROV 6.4.1.4: "A eUE that obtains a DSS ID that is longer MUST only consider the first 32 bytes."
        string longId = new string('A', 32) + "-tail";
        var sub = new Dhcp6Option(ClCccv6SubOption.PrimaryDssId, System.Text.Encoding.ASCII.GetBytes(longId));
        var advertise = Dhcp6Message.Create(Dhcp6MessageType.Advertise, 1,
            Dhcp6Options.VendorOpts(CableLabs.EnterpriseNumber, new ClOptionCccv6([sub]).ToOption()));
        var decoded = Dhcp6Message.Decode(advertise.Encode()).CableLabs!.Cccv6!.PrimaryDssId!.Value;
        decoded.IsOverlong.Should().BeTrue();
        decoded.Bytes.Length.Should().Be(37);
        decoded.Effective.Length.Should().Be(32);
        decoded.Matches(DssId.FromAscii(new string('A', 32))).Should().BeTrue();
        decoded.Matches(DssId.FromAscii(new string('A', 31))).Should().BeFalse();
    }

    [Fact]
    public void DUID_LLT_time_counts_seconds_from_2000_01_01_UTC_RFC_3315_9_2()
    {
        var duid = Duid.Llt(Duid.HardwareTypeEthernet, new DateTimeOffset(2000, 1, 1, 0, 1, 40, TimeSpan.Zero), [0x00, 0x10, 0x95, 0x00, 0x00, 0x02]);
        Convert.ToHexString(duid.Bytes.Span).Should().Be("0001" + "0001" + "00000064" + "001095000002");
        duid.Type.Should().Be(DuidType.Llt);
        duid.Time.Should().Be(100);
        duid.TimeStamp.Should().Be(new DateTimeOffset(2000, 1, 1, 0, 1, 40, TimeSpan.Zero));
        duid.HardwareType.Should().Be(1);
        duid.LinkLayerAddress!.Value.ToArray().Should().Equal(0x00, 0x10, 0x95, 0x00, 0x00, 0x02);
        duid.EnterpriseNumber.Should().BeNull();
    }

    [Fact]
    public void DUID_EN_and_DUID_LL_read_their_fields_RFC_3315_9_3_and_9_4()
    {
        // RFC 3315 §9.3 example: 0002 00000009 0CC084D303000912 (enterprise 9, identifier 0CC084D303000912)
        var en = Decode("01 000001 0001000E 0002000000090CC084D303000912").ClientId!;
        en.Type.Should().Be(DuidType.En);
        en.EnterpriseNumber.Should().Be(9);
        Convert.ToHexString(en.Identifier!.Value.Span).Should().Be("0CC084D303000912");
        var ll = Decode("01 000001 0001000A 00030001001095000002").ClientId!;
        ll.Type.Should().Be(DuidType.Ll);
        ll.HardwareType.Should().Be(1);
        ll.LinkLayerAddress!.Value.ToArray().Should().Equal(0x00, 0x10, 0x95, 0x00, 0x00, 0x02);
        ll.Time.Should().BeNull();
    }

    [Fact]
    public void A_DUID_of_an_unknown_type_is_kept_with_its_octets()
    {
        // RFC 6355 DUID-UUID (type 4) is not in RFC 3315's table: kept as its octets, with none of the LLT/EN/LL fields.
        var duid = Decode("01 000001 00010012 0004 00112233445566778899AABBCCDDEEFF").ClientId!;
        ((ushort)duid.Type).Should().Be(4);
        duid.Bytes.Length.Should().Be(18);
        duid.HardwareType.Should().BeNull();
    }

    // RFC 4704 §4.1 flag rules, with the flag settings of §5 (client) and §6 (server).
    [Theory]
    [InlineData(0x01, "client wants the server to do AAAA and PTR updates (§5.2: S=1)")]
    [InlineData(0x00, "client updates AAAA itself, server does PTR (§5.1: S=0)")]
    [InlineData(0x04, "client wants no server updates (§5.3: N=1, S=0)")]
    public void RFC_4704_valid_client_flags(byte flags, string meaning)
    {
        new ClientFqdn((FqdnFlags)flags, "", false).FlagViolations(FqdnSender.Client).Should().BeEmpty(meaning);
    }

    [Theory]
    [InlineData(0x05, "N=1 requires S=0")]
    [InlineData(0x02, "a client MUST set O to 0")]
    [InlineData(0x03, "a client MUST set O to 0")]
    [InlineData(0x09, "reserved (MBZ) bits")]
    public void RFC_4704_invalid_client_flags(byte flags, string rule)
    {
        new ClientFqdn((FqdnFlags)flags, "", false).FlagViolations(FqdnSender.Client).Should().ContainMatch($"*{rule}*");
    }

    [Theory]
    [InlineData(0x01, 0x01, true, "server takes the AAAA update the client asked for: S=1, O=0")]
    [InlineData(0x03, 0x00, true, "server overrides a client's S=0: S=1, O=1")]
    [InlineData(0x02, 0x01, true, "server refuses the AAAA update the client asked for: S=0, O=1")]
    [InlineData(0x06, 0x01, true, "server will do no updates at all: N=1, S=0, O=1 as S changed")]
    [InlineData(0x00, 0x01, false, "server changed S without setting O")]
    [InlineData(0x03, 0x01, false, "O=1 while S matches the client's")]
    [InlineData(0x05, 0x01, false, "N=1 with S=1")]
    public void RFC_4704_server_flags_against_the_clients(byte serverFlags, byte clientFlags, bool valid, string meaning)
    {
        var violations = new ClientFqdn((FqdnFlags)serverFlags, "eue.example.net", true).FlagViolations(FqdnSender.Server, (FqdnFlags)clientFlags);
        (violations.Count == 0).Should().Be(valid, meaning);
    }

    [Fact]
    public void Fqdn_domain_name_may_be_full_partial_or_empty_RFC_4704_4_2()
    {
        var full = Decode("01 000001 0027000E 01 03657565 076578616D706C65 00");
        full.ClientFqdn.Should().Be(new ClientFqdn(FqdnFlags.S, "eue.example", true));
        var partial = Decode("01 000001 0027000501 03657565");
        partial.ClientFqdn.Should().Be(new ClientFqdn(FqdnFlags.S, "eue", false));
        var root = Decode("01 000001 002700020100");
        root.ClientFqdn.Should().Be(new ClientFqdn(FqdnFlags.S, "", true));
        root.ClientFqdn!.IsEmpty.Should().BeFalse("the root label is a name, not an empty field");
    }

    [Fact]
    public void Renew_carries_the_last_known_FQDN_EUE_PROV_6_3_5()
    {
        var renew = Dhcp6Message.Decode(Dhcp6Samples.Renew().Encode());
        renew.Type.Should().Be(Dhcp6MessageType.Renew);
        renew.ClientFqdn!.DomainName.Should().Be("eue-0001.example.net");
        renew.ClientFqdn.IsFullyQualified.Should().BeTrue();
    }

    [Fact]
    public void ProvSnmpEntity_type_0_is_an_FQDN_type_1_an_IPv6_address_and_0_0_0_0_is_the_shutdown()
    {
        var fqdn = ProvSnmpEntity.FromFqdn("prov.example.net");
        Convert.ToHexString(fqdn.Value.Span).Should().Be("000470726F76076578616D706C65036E657400");
        fqdn.Fqdn.Should().Be("prov.example.net");
        var v6 = ProvSnmpEntity.FromAddress(IPAddress.Parse("2001:db8::5"));
        v6.Type.Should().Be(1);
        v6.Address.Should().Be(IPAddress.Parse("2001:db8::5"));
        // EUE-PROV eUE-3: "the opaque value of the seven-byte ASCII string "0.0.0.0"" disables the eUE.
        var shutdown = ClOptionCccv6.FromOption(new Dhcp6Option(ClOptionCode.Cccv6, Convert.FromHexString("00030007302E302E302E30"))).ProvSnmpEntity!;
        shutdown.IsShutdown.Should().BeTrue();
        shutdown.Fqdn.Should().BeNull();
        fqdn.IsShutdown.Should().BeFalse();
    }

    [Fact]
    public void CCC_sub_options_1_and_2_are_the_eUE_DHCPv4_servers_EUE_PROV_6_4_1_3()
    {
        var ccc = ClOptionCcc.FromOption(new Dhcp6Option(ClOptionCode.Ccc, Convert.FromHexString("000100040A000001" + "00020004FFFFFFFF")));
        ccc.PrimaryDhcpServer.Should().Be(IPAddress.Parse("10.0.0.1"));
        ccc.SecondaryDhcpServer.Should().Be(IPAddress.Broadcast);
        ClOptionCcc.Create(IPAddress.Parse("10.0.0.1"), IPAddress.Broadcast).ToOption().Should().Be(new Dhcp6Option(ClOptionCode.Ccc, Convert.FromHexString("000100040A00000100020004FFFFFFFF")));
    }

    [Fact]
    public void The_eCM_ADVERTISE_of_Table_3_CM2v6_reads_back_CCC_CCCV6_DSS_IDs_and_IP_PREF()
    {
        var cl = Dhcp6Message.Decode(Dhcp6Samples.EcmAdvertise().Encode()).CableLabs!;
        cl.Ccc!.PrimaryDhcpServer.Should().Be(IPAddress.Parse("10.0.0.1"));
        cl.Cccv6!.PrimaryDssId.ToString().Should().Be("eue-dhcp6-primary");
        cl.Cccv6.SecondaryDssId.ToString().Should().Be("eue-dhcp6-secondary");
        cl.IpPref.Should().Be(2);
        cl.TimeOffset.Should().Be(-18000);
        cl.ConfigFileName.Should().Be("ecm.cfg");
    }

    [Fact]
    public void The_eCM_SOLICIT_of_Table_3_CM1v6_requests_CCC_CCCV6_and_IP_PREF_in_CL_OPTION_ORO()
    {
        var cl = Dhcp6Message.Decode(Dhcp6Samples.EcmSolicit().Encode()).CableLabs!;
        cl.OptionRequest.Should().Contain([ClOptionCode.Ccc, ClOptionCode.Cccv6, ClOptionCode.IpPref]);
        cl.DeviceType.Should().Be("ECM");
    }
}
