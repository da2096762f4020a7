using System.Net;
using EUeConformance.Protocols.Tftp;
using EUeConformance.Tests.Support;
using FluentAssertions;
using Xunit;

namespace EUeConformance.Tests.Protocols.Tftp;

/// <summary>
/// Whole transfers as our encoders write them, judged by tshark: the RRQ goes to port 69 and tshark follows
/// the transfer onto the server's ephemeral port from there (packet-tftp.c keys the conversation on the
/// client's port).
/// </summary>
public class TftpTsharkTests
{
    static readonly IPEndPoint Client = new(IPAddress.Parse("10.0.0.2"), 40000);
    static readonly IPEndPoint Server69 = new(IPAddress.Parse("10.0.0.1"), TftpPacket.Port);
    static readonly IPEndPoint ServerTid = new(IPAddress.Parse("10.0.0.1"), 50000);

    static string Rows(IEnumerable<string[]> rows) => string.Join("\n", rows.Select(r => string.Join("|", r)));

    [Fact]
    public void An_RRQ_with_blksize_tsize_timeout_its_OACK_and_the_data_decode_with_the_values_we_sent()
    {
        var rrq = new TftpReadRequest("eue-0010950000002.cfg", "octet", [new("blksize", "1448"), new("tsize", "0"), new("timeout", "3")]);
        var answer = TftpNegotiation.Answer(rrq, new TftpServerPolicy { MaxBlockSize = 1024 }, fileSize: 2000);
        var file = Enumerable.Range(0, 2000).Select(i => (byte)i).ToArray();
        string pcap = Tshark.PcapOfUdp(
            (rrq.Encode(), Client, Server69),
            (answer.OptionAck!.Encode(), ServerTid, Client),
            (new TftpAck(0).Encode(), Client, ServerTid),
            (new TftpData(1, file.AsMemory(0, 1024)).Encode(), ServerTid, Client),
            (new TftpAck(1).Encode(), Client, ServerTid),
            (new TftpData(2, file.AsMemory(1024)).Encode(), ServerTid, Client),
            (new TftpAck(2).Encode(), Client, ServerTid));

        Tshark.Problems(pcap).Should().BeEmpty(Tshark.Verbose(pcap));
        var rows = Tshark.Fields(pcap, "udp.srcport", "udp.dstport", "tftp.opcode", "tftp.source_file", "tftp.type",
            "tftp.option.name", "tftp.option.value", "tftp.block", "data.len");
        Rows(rows).Should().Be(string.Join("\n",
            "40000|69|1|eue-0010950000002.cfg|octet|blksize,tsize,timeout|1448,0,3||",
            "50000|40000|6|||blksize,tsize,timeout|1024,2000,3||",
            "40000|50000|4|||||0|",
            "50000|40000|3|||||1|1024",
            "40000|50000|4|||||1|",
            "50000|40000|3|||||2|976",
            "40000|50000|4|||||2|"));
    }

    [Fact]
    public void The_RFC_2348_exchange_over_IPv6_with_blksize_1428_decodes()
    {
        // EUE-PROV Table 5, eUE-22: over IPv6 the eUE asks for 1428.
        var client = new IPEndPoint(IPAddress.Parse("2001:db8::2"), 49152);
        var server69 = new IPEndPoint(IPAddress.Parse("2001:db8::1"), TftpPacket.Port);
        var serverTid = new IPEndPoint(IPAddress.Parse("2001:db8::1"), 61000);
        var rrq = new TftpReadRequest("foobar", "octet", [new("blksize", "1428")]);
        var oack = TftpNegotiation.Answer(rrq, new TftpServerPolicy()).OptionAck!;
        string pcap = Tshark.PcapOfUdp(
            (rrq.Encode(), client, server69),
            (oack.Encode(), serverTid, client),
            (new TftpAck(0).Encode(), client, serverTid),
            (new TftpData(1, new byte[1428]).Encode(), serverTid, client),
            (new TftpAck(1).Encode(), client, serverTid),
            (new TftpData(2, new byte[100]).Encode(), serverTid, client),
            (new TftpAck(2).Encode(), client, serverTid));

        Tshark.Problems(pcap).Should().BeEmpty(Tshark.Verbose(pcap));
        Rows(Tshark.Fields(pcap, "tftp.opcode", "tftp.source_file", "tftp.option.name", "tftp.option.value", "tftp.block", "data.len"))
            .Should().Be(string.Join("\n",
                "1|foobar|blksize|1428||", "6||blksize|1428||", "4||||0|", "3||||1|1428", "4||||1|", "3||||2|100", "4||||2|"));
    }

