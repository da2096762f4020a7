using System.Net;
using System.Security.Cryptography;
using EUeConformance.Protocols.ConfigFile;
using EUeConformance.Protocols.Snmp;
using EUeConformance.Protocols.Snmp.Mibs;
using FluentAssertions;
using Xunit;

namespace EUeConformance.Tests.Protocols.ConfigFile;

/// <summary>Documented examples and public test vectors decode to their documented values.</summary>
public class SpecExampleTests
{
    static byte[] Hex(string hex) => Convert.FromHexString(hex.Replace(" ", ""));

    [Fact]
    public void Table6_start_and_end_of_file_are_FE_01_01_and_FE_01_FF()
    {
        // EUE-PROV Table 6 / PKT-PROV1.5 §9.1.1: type 254, length 1, value 0x01 first and 0xFF last.
        var bytes = new ConfigFileBuilder().StartOfFile().EndOfFile().Build().Encode();
        bytes.Should().Equal(Hex("FE0101 FE01FF"));
        var file = EueConfigFile.Decode(bytes);
        file.Tlvs[0].IsStartOfFile.Should().BeTrue();
        file.Tlvs[1].IsEndOfFile.Should().BeTrue();
    }

    [Fact]
    public void Docsis_tool_TLV64_vector_is_reproduced_byte_for_byte()
    {
        // rlaager/docsis tests/PacketCable_TLV64: a 523-byte VarBind goes in TLV 64 with a 2-byte length.
        var bytes = DocsisToolTlv64.Build().Encode();
        bytes.Length.Should().Be(DocsisToolTlv64.Length);
        Convert.ToHexString(bytes[..27]).Should().Be(DocsisToolTlv64.Head);
        Convert.ToHexString(SHA256.HashData(bytes)).Should().Be(DocsisToolTlv64.Sha256);

        var file = EueConfigFile.Decode(bytes);
        file.Tlvs[1].Type.Should().Be(ConfigTlvType.SnmpMibObjectLong);
        file.Tlvs[1].LengthFieldSize.Should().Be(2);
        var vb = file.VarBinds.Single();
        vb.Oid.Should().Be(DocsisToolTlv64.Oid);
        vb.Value.Type.Should().Be(SnmpType.OctetString);
        System.Text.Encoding.ASCII.GetString(vb.Value.Bytes).Should().Be(DocsisToolTlv64.DialPlan);
    }

    [Fact]
    public void PROV15_9_1_TLV11_carries_up_to_254_bytes_and_TLV64_takes_over_at_255()
    {
        // PKT-PROV1.5 §9.1: "The TLV type 64 MUST be used when the length is greater than 254 bytes."
        // A VarBind for OID 1.3.6.1.4.1.4491.99.1.0 (13 bytes of OID TLV) + OCTET STRING of n bytes.
        static EueConfigFile With(int n) => new ConfigFileBuilder().StartOfFile()
            .SetMib("1.3.6.1.4.1.4491.99.1.0", SnmpValue.OctetString(new byte[n])).EndOfFile().Build();
        int fits = 0;
        for (int n = 200; n < 260; n++)
        {
            var tlv = With(n).Tlvs[1];
            if (tlv.Value.Length <= 254) { tlv.Type.Should().Be(ConfigTlvType.SnmpMibObject); fits = n; }
            else tlv.Type.Should().Be(ConfigTlvType.SnmpMibObjectLong);
        }
        With(fits).Tlvs[1].Value.Length.Should().Be(254);
    }

    [Fact]
    public void PROV15_9_1_basic_flow_hash_TLV_has_the_docsis_tool_layout()
    {
        // rlaager/docsis add_mta_hash (and protocol-facts §4.4): 0B 28 30 26 06 0E <pktcMtaDevProvConfigHash.0> 04 14 <SHA-1>,
        // inserted before FE 01 FF, with the SHA-1 taken over the file as it was before the insertion.
        var plain = new ConfigFileBuilder().StartOfFile().SetMib(MibNames.ClabMta.PktcMtaDevEnabled.Instance(0), true).EndOfFile().Build();
        byte[] expectedHash = SHA1.HashData(plain.Encode());
        var hashed = ConfigFileHash.AddBasicFlowHash(plain).Encode();

        byte[] tail = hashed[^(22 + 20 + 3)..];
        Convert.ToHexString(tail[..22]).Should().Be("0B28302606 0E2B06010401A30B0202010102070004 14".Replace(" ", ""));
        tail[22..42].Should().Equal(expectedHash);
        tail[42..].Should().Equal(Hex("FE01FF"));
    }

