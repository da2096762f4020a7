using System.Net;
using System.Text;
using EUeConformance.Protocols.Syslog;
using EUeConformance.Tests.Support;
using FluentAssertions;
using Xunit;

namespace EUeConformance.Tests.Protocols.Syslog;

/// <summary>
/// Syslog on UDP 514 as our encoder writes it, judged by tshark 4.0. Its syslog dissector shows facility and
/// level from the PRI, syslog.msg as everything after the PRI (HEADER included), and for RFC 3164 packets
/// syslog.timestamp_rfc3164 and syslog.hostname; it files the TAG under syslog.procid and the rest of the MSG
/// under syslog.msgid (RFC 5424's names, reused).
/// </summary>
public class SyslogTsharkTests
{
    static readonly IPEndPoint Device = new(IPAddress.Parse("10.0.0.2"), 514);
    static readonly IPEndPoint Collector = new(IPAddress.Parse("10.0.0.1"), SyslogMessage.Port);

    [Fact]
    public void The_RFC_3164_examples_and_a_PacketCable_event_decode_with_the_values_we_put_in()
    {
        var ts = new Rfc3164Timestamp(5, 27, 12, 0, 0);
        var messages = new[]
        {
            SyslogMessage.Decode(Encoding.ASCII.GetBytes(Rfc3164Examples.Example1)),
            SyslogMessage.Decode(Encoding.ASCII.GetBytes(Rfc3164Examples.Example2Original)).Relayed(new Rfc3164Timestamp(2, 5, 17, 32, 18), "10.0.0.99"),
            SyslogMessage.Decode(Encoding.ASCII.GetBytes(Rfc3164Examples.Example4Original)),
            // A management event as PacketCable sends it: local0, level notice (PRI 133). The MSG layout is illustrative.
            new SyslogMessage(SyslogPriority.PacketCable(SyslogSeverity.Notice), ts, "10.0.0.2", "MTA[4491]: <4000950500> Provisioning complete"),
        };
        string pcap = Tshark.PcapOfUdp(messages.Select(m => (m.Encode(), Device, Collector)).ToArray());

        Tshark.Problems(pcap).Should().BeEmpty(Tshark.Verbose(pcap));
        var rows = Tshark.Fields(pcap, "udp.dstport", "syslog.facility", "syslog.level", "syslog.timestamp_rfc3164", "syslog.hostname", "syslog.procid", "syslog.msg");
        rows[0].Should().Equal("514", "4", "2", "Oct 11 22:14:15", "mymachine", "su", "Oct 11 22:14:15 mymachine su: 'su root' failed for lonvick on /dev/pts/8");
        rows[1].Should().Equal("514", "1", "5", "Feb  5 17:32:18", "10.0.0.99", "Use", "Feb  5 17:32:18 10.0.0.99 Use the BFG!");
        rows[2].Should().Equal("514", "0", "0", "", "", "", Rfc3164Examples.Example4Original[3..]);
        rows[3].Should().Equal("514", "16", "5", "May 27 12:00:00", "10.0.0.2", "MTA", "May 27 12:00:00 10.0.0.2 MTA[4491]: <4000950500> Provisioning complete");
        Tshark.Fields(pcap, "frame.number", "syslog.msgid")[3].Should().Equal("4", "[4491]: <4000950500> Provisioning complete");
    }

    [Fact]
    public void A_packet_without_PRI_decodes_without_facility_or_level()
    {
        var m = SyslogMessage.Decode(Encoding.ASCII.GetBytes(Rfc3164Examples.Example2Original));
        string pcap = Tshark.PcapOfUdp((m.Encode(), Device, Collector));
        Tshark.Problems(pcap).Should().BeEmpty(Tshark.Verbose(pcap));
        Tshark.Fields(pcap, "syslog.facility", "syslog.level", "syslog.msg").Single().Should().Equal("", "", "Use the BFG!");
    }
}
