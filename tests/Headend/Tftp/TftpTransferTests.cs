using System.Net;
using EUeConformance.Headend.Overrides;
using EUeConformance.Headend.Servers.Tftp;
using EUeConformance.Network.Evidence;
using EUeConformance.Protocols.Tftp;
using FluentAssertions;
using Xunit;

namespace EUeConformance.Tests.Headend.Tftp;

/// <summary>The Configuration Server's TFTP transfers: RFC 1350, RFC 2347/2348/2349, EUE-PROV 6.3.3 and eUE-22/23.</summary>
public sealed class TftpTransferTests
{
    static readonly byte[] File3000 = [.. Enumerable.Range(0, 3000).Select(i => (byte)i)];
    static readonly IPEndPoint Client = new(IPAddress.Parse("192.0.2.20"), 40000);

    static TftpReadRequest Rrq(string name, params (string, string)[] options) =>
        new(name, "octet", [.. options.Select(o => new TftpOption(o.Item1, o.Item2))]);

    static byte[] Run(TftpTransfer t)
    {
        var received = new List<byte>();
        var packet = t.Start();
        if (packet is TftpOptionAck) packet = t.OnPacket(new TftpAck(0));
        while (packet is TftpData d)
        {
            received.AddRange(d.Payload.ToArray());
            packet = t.OnPacket(new TftpAck(d.Block));
        }
        return [.. received];
    }

    [Fact]
    public void The_blocksize_of_1448_an_eUE_asks_over_IPv4_is_acknowledged_and_used_6_3_3()
    {
        var t = new TftpTransfer(Rrq("f", ("blksize", "1448"), ("tsize", "0")), File3000, new TftpServerPolicy());
        var oack = t.Start().Should().BeOfType<TftpOptionAck>().Subject;
        oack.Options.Should().Equal(new TftpOption("blksize", "1448"), new TftpOption("tsize", "3000"));
        t.OnPacket(new TftpAck(0)).Should().BeOfType<TftpData>().Which.Payload.Length.Should().Be(1448);
    }

    [Fact]
    public void The_blocksize_of_1428_over_IPv6_eUE_22_gives_three_blocks_for_3000_bytes()
    {
        var t = new TftpTransfer(Rrq("f", ("blksize", "1428")), File3000, new TftpServerPolicy());
        Run(t).Should().Equal(File3000);
        t.Done.Should().BeTrue();
        t.Outcome.Should().Be("complete");
    }

    [Fact]
    public void Without_options_the_file_goes_in_512_byte_blocks_and_a_multiple_ends_with_an_empty_block()
    {
        var exact = new byte[1024];
        var t = new TftpTransfer(Rrq("f"), exact, new TftpServerPolicy());
        var first = t.Start().Should().BeOfType<TftpData>().Subject;
        first.Payload.Length.Should().Be(512);
        t.OnPacket(new TftpAck(1)).Should().BeOfType<TftpData>().Which.Payload.Length.Should().Be(512);
        t.OnPacket(new TftpAck(2)).Should().BeOfType<TftpData>().Which.Payload.Length.Should().Be(0);
        t.OnPacket(new TftpAck(3)).Should().BeNull();
        t.Done.Should().BeTrue();
    }

    [Fact]
    public void A_lost_block_is_sent_again_on_the_timer_and_the_transfer_gives_up_after_the_retries()
    {
        var t = new TftpTransfer(Rrq("f", ("timeout", "2")), File3000, new TftpServerPolicy());
        t.Timeout.Should().Be(TimeSpan.FromSeconds(2));
        t.Start();
        var data1 = t.OnPacket(new TftpAck(0));
        t.OnTimeout().Should().Be(data1);
        for (int i = 1; i < TftpTransfer.MaxRetransmissions; i++) t.OnTimeout().Should().Be(data1);
        t.OnTimeout().Should().BeNull();
        t.Done.Should().BeTrue();
        t.Outcome.Should().Contain("no acknowledgement");
    }

    [Fact]
    public void A_duplicate_ACK_does_not_send_the_next_block_twice()
    {
        var t = new TftpTransfer(Rrq("f"), File3000, new TftpServerPolicy());
        t.Start();
        t.OnPacket(new TftpAck(1)).Should().BeOfType<TftpData>().Which.Block.Should().Be(2);
        t.OnPacket(new TftpAck(1)).Should().BeNull();
    }

    [Fact]
    public void A_missing_file_is_error_1_and_a_write_is_error_2()
    {
        var tftp = new TftpResponder(_ => null);
        tftp.OnRequest(Rrq("nope"), Client, out var none).Replies.Single().Message.Should().Be(new TftpError(TftpErrorCode.FileNotFound, "file not found"));
        none.Should().BeNull();
        tftp.OnRequest(new TftpWriteRequest("x"), Client, out _).Replies.Single().Message.Should().BeOfType<TftpError>().Which.Code.Should().Be(TftpErrorCode.AccessViolation);
    }

    [Fact]
    public void Read_requests_for_one_file_can_be_ignored_while_other_files_are_served()
    {
        var tftp = new TftpResponder(_ => File3000);
        tftp.Overrides.Add(new IgnoreReadRequests("eue1.cfg", 2));
        tftp.OnRequest(Rrq("cm1.cfg"), Client, out var ecm).IsSilent.Should().BeFalse("another file is served");
        ecm.Should().NotBeNull();
        tftp.OnRequest(Rrq("eue1.cfg"), Client, out var first).IsSilent.Should().BeTrue();
        tftp.OnRequest(Rrq("/eue1.cfg"), Client, out _).IsSilent.Should().BeTrue("a leading '/' names the same file");
        first.Should().BeNull();
        tftp.OnRequest(Rrq("eue1.cfg"), Client, out var third).Replies.Should().ContainSingle();
        third.Should().NotBeNull();
    }

    [Fact]
    public void Dropping_the_second_DATA_makes_the_timer_resend_it()
    {
        var tftp = new TftpResponder(_ => File3000);
        tftp.Overrides.Add(Override.DropNth("DATA", 2));
        tftp.OnRequest(Rrq("f"), Client, out var t);
        tftp.OnTransferPacket(t!, new TftpAck(1), Client).IsSilent.Should().BeTrue("the second DATA is lost");
        tftp.OnTimeout(t!, Client).Replies.Single().Message.Should().BeOfType<TftpData>().Which.Block.Should().Be(2);
    }

    [Fact]
    public void An_OACK_can_claim_a_larger_blocksize_than_asked_to_test_the_client()
    {
        var tftp = new TftpResponder(_ => File3000);
        tftp.Overrides.Add(Override.AlterField("OACK", "blksize", "4096"));
        var oack = tftp.OnRequest(Rrq("f", ("blksize", "1428")), Client, out _).Replies.Single().Message.Should().BeOfType<TftpOptionAck>().Subject;
        oack.Options.Single().Value.Should().Be("4096");
    }

    [Fact]
    public void A_lost_ACK_is_as_if_never_received()
    {
        var tftp = new TftpResponder(_ => File3000);
        tftp.Overrides.Add(Override.DropNth("ACK", 1, Direction.Received));
        tftp.OnRequest(Rrq("f"), Client, out var t);
        tftp.OnTransferPacket(t!, new TftpAck(1), Client).IsSilent.Should().BeTrue();
        tftp.OnTransferPacket(t!, new TftpAck(1), Client).Replies.Single().Message.Should().BeOfType<TftpData>().Which.Block.Should().Be(2);
    }
}
