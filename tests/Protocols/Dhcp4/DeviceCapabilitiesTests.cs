using EUeConformance.Protocols.Dhcp4;
using EUeConformance.Protocols.Wire;
using FluentAssertions;
using Xunit;

namespace EUeConformance.Tests.Protocols.Dhcp4;

/// <summary>Option 60 "pktc2.0:" + hex TLV 5 capabilities (EUE-PROV 6.6.1, Annex A; PKT-PROV1.5 capability encoding).</summary>
public class DeviceCapabilitiesTests
{
    [Fact]
    public void An_eUE_reports_5_1_version_2_and_5_3_5_4_5_26_in_upper_case_hex()
    {
        DeviceCapabilities.ForEue().EncodeString().Should().Be("pktc2.0:050C0101020301010401011A0101");
    }

    [Fact]
    public void Decoding_accepts_lower_and_mixed_case_and_says_which_it_saw()
    {
        var lower = DeviceCapabilities.Decode("pktc2.0:050c0101020301010401011a0101"u8);
        lower.Case.Should().Be(HexCase.Lower);
        lower.Should().Be(DeviceCapabilities.ForEue());
        DeviceCapabilities.Decode("pktc2.0:050C0101020301010401011a0101"u8).Case.Should().Be(HexCase.Mixed);
        DeviceCapabilities.Decode("pktc2.0:050C0101020301010401011A0101"u8).Case.Should().Be(HexCase.Upper);
        DeviceCapabilities.Decode("pktc2.0:0503010102"u8).Case.Should().Be(HexCase.Undetermined);
    }

    [Fact]
    public void The_typed_model_reads_Annex_A_capabilities()
    {
        var c = DeviceCapabilities.Decode("pktc2.0:05180101020201020301010401010B03060903120200071A0100"u8);
        c.Prefix.Should().Be("pktc2.0");
        c.PacketCableVersion.Should().Be(2);
        c.NumberOfTelephonyEndpoints.Should().Be(2);
        c.TgtSupport.Should().BeTrue();
        c.HttpDownloadFileAccessMethodSupport.Should().BeTrue();
        c.SupportedCodecs.Should().Equal((byte)6, (byte)9, (byte)3);
        c.SupportedProvisioningFlows.Should().Be(7);
        c.CertificateBootstrappingSupport.Should().BeFalse();
        c.Capabilities.Select(s => DeviceCapabilities.Space.NameOf(s.Code)).Should().Contain("CertificateBootstrappingSupport");
    }

    [Fact]
    public void Encode_then_decode_is_the_identity()
    {
        var c = DeviceCapabilities.ForEue(certificateBootstrapping: false, more: [new SubOption(18, [0, 5]), new SubOption(99, [1, 2, 3])]);
        DeviceCapabilities.Decode(c.Encode()).Should().Be(c);
        DeviceCapabilities.Decode(c.Encode(upperCase: false)).Should().Be(c);
    }

    [Theory]
    [InlineData("pktc2.0:050C01010G0301010401011A0101", 8 + 9, "dhcp.option.vendor_class_id")] // 'G'
    [InlineData("pktc2.0:050C010102030101040101", 8 + 2, "dhcp.vendor.pktc.mta_cap_len")]    // TLV 5 length 12, 9 bytes follow
    [InlineData("pktc2.0:060301010", 8 + 8, "dhcp.option.vendor_class_id")]                  // odd number of hex characters
    [InlineData("pktc2.0:0603010102", 8, "dhcp.vendor.pktc.mta_cap_type")]                    // outer type 6, not 5
    [InlineData("pktc2.0:050401020202", 8 + 8, "dhcp.vendor.pktc.mta_cap_type")]              // 5.1 must be 1 byte
    [InlineData("pktc2.0:0503010502", 8 + 6, "dhcp.vendor.pktc.mta_cap_len")]                   // sub-TLV overruns
    public void A_broken_capabilities_string_is_a_ParseError_at_the_offending_character(string text, int offset, string field)
    {
        var act = () => DeviceCapabilities.Decode(System.Text.Encoding.ASCII.GetBytes(text), 100);
        var e = act.Should().Throw<ParseError>().Which;
        e.Offset.Should().Be(100 + offset);
        e.Field.Should().Be(field);
    }

    [Fact]
    public void A_message_reports_the_capabilities_of_option_60()
    {
        var m = DhcpMessage.Decode(Samples.EueDiscover().Encode());
        m.VendorClassIdentifier.Should().StartWith("pktc2.0:05");
        m.DeviceCapabilities!.PacketCableVersion.Should().Be(2);
        m.DeviceCapabilities.CertificateBootstrappingSupport.Should().BeTrue();
        DhcpMessage.Decode(Samples.EcmDiscover().Encode()).DeviceCapabilities.Should().BeNull("docsis3.0: is not a pktc capabilities string");
    }
}
