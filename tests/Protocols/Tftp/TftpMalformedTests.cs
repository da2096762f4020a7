using EUeConformance.Protocols.Tftp;
using EUeConformance.Protocols.Wire;
using FluentAssertions;
using Xunit;
using static EUeConformance.Tests.Protocols.Tftp.TftpBytes;

namespace EUeConformance.Tests.Protocols.Tftp;

/// <summary>Malformed datagrams: each a ParseError that names Wireshark's field and the offending offset.</summary>
public class TftpMalformedTests
{
    static void Expect(ParseError e, int offset, string field)
    {
        e.Protocol.Should().Be("tftp");
        e.Offset.Should().Be(offset, e.Message);
        e.Field.Should().Be(field, e.Message);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(7)]
    [InlineData(255)] // Wireshark's "Information (MSDP)", not a TFTP opcode of any RFC
    [InlineData(0x0100)]
    public void An_unknown_opcode_is_refused_at_offset_0(int opcode) => Expect(Rejects(Of(opcode, "f\0octet\0")), 0, "tftp.opcode");

    [Fact]
    public void Datagrams_too_short_for_an_opcode_or_a_block_number_are_refused()
    {
        Expect(Rejects([]), 0, "tftp.opcode");
        Expect(Rejects([0x00]), 0, "tftp.opcode");
        Expect(Rejects(Of(3, new byte[] { 0 })), 2, "tftp.block");
        Expect(Rejects(Of(4)), 2, "tftp.block");
        Expect(Rejects(Of(5)), 2, "tftp.error.code");
    }

    [Fact]
    public void A_missing_NUL_terminator_is_refused_where_the_unterminated_field_starts()
    {
        Expect(Rejects(Of(1, "foobar")), 2, "tftp.source_file");
        Expect(Rejects(Of(2, "foobar")), 2, "tftp.destination_file");
        Expect(Rejects(Of(1, "foobar\0octet")), 9, "tftp.type");
        Expect(Rejects(Of(1, "foobar\0")), 9, "tftp.type");
        Expect(Rejects(Of(1, "foobar\0octet\0blksize")), 15, "tftp.option.name");
        Expect(Rejects(Of(1, "foobar\0octet\0blksize\01428")), 23, "tftp.option.value");
        Expect(Rejects(Of(5, 1, "File not found")), 4, "tftp.error.message");
        Expect(Rejects(Of(6, "blksize\01428")), 10, "tftp.option.value");
    }

    [Fact]
    public void An_empty_filename_is_refused_at_offset_2()
    {
        Expect(Rejects(Of(1, "\0octet\0")), 2, "tftp.source_file");
        Expect(Rejects(Of(2, "\0octet\0")), 2, "tftp.destination_file");
    }

    [Fact]
    public void An_unknown_mode_is_refused_at_the_mode()
    {
        // RFC 1350 §5 names three modes; RFC 1350's predecessors had "binary", which is no longer one.
        Expect(Rejects(Of(1, "foobar\0binary\0")), 9, "tftp.type");
        Expect(Rejects(Of(1, "foobar\0\0")), 9, "tftp.type");
    }

    [Fact]
    public void An_odd_option_list_with_a_name_but_no_value_is_refused_where_the_value_should_be()
    {
        Expect(Rejects(Of(1, "foobar\0octet\0blksize\0")), 23, "tftp.option.value");
        Expect(Rejects(Of(1, "foobar\0octet\0blksize\01428\0tsize\0")), 34, "tftp.option.value");
        Expect(Rejects(Of(6, "blksize\01428\0timeout\0")), 23, "tftp.option.value");
    }

    [Fact]
    public void An_empty_option_name_is_refused()
    {
        Expect(Rejects(Of(1, "foobar\0octet\0\01428\0")), 15, "tftp.option.name");
        Expect(Rejects(Of(6, "\0\0")), 2, "tftp.option.name");
    }

    [Fact]
    public void A_data_block_longer_than_the_block_size_is_refused_at_the_first_byte_too_many()
    {
        Expect(Rejects(Of(3, 1, new byte[513]), maxDataLength: 512), 4 + 512, "tftp.data");
        Expect(Rejects(Of(3, 1, new byte[1025]), maxDataLength: 1024), 4 + 1024, "tftp.data");
        Expect(Rejects(Of(3, 1, new byte[65465])), 4 + 65464, "tftp.data");
        TftpPacket.Decode(Of(3, 1, new byte[1024]), maxDataLength: 1024).Should().BeOfType<TftpData>();
    }

    [Fact]
    public void Bytes_after_an_ACK_or_an_ERROR_message_are_refused()
    {
        Expect(Rejects(Of(4, 1, new byte[] { 0x1F })), 4, "tftp");
        Expect(Rejects(Of(5, 0, "x\0y")), 6, "tftp");
    }

    [Fact]
    public void A_request_over_512_octets_is_refused_at_octet_512()
    {
        // RFC 2347: "The maximum size of a request packet is 512 octets."
        var bytes = Of(1, new string('f', 500) + "\0octet\0blksize\01428\0");
        Expect(Rejects(bytes), 512, "tftp");
        TftpPacket.Decode(Of(1, new string('f', 503) + "\0octet\0")).Should().BeOfType<TftpReadRequest>(); // exactly 512
    }
}
