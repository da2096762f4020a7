using EUeConformance.Protocols.Dhcp4;
using EUeConformance.Protocols.Wire;
using FluentAssertions;
using Xunit;

namespace EUeConformance.Tests.Protocols.Dhcp4;

/// <summary>Bad input from a device: each case is a ParseError naming the offending offset and Wireshark field.</summary>
public class MalformedInputTests
{
    static byte[] Options(string hex, int padTo = 0) => RawDhcp.Build(1, 1, RawDhcp.EueMac, hex, padTo: padTo);

    public static TheoryData<string, byte[], int, string> Cases()
    {
        var badOp = Options("350101 ff"); badOp[0] = 3;
        var longHlen = Options("350101 ff"); longHlen[2] = 17;
        var badCookie = Options("350101 ff"); badCookie[239] = 0x64;
        var overloadedFile = RawDhcp.Build(2, 1, RawDhcp.EueMac, "350105 340101 ff", file: RawDhcp.Field("0c7f 41", 128));
        return new()
        {
            { "truncated in the header", Options("350101 ff")[..100], 44, "dhcp.server" },
            { "truncated before the cookie ends", Options("350101 ff")[..238], 236, "dhcp.cookie" },
            { "op is neither request nor reply", badOp, 0, "dhcp.type" },
            { "hlen exceeds chaddr", longHlen, 2, "dhcp.hw.len" },
            { "wrong magic cookie", badCookie, 236, "dhcp.cookie" },
            { "option without its length byte", Options("350101 33"), 244, "dhcp.option.length" },
            { "option length overruns the datagram", Options("350101 3c20 4142"), 244, "dhcp.option.length" },
            { "option in the overloaded file field overruns it", overloadedFile, 109, "dhcp.option.length" },
            { "zero-length message type", Options("3500 ff"), 242, "dhcp.option.dhcp" },
            { "message type 0", Options("350100 ff"), 242, "dhcp.option.dhcp" },
            { "lease time of 3 bytes", Options("350101 3303000e10 ff"), 245, "dhcp.option.ip_address_lease_time" },
            { "router list not a multiple of 4", Options("350101 0305 0a0000010a ff"), 245, "dhcp.option.router" },
            { "empty host name", Options("350101 0c00 ff"), 245, "dhcp.option.hostname" },
            { "option overload value 4", Options("350101 340104 ff"), 245, "dhcp.option.option_overload" },
            { "122 sub-option overruns 122", Options("350101 7a03 01050a ff"), 246, "dhcp.option.suboption_length" },
            { "122.1 with zero length", Options("350101 7a02 0100 ff"), 247, "dhcp.vendor.pc.ietf_ccc.suboption" },
            { "122.3 address type 2", Options("350101 7a07 030502 0a000001 ff"), 247, "dhcp.vendor.pc.ietf_ccc.suboption" },
            { "122.6 realm compressed", Options("350101 7a04 0602c00c ff"), 247, "dhcp.vendor.pc.ietf_ccc.suboption" },
            { "122.4 of 8 bytes", Options("350101 7a0a 0408 0000006400000001 ff"), 247, "dhcp.cl.ietf_ccc.dev_realm_unc_key_nom_timeout" },
            { "error in the second instance of a split 122", Options("350101 7a06 01040a020001 7a02 0100 ff"), 255, "dhcp.vendor.pc.ietf_ccc.suboption" },
            { "125 data-len overruns", Options("350101 7d06 0000118b 0a 01 ff"), 249, "dhcp.option.vi.length" },
            { "125 enterprise truncated", Options("350101 7d03 000011 ff"), 245, "dhcp.option.vi.enterprise" },
            { "CCCV6 with an empty DSS_ID", Options("350101 7d09 0000118b 04 7b020100 ff"), 254, "dhcp.option.cl_dss_id" },
            { "ORO sub-option overruns 125/4491", Options("350101 7d08 0000118b 03 010501 ff"), 251, "dhcp.option.suboption_length" },
            { "61 type 255 with a short IAID", Options("350101 3d03 ff0000 ff"), 246, "dhcp.client_id.iaid" },
            { "60 capabilities with a bad hex digit", Options("350101 3c0c" + RawDhcp.Ascii("pktc2.0:05Z1") + " ff"), 245 + 10, "dhcp.option.vendor_class_id" },
            { "43 CableLabs sub-option overruns (vendor pktc)", Options("350101 3c12" + RawDhcp.Ascii("pktc2.0:0503010102") + " 2b03 0209 41 ff"), 245 + 18 + 3, "dhcp.option.suboption_length" },
            { "82 circuit id empty", Options("350101 5202 0100 ff"), 247, "dhcp.option.agent_information_option.agent_circuit_id" },
        };
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Malformed_input_is_a_ParseError_at_the_right_offset_and_field(string why, byte[] datagram, int offset, string field)
    {
        var act = () => DhcpMessage.Decode(datagram);
        var e = act.Should().Throw<ParseError>(why).Which;
        e.Protocol.Should().Be("dhcp");
        (e.Offset, e.Field).Should().Be((offset, field), $"{why}: {e.Message}");
    }

    [Fact]
    public void A_missing_end_option_is_tolerated_and_reported()
    {
        var m = DhcpMessage.Decode(Options("350101 0104ffffff00"));
        m.Layout!.OptionsEndMissing.Should().BeTrue();
        m.SubnetMask!.ToString().Should().Be("255.255.255.0");
    }

    [Fact]
    public void A_typed_read_of_the_wrong_size_is_a_ParseError_too()
    {
        var m = DhcpMessage.Decode(Options("350101 fa03 010203 ff"));
        var act = () => m.GetOption(250)!.AsUInt32();
        act.Should().Throw<ParseError>().Which.Offset.Should().Be(245);
    }
}