    [Fact]
    public void A_WRQ_in_netascii_and_its_ACKs_decode()
    {
        var wrq = new TftpWriteRequest("eue.log", "netascii", [new("tsize", "5")]);
        string pcap = Tshark.PcapOfUdp(
            (wrq.Encode(), Client, Server69),
            (TftpNegotiation.Answer(wrq, new TftpServerPolicy()).OptionAck!.Encode(), ServerTid, Client),
            (new TftpData(1, "hello"u8.ToArray()).Encode(), Client, ServerTid),
            (new TftpAck(1).Encode(), ServerTid, Client));
        Tshark.Problems(pcap).Should().BeEmpty(Tshark.Verbose(pcap));
        Rows(Tshark.Fields(pcap, "tftp.opcode", "tftp.destination_file", "tftp.type", "tftp.option.name", "tftp.option.value", "tftp.block"))
            .Should().Be(string.Join("\n",
                "2|eue.log|netascii|tsize|5|", "6|eue.log||tsize|5|", "3|eue.log||||1", "4|eue.log||||1"));
    }

    [Fact]
    public void A_client_refusing_an_OACK_with_error_8_is_no_problem_for_tshark()
    {
        // After an RRQ with tsize and an OACK, tshark reads ERROR 0/8 as a "likely tsize probe" (chat level).
        var rrq = new TftpReadRequest("eue.cfg", "octet", [new("blksize", "1448"), new("tsize", "0")]);
        var badOack = new TftpOptionAck([new("blksize", "1500"), new("tsize", "2000")]);
        var refusal = TftpNegotiation.CheckOptionAck(rrq, badOack).Refusal();
        string pcap = Tshark.PcapOfUdp((rrq.Encode(), Client, Server69), (badOack.Encode(), ServerTid, Client), (refusal.Encode(), Client, ServerTid));
        Tshark.Problems(pcap).Should().BeEmpty(Tshark.Verbose(pcap));
        var row = Tshark.Fields(pcap, "tftp.opcode", "tftp.error.code", "tftp.error.message")[2];
        row.Should().Equal("5", "8", refusal.Message);
        refusal.Message.Should().Contain("1500 is larger than the 1448");
    }

    [Fact]
    public void An_ERROR_packet_decodes_and_its_only_mark_is_the_warning_tshark_gives_every_ERROR()
    {
        // packet-tftp.c registers ei_tftp_error ("TFTP ERROR packet") at PI_WARN and adds it to every ERROR that
        // is not a tsize probe, however well-formed: that one warning is expected, nothing else is.
        var rrq = new TftpReadRequest("missing.cfg", TftpMode.Octet);
        var error = new TftpError(TftpErrorCode.FileNotFound, "File not found");
        string pcap = Tshark.PcapOfUdp((rrq.Encode(), Client, Server69), (error.Encode(), ServerTid, Client));
        Tshark.Problems(pcap).Should().Equal("2|TFTP ERROR packet|");
        Tshark.Fields(pcap, "tftp.opcode", "tftp.error.code", "tftp.error.message", "tftp.destination_file")[1]
            .Should().Equal("5", "1", "File not found", "missing.cfg");
    }
}
