using EUeConformance.Protocols.Tftp;
using FluentAssertions;
using Xunit;
using static EUeConformance.Tests.Protocols.Tftp.TftpBytes;

namespace EUeConformance.Tests.Protocols.Tftp;

/// <summary>Option negotiation (RFC 2347/2348/2349): the server's OACK and the client's check of it.</summary>
public class TftpNegotiationTests
{
    static TftpReadRequest Rrq(params TftpOption[] options) => new("eue.cfg", "octet", options);

    [Fact]
    public void RFC_2348_example_the_server_accepts_blksize_1428_and_answers_OACK_blksize_1428()
    {
        // RFC 2348 example exchange: RRQ |1|foobar|0|octet|0|blksize|0|1428|0| is answered |6|blksize|0|1428|0|,
        // the client ACKs block 0, and the data comes in 1428-octet blocks. 1428 is also what EUE-PROV Table 5,
        // eUE-22 makes the eUE ask for over IPv6.
        var rrq = (TftpRequest)TftpPacket.Decode(Of(1, "foobar\0octet\0blksize\01428\0"));
        var answer = TftpNegotiation.Answer(rrq, new TftpServerPolicy());
        answer.OptionAck!.Encode().Should().Equal(Of(6, "blksize\01428\0"));
        answer.Parameters.Should().Be(new TftpTransferParameters(1428, null, null));
        var check = TftpNegotiation.CheckOptionAck(rrq, answer.OptionAck);
        check.Acceptable.Should().BeTrue();
        check.Parameters.BlockSize.Should().Be(1428);
    }

    [Theory]
    [InlineData(1448, 1024, 1024)] // EUE-PROV 6.3.3: IPv4 asks 1448; this server caps at 1024 and may answer less
    [InlineData(1428, 1024, 1024)] // EUE-PROV Table 5 eUE-22: IPv6 asks 1428
    [InlineData(1448, 65464, 1448)]
    [InlineData(512, 1024, 512)]   // never more than asked
    [InlineData(8, 1024, 8)]
    public void A_server_that_caps_the_block_size_answers_the_smaller_of_request_and_cap(int asked, int cap, int answered)
    {
        var rrq = Rrq(new TftpOption("blksize", asked.ToString()));
        var answer = TftpNegotiation.Answer(rrq, new TftpServerPolicy { MaxBlockSize = cap });
        answer.OptionAck!.Options.Should().Equal(new TftpOption("blksize", answered.ToString()));
        answer.Parameters.BlockSize.Should().Be(answered);
        var check = TftpNegotiation.CheckOptionAck(rrq, answer.OptionAck);
        check.Violations.Should().BeEmpty();
        check.Parameters.Should().Be(new TftpTransferParameters(answered, null, null));
    }

    [Fact]
    public void An_E_UE_request_with_blksize_tsize_timeout_and_an_unknown_option_gets_an_OACK_in_request_order()
    {
        var rrq = Rrq(new TftpOption("BLKSIZE", "1448"), new TftpOption("windowsize", "8"), new TftpOption("tsize", "0"), new TftpOption("timeout", "3"));
        var answer = TftpNegotiation.Answer(rrq, new TftpServerPolicy { MaxBlockSize = 1024 }, fileSize: 2000);
        // RFC 2347: unknown options are ignored; the client's spelling is answered; RFC 2349: tsize returns the size, timeout is echoed.
        answer.OptionAck!.Options.Should().Equal(new TftpOption("BLKSIZE", "1024"), new TftpOption("tsize", "2000"), new TftpOption("timeout", "3"));
        answer.Parameters.Should().Be(new TftpTransferParameters(1024, 3, 2000));
        var check = TftpNegotiation.CheckOptionAck(rrq, answer.OptionAck);
        check.Violations.Should().BeEmpty();
        check.Parameters.Should().Be(answer.Parameters);
    }

