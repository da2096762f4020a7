using System.Net;
using EUeConformance.Protocols.Dns;
using FluentAssertions;
using Xunit;
using static EUeConformance.Tests.Protocols.Dns.DnsWire;

namespace EUeConformance.Tests.Protocols.Dns;

/// <summary>Examples from the RFCs, as octets built by hand from their formats, decoded to the values the RFCs document and encoded back.</summary>
public class DnsRfcVectorTests
{
    /// <summary>
    /// RFC 1035 §4.1.4's figure: F.ISI.ARPA at offset 20, FOO.F.ISI.ARPA at 40 as "FOO" and a pointer to 20,
    /// ARPA at 64 as a pointer to 26 (the ARPA label inside F.ISI.ARPA), and the root at 92.
    /// </summary>
    static byte[] Rfc1035Figure()
    {
        var m = new byte[94];
        Name("F.ISI.ARPA").CopyTo(m, 20);
        Cat(Labels("FOO"), Ptr(20)).CopyTo(m, 40);
        Ptr(26).CopyTo(m, 64);
        m[92] = 0;
        return m;
    }

    [Theory]
    [InlineData(20, "F.ISI.ARPA.", 32)]
    [InlineData(40, "FOO.F.ISI.ARPA.", 46)]
    [InlineData(64, "ARPA.", 66)]
    [InlineData(92, ".", 93)]
    public void Rfc1035_4_1_4_compression_figure_expands_each_name(int offset, string expected, int end)
    {
        var name = DnsName.Decompress(Rfc1035Figure(), offset, out int after);
        name.ToString().Should().Be(expected);
        after.Should().Be(end, "a pointer ends the name where it stands: the rest is elsewhere");
    }

    [Fact]
    public void Rfc1035_4_1_4_the_encoder_compresses_the_same_way()
    {
        // F.ISI.ARPA lands at offset 20 behind an 8-octet first question; then FOO.F.ISI.ARPA and ARPA follow as owners.
        var message = new DnsMessage
        {
            Id = 1035,
            IsResponse = true,
            Questions = [new DnsQuestion(DnsName.Parse("xy"), DnsType.A), new DnsQuestion(DnsName.Parse("F.ISI.ARPA"), DnsType.A)],
            Answers = [DnsRecord.A(DnsName.Parse("FOO.F.ISI.ARPA"), 60, IPAddress.Parse("10.0.0.1")), DnsRecord.A(DnsName.Parse("ARPA"), 60, IPAddress.Parse("10.0.0.2"))],
        };
        byte[] wire = message.Encode();
        wire.AsSpan(20, 12).ToArray().Should().Equal(Name("F.ISI.ARPA"), "F.ISI.ARPA is written out at 20");
        wire.AsSpan(36, 6).ToArray().Should().Equal(Cat(Labels("FOO"), Ptr(20)), "FOO.F.ISI.ARPA is FOO and a pointer to 20");
        wire.AsSpan(56, 2).ToArray().Should().Equal(Ptr(26), "ARPA is a pointer to the ARPA label at 26");
        DnsMessage.Decode(wire).Should().Be(message);
        message.Encode(new DnsEncodeOptions { Compress = false }).Length.Should().Be(wire.Length + 10 + 4,
            "without compression FOO.F.ISI.ARPA takes 16 octets instead of 6 and ARPA 6 instead of 2");
    }

    [Fact]
    public void Rfc2782_example_zone_response_decodes_to_its_priorities_weights_ports_and_targets()
    {
        var m = DnsMessage.Decode(DnsSamples.Rfc2782ExampleResponse);
        m.Questions.Single().Should().Be(new DnsQuestion(DnsName.Parse("_foobar._tcp.example.com"), DnsType.Srv));
        m.Answers.Select(a => a.SrvData).Should().Equal(
            new SrvData(0, 1, 9, DnsName.Parse("old-slow-box.example.com")),
            new SrvData(0, 3, 9, DnsName.Parse("new-fast-box.example.com")),
            new SrvData(1, 0, 9, DnsName.Parse("sysadmins-box.example.com")),
            new SrvData(1, 0, 9, DnsName.Parse("server.example.com")));
        m.Answers.Should().OnlyContain(a => a.Name == DnsName.Parse("_foobar._tcp.example.com") && a.Class == DnsClass.In && a.Ttl == 86400);
        m.Additionals.Select(a => (a.Name.ToString(), a.Address!.ToString())).Should().Equal(
            ("server.example.com.", "172.30.79.10"), ("old-slow-box.example.com.", "172.30.79.11"),
            ("sysadmins-box.example.com.", "172.30.79.12"), ("new-fast-box.example.com.", "172.30.79.13"));
        m.Answers[0].ToString().Should().Be("_foobar._tcp.example.com. 86400 IN SRV 0 1 9 old-slow-box.example.com.");
    }

    [Fact]
    public void Rfc2782_example_built_from_values_encodes_to_the_hand_laid_octets()
    {
        // Targets are never compressed (RFC 2782: "name compression is not to be used for this field");
        // the A owners point at the targets, as the hand-built sample does.
        var owner = DnsName.Parse("_foobar._tcp.example.com");
        var m = new DnsMessage
        {
            Id = 0x2782,
            IsResponse = true,
            Authoritative = true,
            Questions = [new DnsQuestion(owner, DnsType.Srv)],
            Answers =
            [
                DnsRecord.Srv(owner, 86400, 0, 1, 9, DnsName.Parse("old-slow-box.example.com")),
                DnsRecord.Srv(owner, 86400, 0, 3, 9, DnsName.Parse("new-fast-box.example.com")),
                DnsRecord.Srv(owner, 86400, 1, 0, 9, DnsName.Parse("sysadmins-box.example.com")),
                DnsRecord.Srv(owner, 86400, 1, 0, 9, DnsName.Parse("server.example.com")),
            ],
            Additionals =
            [
                DnsRecord.A(DnsName.Parse("server.example.com"), 86400, IPAddress.Parse("172.30.79.10")),
                DnsRecord.A(DnsName.Parse("old-slow-box.example.com"), 86400, IPAddress.Parse("172.30.79.11")),
                DnsRecord.A(DnsName.Parse("sysadmins-box.example.com"), 86400, IPAddress.Parse("172.30.79.12")),
                DnsRecord.A(DnsName.Parse("new-fast-box.example.com"), 86400, IPAddress.Parse("172.30.79.13")),
            ],
        };
        m.Encode().Should().Equal(DnsSamples.Rfc2782ExampleResponse);
    }

