using EUeConformance.Protocols.Dns;
using EUeConformance.Protocols.Wire;
using FluentAssertions;
using Xunit;
using static EUeConformance.Tests.Protocols.Dns.DnsWire;

namespace EUeConformance.Tests.Protocols.Dns;

/// <summary>Bad input becomes a ParseError naming the field (Wireshark's name) and the offending offset; nothing else escapes.</summary>
public class DnsMalformedTests
{
    static ParseError Fails(byte[] wire)
    {
        var act = () => DnsMessage.Decode(wire);
        var e = act.Should().Throw<ParseError>().Which;
        e.Protocol.Should().Be("dns");
        return e;
    }

    static void Expect(byte[] wire, int offset, string field, string problemPart)
    {
        var e = Fails(wire);
        (e.Offset, e.Field).Should().Be((offset, field), e.Message);
        e.Problem.Should().Contain(problemPart);
    }

    static byte[] Query(params byte[][] question) => Cat([Header(1, 0x0100, 1, 0, 0, 0), .. question]);

    [Fact]
    public void An_empty_datagram_fails_at_the_ID() => Expect([], 0, "dns.id", "needs 2");

    [Fact]
    public void A_header_cut_short_fails_at_the_first_missing_count() => Expect(Hex("1a2b 0100 00"), 4, "dns.count.queries", "needs 2");

    [Fact]
    public void A_pointer_to_itself_is_a_loop() => Expect(Query(Ptr(12), U16(1), U16(1)), 12, "dns.qry.name", "loop");

    [Fact]
    public void A_pointer_back_to_the_start_of_the_name_being_read_is_a_loop() =>
        Expect(Query(Labels("a"), Ptr(12), U16(1), U16(1)), 14, "dns.qry.name", "loop");

    [Fact]
    public void Two_pointers_pointing_at_each_other_are_a_loop()
    {
        // 12: pointer to 14; 14 (the QTYPE octets) read as a pointer back to 12.
        Expect(Query(Ptr(14), Ptr(12), U16(1)), 12, "dns.qry.name", "already visited");
    }

    [Fact]
    public void A_pointer_past_the_end_of_the_message_is_refused() =>
        Expect(Query(Ptr(0x3FF), U16(1), U16(1)), 12, "dns.qry.name", "past the end of the message (18 bytes)");

    [Fact]
    public void A_pointer_into_the_header_is_refused() => Expect(Query(Ptr(5), U16(1), U16(1)), 12, "dns.qry.name", "into the header");

    [Fact]
    public void A_pointer_into_the_middle_of_a_label_of_the_name_being_read_is_refused() =>
        Expect(Query(Labels("foo"), Ptr(13), U16(1), U16(1)), 16, "dns.qry.name", "middle of a label");

    [Fact]
    public void A_forward_pointer_inside_the_message_is_followed()
    {
        // The question's name points ahead at the answer's owner (legal on the wire, if odd).
        byte[] wire = Cat(Header(2, 0x8180, 1, 1, 0, 0), Ptr(18), U16(1), U16(1), Name("kdc.basic.1"), Rr(1, 1, 60, Ip("10.0.0.88")));
        var m = DnsMessage.Decode(wire);
        m.Questions.Single().Name.Should().Be(DnsName.Parse("kdc.basic.1"));
        DnsMessage.Decode(m.Encode()).Should().Be(m, "re-encoding compresses afresh, backwards");
    }

    [Fact]
    public void A_label_over_63_octets_is_refused() =>
        Expect(Query([0x40, .. new byte[64], 0], U16(1), U16(1)), 12, "dns.qry.name", "at most 63");

    [Fact]
    public void The_reserved_0x80_label_type_is_refused() => Expect(Query([0x80, 0x01], U16(1), U16(1)), 12, "dns.qry.name", "reserved");

    [Fact]
    public void A_name_over_255_octets_is_refused_at_the_label_that_overflows()
    {
        byte[] label = [63, .. Enumerable.Repeat((byte)'a', 63)];
        Expect(Query(label, label, label, label, [0], U16(1), U16(1)), 12 + 3 * 64, "dns.qry.name", "exceeds 255");
    }

    [Fact]
    public void A_name_that_only_exceeds_255_octets_through_a_pointer_is_refused()
    {
        byte[] label = [63, .. Enumerable.Repeat((byte)'b', 63)];
        // question: 3 × 63-octet labels (192 + root = 193 octets); answer owner: 1 more long label + pointer to it = 257.
        byte[] wire = Cat(Header(3, 0x8180, 1, 1, 0, 0), label, label, label, [0], U16(1), U16(1), label, Ptr(12), Rr(1, 1, 1, Ip("10.0.0.1")));
        // owner label (64) + the question's first two labels (128) = 192; the third, at 12 + 128, overflows.
        Expect(wire, 12 + 128, "dns.resp.name", "exceeds 255");
    }

