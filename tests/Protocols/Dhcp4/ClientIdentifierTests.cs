using EUeConformance.Protocols.Dhcp;
using EUeConformance.Protocols.Dhcp4;
using EUeConformance.Protocols.Wire;
using FluentAssertions;
using Xunit;

namespace EUeConformance.Tests.Protocols.Dhcp4;

/// <summary>Option 61 per RFC 4361 §6.1 (type 255, IAID, DUID) with the DUIDs of RFC 3315 §9 (EUE-PROV 6.3.3).</summary>
public class ClientIdentifierTests
{
    [Fact]
    public void RFC_4361_type_255_IAID_then_DUID_LLT()
    {
        var id = ClientIdentifier.Decode(RawDhcp.Hex("ff 00000001 0001 0001 12345678 001095000002"), 0);
        id.IsRfc4361.Should().BeTrue();
        id.Iaid.Should().Be(1u);
        id.Duid!.Type.Should().Be(DuidType.Llt);
        id.Duid.HardwareType.Should().Be((ushort)1);
        id.Duid.Time.Should().Be(0x12345678u);
        id.Duid.LinkLayerAddress!.Value.ToArray().Should().Equal(RawDhcp.EueMac);
        Samples.EueClientId().Bytes.Should().Equal(RawDhcp.Hex("ff 00000001 0001 0001 12345678 001095000002"));
    }

    [Fact]
    public void DUID_EN_and_DUID_LL_RFC_3315_9_3_and_9_4()
    {
        var en = ClientIdentifier.Rfc4361(7, Duid.En(4491, [0xAA, 0xBB]));
        en.Bytes.Should().Equal(RawDhcp.Hex("ff 00000007 0002 0000118b aabb"));
        var back = ClientIdentifier.Decode(en.Bytes, 0);
        back.Duid!.EnterpriseNumber.Should().Be(4491u);
        back.Duid.Identifier!.Value.ToArray().Should().Equal(0xAA, 0xBB);

        var ll = ClientIdentifier.Rfc4361(7, Duid.Ll(1, RawDhcp.EueMac));
        ll.Bytes.Should().Equal(RawDhcp.Hex("ff 00000007 0003 0001 001095000002"));
        ClientIdentifier.Decode(ll.Bytes, 0).Duid!.LinkLayerAddress!.Value.ToArray().Should().Equal(RawDhcp.EueMac);
    }

    [Fact]
    public void The_classic_hardware_form_is_kept()
    {
        var id = ClientIdentifier.Decode(RawDhcp.Hex("01 001095000002"), 0);
        id.IsRfc4361.Should().BeFalse();
        id.Identifier.Should().Equal(RawDhcp.EueMac);
    }

    [Theory]
    [InlineData("ff000000", 1, "dhcp.client_id.iaid")]                  // IAID truncated
    [InlineData("ff0000000100", 5, "dhcp.client_id.duid_type")]         // DUID type truncated
    [InlineData("ff00000001000100011234", 7, "dhcp.client_id")]        // DUID-LLT too short
    [InlineData("ff000000010004" + "0011", 7, "dhcp.client_id")]       // DUID-UUID not 16 bytes
    [InlineData("01", 1, "dhcp.client_id")]                             // type without identifier
    public void A_malformed_identifier_is_a_ParseError(string hex, int offset, string field)
    {
        var act = () => ClientIdentifier.Decode(RawDhcp.Hex(hex), 50);
        var e = act.Should().Throw<ParseError>().Which;
        e.Offset.Should().Be(50 + offset);
        e.Field.Should().Be(field);
    }

    [Fact]
    public void The_eUE_DISCOVER_identifies_itself_per_RFC_4361()
    {
        var m = DhcpMessage.Decode(Samples.EueDiscover().Encode());
        m.ClientIdentifier.Should().Be(Samples.EueClientId());
        m.ClientIdentifier!.Duid!.LinkLayerAddress!.Value.ToArray().Should().Equal(m.ClientHardwareAddress);
    }
}