    [Fact]
    public void Rfc2915_7_1_cid_urn_arpa_NAPTR_decodes_with_its_regexp_and_root_replacement()
    {
        // cid.urn.arpa. IN NAPTR 100 10 "" "" "/urn:cid:.+@([^\.]+\.)(.*)$/\2/i" .
        // (the RFC notes the master file doubles the backslashes; on the wire they are single)
        const string regexp = @"/urn:cid:.+@([^\.]+\.)(.*)$/\2/i";
        byte[] rdata = Cat(U16(100), U16(10), Str(""), Str(""), Str(regexp), Name(""));
        byte[] wire = Cat(Header(7, 0x8400, 1, 1, 0, 0), Name("cid.urn.arpa"), U16(35), U16(1), Ptr(12), Rr(35, 1, 3600, rdata));

        var naptr = DnsMessage.Decode(wire).Answers.Single().NaptrData;
        naptr.Should().Be(new NaptrData(100, 10, "", "", regexp, DnsName.Root));
        DnsRecord.Naptr(DnsName.Parse("cid.urn.arpa"), 3600, naptr!).Data.ToArray().Should().Equal(rdata);
        DnsMessage.Decode(wire).Encode().Should().Equal(wire);
    }

    [Fact]
    public void Rfc2915_7_1_gatech_edu_NAPTRs_decode_to_terminal_s_rules_with_SRV_replacements()
    {
        var m = DnsMessage.Decode(DnsSamples.Rfc2915GatechResponse);
        m.Answers.Select(a => a.NaptrData).Should().Equal(
            new NaptrData(100, 50, "s", "z3950+I2L+I2C", "", DnsName.Parse("_z3950._tcp.gatech.edu")),
            new NaptrData(100, 50, "s", "rcds+I2C", "", DnsName.Parse("_rcds._udp.gatech.edu")),
            new NaptrData(100, 50, "s", "http+I2L+I2C+I2R", "", DnsName.Parse("_http._tcp.gatech.edu")));
        m.Answers[0].ToString().Should().Be("gatech.edu. 3600 IN NAPTR 100 50 \"s\" \"z3950+I2L+I2C\" \"\" _z3950._tcp.gatech.edu.");
    }

    [Fact]
    public void Rfc2915_7_3_ENUM_NAPTRs_decode_to_their_u_rules()
    {
        var m = DnsMessage.Decode(DnsSamples.Rfc2915EnumResponse);
        m.Questions.Single().Name.ToString().Should().Be("2.1.2.1.5.5.5.0.7.7.1.e164.arpa.");
        m.Answers.Select(a => a.NaptrData).Should().Equal(
            new NaptrData(100, 10, "u", "sip+E2U", "!^.*$!sip:information@tele2.se!", DnsName.Root),
            new NaptrData(102, 10, "u", "mailto+E2U", "!^.*$!mailto:information@tele2.se!", DnsName.Root));
    }

    [Fact]
    public void Rfc3596_AAAA_RDATA_is_the_16_octet_address()
    {
        var answer = DnsMessage.Decode(DnsSamples.AaaaResponse).Answers.Single();
        answer.Type.Should().Be(DnsType.Aaaa);
        answer.Data.Length.Should().Be(16);
        answer.Address.Should().Be(IPAddress.Parse("2001:db8::15"));
        answer.Name.Should().Be(DnsName.Parse("tftp.example.net"), "the owner is a pointer to the question at offset 12");
    }

    [Fact]
    public void Rfc6891_OPT_decodes_as_EDNS_with_payload_size_and_options()
    {
        var m = DnsMessage.Decode(DnsSamples.EdnsQuery);
        var edns = m.Edns!;
        edns.UdpPayloadSize.Should().Be(1232);
        edns.Version.Should().Be(0);
        edns.DnssecOk.Should().BeFalse();
        edns.Options.Should().ContainSingle().Which.Should().Be(new EdnsOption(10, Hex("0123456789abcdef")));
        DnsEncodeOptions.UdpReplyTo(m).MaxSize.Should().Be(1232);
        DnsEncodeOptions.UdpReplyTo(DnsMessage.Decode(DnsSamples.AaaaQuery)).MaxSize.Should().Be(512, "without EDNS a UDP reply is at most 512 octets");
    }

    [Fact]
    public void Rfc6891_6_1_3_extended_rcode_combines_OPT_high_bits_with_the_header()
    {
        var m = new DnsMessage { IsResponse = true, Rcode = (DnsRcode)0, Additionals = [DnsRecord.Opt(new EdnsData(1232, 1, 0, true, 0, []))] };
        m.ExtendedRcode.Should().Be(16, "BADVERS (16) is OPT EXTENDED-RCODE 1 above a header RCODE of 0");
        var again = DnsMessage.Decode(m.Encode());
        again.Additionals.Single().Ttl.Should().Be(0x01008000u);
        again.Edns!.DnssecOk.Should().BeTrue();
    }
}