    [Fact]
    public void PROV15_11_3_TLV38_example_number_4_maps_to_the_target_address_of_table_23()
    {
        // PKT-PROV1.5 §11.3.1 Table 14, TLV 38 number 4: 10.0.4.9, port 57000, type 4, timeout 1500, retries 3,
        // filter pktcMtaMib; §11.3.2 Table 23 shows its snmpTargetAddrTAddress as "0A 00 04 09 DE A8".
        var receiver = new NotificationReceiver
        {
            Ipv4Address = IPAddress.Parse("10.0.4.9"), UdpPort = 57000, Type = NotificationReceiverType.SnmpV3Trap,
            TimeoutMilliseconds = 1500, Retries = 3, FilterOid = "1.3.6.1.4.1.4491.2.2.1",
        };
        byte[] value = receiver.EncodeValue();
        // 38.1 (4 bytes) then 38.2 (2 bytes): the 6 value bytes are the TAddress.
        value[2..6].Concat(value[8..10]).Should().Equal(Hex("0A000409DEA8"));
        Convert.ToHexString(value).Should().Be(
            "01040A000409" + "0202DEA8" + "03020004" + "040205DC" + "05020003" + "060C060A2B06010401A30B020201");
        NotificationReceiver.Decode(value).Should().Be(receiver);
    }

    [Fact]
    public void Docsis_tool_TLV38_vector_decodes_to_its_source_values()
    {
        // rlaager/docsis tests/docsis1_1_oss_v3coex: SnmpV3TrapRxIP 10.0.1.253; Port 56790; Type 2; Timeout 500;
        // Retries 3; SecurityName "2adfla6"; FilterOID .1.3.6.1 (38.6 as a complete BER OID, PKT-PROV1.5 §11.1.6).
        var r = NotificationReceiver.Decode(Hex("01040a0001fd0202ddd603020002040201f4050200030707326164666c6136060506032b0601"));
        r.Ipv4Address.Should().Be(IPAddress.Parse("10.0.1.253"));
        r.UdpPort.Should().Be(56790);
        r.Type.Should().Be(NotificationReceiverType.SnmpV2cTrap);
        r.TimeoutMilliseconds.Should().Be(500);
        r.Retries.Should().Be(3);
        r.SecurityName.Should().Be("2adfla6");
        r.FilterOid.Should().Be("1.3.6.1");
    }

    [Fact]
    public void EUE_PROV_6_5_TLV38_8_is_16_bytes_of_IPv6_as_in_the_docsis_tool_vector()
    {
        // rlaager/docsis tests/TLV_38_8_SnmpV3TrapRxIP6: SnmpV3TrapRxIP6 2002::2:2 → 26 12 08 10 <16 bytes>.
        var tlv = Hex("2612081020020000000000000000000000020002");
        var file = EueConfigFile.Parse([.. Hex("FE0101"), .. tlv, .. Hex("FE01FF")]);
        var r = file.File.NotificationReceivers.Single();
        r.Ipv6Address.Should().Be(IPAddress.Parse("2002::2:2"));
        r.AddressFor(System.Net.Sockets.AddressFamily.InterNetworkV6).Should().Be(IPAddress.Parse("2002::2:2"));
        r.AddressFor(System.Net.Sockets.AddressFamily.InterNetwork).Should().BeNull("EUE-PROV 6.5: in IPv4 mode 38.8 is ignored");
        new ConfigFileBuilder().NotificationReceiver(new NotificationReceiver { Ipv6Address = IPAddress.Parse("2002::2:2") })
            .BuildUnchecked().Tlvs[0].Value.ToArray().Should().Equal(tlv[2..]);
    }

    [Fact]
    public void PROV15_11_defaults_apply_when_sub_TLVs_are_absent()
    {
        // PKT-PROV1.5 §11.1.2 port 162, §11.1.4 15000 ms, §11.1.5 3 retries, §11.1.6 the 'iso' root.
        var r = new NotificationReceiver { Ipv4Address = IPAddress.Loopback, Type = NotificationReceiverType.SnmpV2cInform };
        r.EffectiveUdpPort.Should().Be(162);
        r.EffectiveTimeoutMilliseconds.Should().Be(15000);
        r.EffectiveRetries.Should().Be(3);
        r.EffectiveFilterOid.Should().Be("1");
    }

    [Fact]
    public void Vendor_specific_TLV43_starts_with_43_8_vendor_id()
    {
        var tlv = new ConfigFileBuilder().VendorSpecific([0x00, 0x10, 0x95], new SubTlv(0x80, [0xAA])).BuildUnchecked().Tlvs[0];
        Convert.ToHexString(tlv.Value).Should().Be("0803001095" + "8001AA");
        var v = tlv.GetVendorSpecific();
        v.VendorIdText.Should().Be("001095");
        v.SubTlvs.Should().Equal(new SubTlv(0x80, [0xAA]));
    }

    [Fact]
    public void Realm_org_name_in_the_CableLabs_table_is_indexed_by_the_implied_realm_name()
    {
        // PKTC-MTA-MIB: INDEX { IMPLIED pktcMtaDevRealmName }; "BASIC.1" → .66.65.83.73.67.46.49.
        MibNames.ClabMta.PktcMtaDevRealmOrgName.InstanceOfString("BASIC.1", implied: true)
            .Should().Be("1.3.6.1.4.1.4491.2.2.1.1.3.16.1.4.66.65.83.73.67.46.49");
        MibNames.Describe("1.3.6.1.4.1.4491.2.2.1.1.3.16.1.4.66.65.83.73.67.46.49")
            .Should().Be("PKTC-MTA-MIB::pktcMtaDevRealmOrgName.66.65.83.73.67.46.49");
    }
}
