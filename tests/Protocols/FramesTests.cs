using System.Net;
using EUeConformance.Protocols.Pcap;
using EUeConformance.Tests.Support;
using FluentAssertions;
using Xunit;

namespace EUeConformance.Tests.Protocols;

/// <summary>The pcap framing the evidence rests on, judged by tshark with checksum validation on.</summary>
public class FramesTests
{
    [Fact]
    public void A_broadcast_DHCPv4_datagram_decodes_with_valid_IPv4_and_UDP_checksums()
    {
        string pcap = Tshark.PcapOfUdp((new byte[240], new IPEndPoint(IPAddress.Any, 68), new IPEndPoint(IPAddress.Broadcast, 67)));
        var row = Tshark.Fields(pcap, "eth.dst", "ip.dst", "udp.srcport", "udp.dstport", "ip.checksum.status", "udp.checksum.status", "udp.length").Single();
        row.Should().Equal("ff:ff:ff:ff:ff:ff", "255.255.255.255", "68", "67", "1", "1", "248");
    }

    [Fact]
    public void A_multicast_IPv6_datagram_goes_to_the_33_33_MAC_with_a_valid_UDP_checksum()
    {
        string pcap = Tshark.PcapOfUdp((new byte[] { 1, 2, 3 }, new IPEndPoint(IPAddress.Parse("fe80::210:95ff:fe00:2"), 546), new IPEndPoint(IPAddress.Parse("ff02::1:2"), 547)));
        var row = Tshark.Fields(pcap, "eth.dst", "ipv6.dst", "udp.checksum.status", "ipv6.plen").Single();
        row.Should().Equal("33:33:00:01:00:02", "ff02::1:2", "1", "11");
    }

    [Fact]
    public void A_TCP_conversation_reassembles_without_expert_warnings()
    {
        var conv = new TcpConversation(Tshark.ClientMac, new IPEndPoint(IPAddress.Parse("2001:db8::2"), 40000),
            Tshark.ServerMac, new IPEndPoint(IPAddress.Parse("2001:db8::1"), 80));
        var get = "GET /eue.cfg HTTP/1.1\r\nHost: [2001:db8::1]\r\n\r\n"u8.ToArray();
        var ok = "HTTP/1.1 200 OK\r\nContent-Length: 3\r\n\r\nabc"u8.ToArray();
        var frames = new List<byte[]>(conv.Open()) { conv.ClientSends(get), conv.ServerSends(ok) };
        frames.AddRange(conv.Close());
        string pcap = Tshark.PcapOfFrames(frames);
        Tshark.Problems(pcap).Should().BeEmpty();
        Tshark.Fields(pcap, "http.request.uri", "http.response.code").Select(r => string.Join("|", r)).Should().Contain("/eue.cfg|").And.Contain("|200");
        Tshark.Fields(pcap, "tcp.checksum.status").Should().OnlyContain(r => r[0] == "1");
    }

    [Fact]
    public void A_wrong_checksum_would_be_seen()
    {
        var frame = Frames.Udp(Tshark.ClientMac, null, new IPEndPoint(IPAddress.Any, 68), new IPEndPoint(IPAddress.Broadcast, 67), new byte[8]);
        frame[^9] ^= 0xFF; // corrupt the UDP checksum's low byte: tshark must call it bad
        string pcap = Tshark.PcapOfFrames([frame]);
        Tshark.Fields(pcap, "udp.checksum.status").Single()[0].Should().Be("0");
    }
}
