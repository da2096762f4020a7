using EUeConformance.Protocols.Dns;
using FluentAssertions;
using Xunit;
using static EUeConformance.Tests.Protocols.Dns.DnsWire;

namespace EUeConformance.Tests.Protocols.Dns;

/// <summary>The header's 16 flag bits (RFC 1035 §4.1.1; AD and CD from RFC 4035 §3.2; opcode 5 from RFC 2136) land in their own fields and back.</summary>
public class DnsHeaderTests
{
    [Theory]
    [InlineData(0x8000, "qr")]
    [InlineData(0x0400, "aa")]
    [InlineData(0x0200, "tc")]
    [InlineData(0x0100, "rd")]
    [InlineData(0x0080, "ra")]
    [InlineData(0x0040, "z")]
    [InlineData(0x0020, "ad")]
    [InlineData(0x0010, "cd")]
    public void Each_flag_bit_is_its_own_field(int bit, string name)
    {
        var m = DnsMessage.Decode(Header(0xbeef, bit, 0, 0, 0, 0));
        var set = new Dictionary<string, bool>
        {
            ["qr"] = m.IsResponse, ["aa"] = m.Authoritative, ["tc"] = m.Truncated, ["rd"] = m.RecursionDesired,
            ["ra"] = m.RecursionAvailable, ["z"] = m.Z, ["ad"] = m.AuthenticData, ["cd"] = m.CheckingDisabled,
        };
        set.Where(p => p.Value).Select(p => p.Key).Should().Equal(name);
        m.Id.Should().Be(0xbeef);
        m.Flags.Should().Be((ushort)bit);
        m.Encode().Should().Equal(Header(0xbeef, bit, 0, 0, 0, 0));
    }

    [Fact]
    public void Opcode_and_rcode_take_their_4_bits()
    {
        var m = DnsMessage.Decode(Header(1, 5 << 11 | 9, 0, 0, 0, 0));
        m.Opcode.Should().Be(DnsOpcode.Update);
        m.Rcode.Should().Be(DnsRcode.NotAuth);
        var odd = DnsMessage.Decode(Header(1, 0xF << 11 | 0xF, 0, 0, 0, 0));
        ((int)odd.Opcode, (int)odd.Rcode).Should().Be((15, 15), "unassigned values are kept as numbers");
        odd.Encode().Should().Equal(Header(1, 0xF << 11 | 0xF, 0, 0, 0, 0));
    }

    [Fact]
    public void A_response_copies_ID_opcode_RD_and_question_from_its_query()
    {
        var query = DnsMessage.Decode(DnsSamples.SrvQuery);
        var response = DnsMessage.ResponseTo(query, rcode: DnsRcode.NameError);
        (response.Id, response.Opcode, response.RecursionDesired, response.IsResponse).Should().Be((query.Id, query.Opcode, true, true));
        response.Questions.Should().Equal(query.Questions);
        DnsMessage.Decode(response.Encode()).Rcode.Should().Be(DnsRcode.NameError);
        response.ToString().Should().StartWith("id=19229 Query response rcode=NameError flags=qr,aa,rd; QUESTION: _kerberos._udp.BASIC.1. IN SRV");
    }
}