    [Theory]
    [InlineData("blksize", "7")]
    [InlineData("blksize", "65465")]
    [InlineData("blksize", "0x5a0")]
    [InlineData("blksize", "")]
    [InlineData("timeout", "0")]
    [InlineData("timeout", "256")]
    [InlineData("tsize", "-1")]
    public void Options_with_invalid_values_are_not_acknowledged(string name, string value)
    {
        var answer = TftpNegotiation.Answer(Rrq(new TftpOption(name, value)), new TftpServerPolicy(), fileSize: 100);
        answer.OptionAck.Should().BeNull();
        answer.Parameters.Should().Be(TftpTransferParameters.Default);
    }

    [Fact]
    public void A_policy_can_decline_each_option_and_an_unknown_file_size_leaves_tsize_out()
    {
        var rrq = Rrq(new TftpOption("blksize", "1428"), new TftpOption("timeout", "5"), new TftpOption("tsize", "0"));
        TftpNegotiation.Answer(rrq, new TftpServerPolicy { AcceptBlockSize = false, AcceptTimeout = false, AcceptTransferSize = false }, 10)
            .OptionAck.Should().BeNull();
        TftpNegotiation.Answer(rrq, new TftpServerPolicy()).OptionAck!.Options.Select(o => o.Name).Should().Equal("blksize", "timeout");
        Assert.Throws<ArgumentOutOfRangeException>(() => TftpNegotiation.Answer(rrq, new TftpServerPolicy { MaxBlockSize = 7 }));
    }

    [Fact]
    public void A_write_request_tsize_is_echoed_and_checked_against_what_was_sent()
    {
        var wrq = new TftpWriteRequest("log", "octet", [new TftpOption("tsize", "4096")]);
        var answer = TftpNegotiation.Answer(wrq, new TftpServerPolicy());
        answer.OptionAck!.Options.Should().Equal(new TftpOption("tsize", "4096"));
        TftpNegotiation.CheckOptionAck(wrq, new TftpOptionAck([new TftpOption("tsize", "4095")])).Violations
            .Should().ContainSingle().Which.Reference.Should().Be("RFC 2349");
    }

    [Fact]
    public void When_an_option_is_sent_twice_the_first_counts()
    {
        var answer = TftpNegotiation.Answer(Rrq(new TftpOption("blksize", "1428"), new TftpOption("BLKSIZE", "512")), new TftpServerPolicy());
        answer.OptionAck!.Options.Should().Equal(new TftpOption("blksize", "1428"));
    }

    [Fact]
    public void The_client_check_finds_every_broken_rule()
    {
        var rrq = Rrq(new TftpOption("blksize", "1448"), new TftpOption("timeout", "3"), new TftpOption("tsize", "0"));
        TftpNegotiationViolation Single(params TftpOption[] oack) =>
            TftpNegotiation.CheckOptionAck(rrq, new TftpOptionAck(oack)).Violations.Should().ContainSingle().Subject;

        Single(new TftpOption("blksize", "1500")).Should().Match<TftpNegotiationViolation>(v => v.Reference == "RFC 2348" && v.Problem.Contains("larger"));
        Single(new TftpOption("blksize", "4")).Reference.Should().Be("RFC 2348");
        Single(new TftpOption("timeout", "5")).Reference.Should().Be("RFC 2349");
        Single(new TftpOption("tsize", "big")).Reference.Should().Be("RFC 2349");
        Single(new TftpOption("windowsize", "4")).Should().Match<TftpNegotiationViolation>(v => v.Reference == "RFC 2347" && v.Option == "windowsize");
        Single(new TftpOption("blksize", "1024"), new TftpOption("BlkSize", "1024")).Problem.Should().Contain("more than once");
        Single().Reference.Should().Be("RFC 2347"); // an OACK acknowledging nothing
    }

    [Fact]
    public void A_server_that_answers_tsize_unasked_is_refused_with_error_8()
    {
        var rrq = Rrq(new TftpOption("blksize", "1428"));
        var check = TftpNegotiation.CheckOptionAck(rrq, new TftpOptionAck([new TftpOption("blksize", "1428"), new TftpOption("tsize", "2000")]));
        check.Acceptable.Should().BeFalse();
        var refusal = check.Refusal();
        refusal.Code.Should().Be(TftpErrorCode.OptionNegotiationRefused);
        refusal.Message.Should().Contain("tsize").And.Contain("RFC 2347");
        check.Parameters.BlockSize.Should().Be(1428, "the options that were fine still count");
    }
}