    [Fact]
    public void A_name_running_off_the_end_of_the_message_is_refused() =>
        Expect(Cat(Header(1, 0, 1, 0, 0, 0), [7, (byte)'e', (byte)'x']), 12, "dns.qry.name", "runs past the end of the message");

    [Fact]
    public void A_count_larger_than_what_follows_fails_where_the_message_ends() =>
        Expect(Cat(Header(1, 0x0100, 2, 0, 0, 0), Name("a"), U16(1), U16(1)), 19, "dns.count.queries", "declares 2 questions but the message ends after 1");

    [Fact]
    public void An_update_names_its_counts_as_RFC_2136_does() =>
        Expect(Cat(Header(1, 0x2800, 1, 0, 3, 0), Name("example.net"), U16(6), U16(1)), 29, "dns.count.updates", "3 update RRs");

    [Fact]
    public void Huge_counts_allocate_nothing_and_fail_at_the_end() =>
        Expect(Cat(Header(1, 0x8180, 0xFFFF, 0xFFFF, 0xFFFF, 0xFFFF)), 12, "dns.count.queries", "65535 questions");

    [Fact]
    public void An_RDLENGTH_beyond_the_message_is_refused_at_RDLENGTH()
    {
        byte[] wire = DnsSamples.AaaaResponse;
        wire[45] = 17; // RDLENGTH 16 → 17 (question 12..33, owner 34, type 36, class 38, TTL 40, RDLENGTH 44)
        Expect(wire, 44, "dns.resp.len", "exceeds the 16 octet(s) left");
    }

    [Fact]
    public void An_A_record_of_5_octets_is_refused_after_its_4()
    {
        byte[] wire = Cat(Header(1, 0x8180, 0, 1, 0, 0), Name("a"), Rr(1, 1, 60, Hex("0a00000a01")));
        Expect(wire, 12 + 3 + 10 + 4, "dns.resp.len", "A RDATA is 5 octets");
    }

    [Fact]
    public void An_AAAA_record_of_4_octets_is_refused() =>
        Expect(Cat(Header(1, 0x8180, 0, 1, 0, 0), Name("a"), Rr(28, 1, 60, Ip("10.0.0.1"))), 25, "dns.aaaa", "needs 16 octets");

    [Fact]
    public void A_TXT_record_without_a_string_is_refused_but_an_RFC_2136_deletion_without_RDATA_is_fine()
    {
        Expect(Cat(Header(1, 0x8180, 0, 1, 0, 0), Name("a"), Rr(16, 1, 60, [])), 25, "dns.txt", "at least one character-string");
        var deletion = DnsMessage.Decode(Cat(Header(1, 0x2800, 0, 0, 1, 0), Name("a"), Rr(16, 255, 0, [])));
        deletion.Updates.Single().Should().Be(DnsRecord.DeleteRrset(DnsName.Parse("a"), DnsType.Txt));
        deletion.Updates.Single().TextStrings.Should().BeNull();
    }

    [Fact]
    public void A_NAPTR_string_longer_than_its_RDATA_is_refused_at_its_length_octet()
    {
        byte[] rdata = Cat(U16(100), U16(10), [200], Str("sip+E2U"), Str(""), Name(""));
        Expect(Cat(Header(1, 0x8180, 0, 1, 0, 0), Name("a"), Rr(35, 1, 60, rdata)), 25 + 4, "dns.naptr.flags", "length 200 exceeds");
    }

    [Fact]
    public void An_SRV_target_running_past_its_RDATA_is_refused()
    {
        // RDLENGTH claims 8 octets: priority, weight, port and 2 octets of a 13-octet target; the rest sits outside.
        byte[] wire = Cat(Header(1, 0x8180, 0, 1, 0, 0), Name("a"), U16(33), U16(1), U32(60), U16(8), U16(0), U16(0), U16(88), Name("kdc.basic.1"));
        Expect(wire, 25 + 6, "dns.srv.target", "label of 3 octets runs past the end of the RDATA");
    }

    [Fact]
    public void An_EDNS_option_longer_than_the_OPT_RDATA_is_refused()
    {
        byte[] wire = Cat(Header(1, 0x0100, 0, 0, 0, 1), Name(""), U16(41), U16(1232), U32(0), U16(6), U16(10), U16(8), U16(0));
        Expect(wire, 12 + 11 + 2, "dns.opt.len", "exceeds the 2 octet(s) left");
    }

    [Fact]
    public void Octets_after_the_last_counted_record_are_refused() =>
        Expect([.. DnsSamples.AaaaQuery, 0x00], 34, "dns", "1 octet(s) after the last record");

    [Fact]
    public void Decompress_refuses_what_Decode_refuses() =>
        new Action(() => DnsName.Decompress(Query(Ptr(12)), 12, out _)).Should().Throw<ParseError>().Which.Offset.Should().Be(12);
}
