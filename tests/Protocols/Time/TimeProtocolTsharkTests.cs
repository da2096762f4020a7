using System.Net;
using EUeConformance.Protocols.Pcap;
using EUeConformance.Protocols.Time;
using EUeConformance.Tests.Support;
using FluentAssertions;
using Xunit;

namespace EUeConformance.Tests.Protocols.Time;

/// <summary>The Time Protocol on port 37 as tshark 4.0 reads it: time.time (seconds since 1900) and time.response (from port 37).</summary>
public class TimeProtocolTsharkTests
{
    static readonly IPEndPoint Client = new(IPAddress.Parse("10.0.0.2"), 40037);
    static readonly IPEndPoint Server = new(IPAddress.Parse("10.0.0.1"), TimeProtocolMessage.Port);

    [Fact]
    public void An_empty_UDP_request_and_its_reply_decode_with_the_time_we_sent()
    {
        var reply = TimeProtocolMessage.FromDateTimeOffset(new DateTimeOffset(2010, 5, 27, 12, 0, 0, TimeSpan.Zero));
        reply.Seconds.Should().Be(3_483_950_400u);
        string pcap = Tshark.PcapOfUdp((TimeProtocolRequest.Encode(), Client, Server), (reply.Encode(), Server, Client));

        Tshark.Problems(pcap).Should().BeEmpty(Tshark.Verbose(pcap));
        var rows = Tshark.Fields(pcap, "frame.number", "udp.dstport", "udp.length", "time.response", "time.time");
        rows[0].Should().Equal("1", "37", "8", "", "");  // an empty datagram: tshark has no Time Protocol payload to show
        rows[1].Should().Equal("2", "40037", "12", "1", "3483950400");
    }

    [Fact]
    public void RFC_868_s_1970_value_over_TCP_decodes()
    {
        // Over TCP the server sends the time on connect and closes; there is no request.
        var conv = new TcpConversation(Tshark.ClientMac, Client, Tshark.ServerMac, Server);
        var frames = new List<byte[]>(conv.Open()) { conv.ServerSends(new TimeProtocolMessage(2_208_988_800).Encode()) };
        frames.AddRange(conv.Close());
        string pcap = Tshark.PcapOfFrames(frames);

        Tshark.Problems(pcap).Should().BeEmpty(Tshark.Verbose(pcap));
        Tshark.Fields(pcap, "time.time", "time.response").Should().ContainSingle(r => r[0] != "")
            .Which.Should().Equal("2208988800", "1");
    }
}
