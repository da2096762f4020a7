using EUeConformance.Protocols.Tftp;
using EUeConformance.Tests.Support;
using FluentAssertions;
using Xunit;
using static EUeConformance.Tests.Protocols.Tftp.TftpBytes;

namespace EUeConformance.Tests.Protocols.Tftp;

/// <summary>The packets the RFCs draw, decoded to their documented values and re-encoded to the same bytes.</summary>
public class TftpVectorTests
{
    // RFC 2348, "Blocksize Option Specification": |1|foobar|0|octet|0|blksize|0|1428|0| is "a Read Request, for
    // the file named "foobar", in octet (binary) transfer mode, with a block size of 1428 octets".
    static readonly byte[] Rfc2348Rrq = Of(1, "foobar\0octet\0blksize\01428\0");

    [Fact]
    public void The_RFC_2348_read_request_decodes_to_foobar_octet_blksize_1428()
    {
        var rrq = TftpPacket.Decode(Rfc2348Rrq).Should().BeOfType<TftpReadRequest>().Which;
        rrq.Filename.Should().Be("foobar");
        rrq.Mode.Should().Be(TftpMode.Octet);
        rrq.Options.Should().Equal(new TftpOption("blksize", "1428"));
        rrq.Encode().Should().Equal(Rfc2348Rrq);
    }

    [Fact]
    public void The_RFC_2349_timeout_request_decodes_to_a_timeout_of_one_second()
    {
        // RFC 2349, "Timeout Interval Option Specification": |1|foobar|0|octet|0|timeout|0|1|0|.
        var bytes = Of(1, "foobar\0octet\0timeout\01\0");
        var rrq = (TftpReadRequest)TftpPacket.Decode(bytes);
        TftpOptionDefinitions.Timeout.ParseValue(rrq.Options.Find("TIMEOUT")!.Value).Should().Be(1);
        rrq.Encode().Should().Equal(bytes);
    }

    [Fact]
    public void An_E_UE_read_request_with_blksize_tsize_and_timeout_keeps_its_options_in_order()
    {
        var bytes = Of(1, "eue-0010950000002.cfg\0octet\0blksize\01448\0tsize\00\0timeout\03\0");
        var rrq = (TftpReadRequest)TftpPacket.Decode(bytes);
        rrq.Options.Select(o => o.ToString()).Should().Equal("blksize=1448", "tsize=0", "timeout=3");
        rrq.Encode().Should().Equal(bytes);
    }

    [Theory]
    [InlineData("netascii", TftpMode.NetAscii)]
    [InlineData("NETASCII", TftpMode.NetAscii)]
    [InlineData("octet", TftpMode.Octet)]
    [InlineData("OcTeT", TftpMode.Octet)]
    [InlineData("mail", TftpMode.Mail)]
    [InlineData("Mail", TftpMode.Mail)]
    public void Modes_are_case_insensitive_and_keep_their_spelling(string spelled, TftpMode mode)
    {
        // RFC 1350 §5: the mode is netascii, octet or mail, "in any combination of upper and lower case".
        var bytes = Of(2, "log.txt\0" + spelled + "\0");
        var wrq = TftpPacket.Decode(bytes).Should().BeOfType<TftpWriteRequest>().Which;
        wrq.Mode.Should().Be(mode);
        wrq.ModeText.Should().Be(spelled);
        wrq.Encode().Should().Equal(bytes);
    }

    [Fact]
    public void Option_names_match_case_insensitively_and_unknown_options_are_kept_byte_for_byte()
    {
        // RFC 2347: option names are case-insensitive ASCII; windowsize (RFC 7440) is not negotiated here, only kept.
        var bytes = Of(1, "f\0octet\0BlkSize\0512\0windowsize\04\0x-vendor\0\u00e9t\u00e9\0");
        var rrq = (TftpReadRequest)TftpPacket.Decode(bytes);
        rrq.Options.Find("blksize")!.Value.Should().Be("512");
        rrq.Options.Select(o => o.Name).Should().Equal("BlkSize", "windowsize", "x-vendor");
        rrq.Options[2].Value.Should().Be("\u00e9t\u00e9");
        rrq.Encode().Should().Equal(bytes);
    }

    [Fact]
    public void Data_ack_error_and_oack_decode_to_their_fields_and_re_encode_exactly()
    {
        var samples = new (byte[] Bytes, TftpPacket Expected)[]
        {
            (Of(3, 1, new byte[] { 0x2B, 0x06, 0x01 }), new TftpData(1, new byte[] { 0x2B, 0x06, 0x01 })),
            (Of(3, 65535), new TftpData(65535, Array.Empty<byte>())),
            (Of(4, 0), new TftpAck(0)),
            (Of(4, 7), new TftpAck(7)),
            (Of(5, 1, "File not found\0"), new TftpError(TftpErrorCode.FileNotFound, "File not found")),
            (Of(5, 8, "\0"), new TftpError(TftpErrorCode.OptionNegotiationRefused, "")),
            (Of(5, 42, "vendor\0"), new TftpError((TftpErrorCode)42, "vendor")),
            (Of(6, "blksize\01428\0"), new TftpOptionAck([new("blksize", "1428")])),
        };
        foreach (var (bytes, expected) in samples)
        {
            TftpPacket.Decode(bytes).Should().Be(expected);
            expected.Encode().Should().Equal(bytes);
        }
    }

    [Fact]
    public void All_error_codes_0_to_8_have_names_as_in_RFC_1350_and_RFC_2347()
    {
        Enum.GetValues<TftpErrorCode>().Select(c => (int)c).Should().Equal(0, 1, 2, 3, 4, 5, 6, 7, 8);
        TftpError.OptionNegotiationRefused("no").Encode().Should().Equal(Of(5, 8, "no\0"));
    }

    [Fact]
    public void A_data_block_shorter_than_the_block_size_is_the_last()
    {
        new TftpData(3, new byte[1427]).IsLast(1428).Should().BeTrue();
        new TftpData(2, new byte[1428]).IsLast(1428).Should().BeFalse();
        new TftpData(9, Array.Empty<byte>()).IsLast(512).Should().BeTrue();
    }

    [Fact]
    public void The_encoder_refuses_what_it_could_not_send_correctly()
    {
        Assert.Throws<ArgumentException>(() => new TftpReadRequest("", TftpMode.Octet).Encode());
        Assert.Throws<ArgumentException>(() => new TftpReadRequest("a\0b", TftpMode.Octet).Encode());
        Assert.Throws<ArgumentException>(() => new TftpReadRequest("f", "binary", []).Encode());
        Assert.Throws<ArgumentException>(() => new TftpOptionAck([new("", "1")]).Encode());
        Assert.Throws<ArgumentException>(() => new TftpData(1, new byte[65465]).Encode());
        Assert.Throws<InvalidOperationException>(() => new TftpReadRequest(new string('f', 500), "octet", [new("blksize", "1428")]).Encode());
    }

    [SpecFact]
    public void The_spec_asks_for_blksize_1448_over_IPv4_and_1428_over_IPv6()
    {
        string spec = File.ReadAllText(Repo.SpecText!);
        // EUE-PROV 6.3.3 (IPv4 addressing mode) and Table 5, eUE-22 (IPv6).
        spec.Should().Contain("the eUE MUST request a blocksize of 1448 when using TFTP over IPv4");
        spec.Should().Contain("The eUE MUST request a blocksize of 1428 when using TFTP over IPv6");
    }
}
