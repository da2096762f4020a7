using System.Text;
using EUeConformance.Protocols.Syslog;
using EUeConformance.Protocols.Wire;
using FluentAssertions;
using Xunit;

namespace EUeConformance.Tests.Protocols.Syslog;

/// <summary>What the decoder refuses (little: RFC 3164 §4.3 takes almost anything), and what the encoder refuses to send.</summary>
public class SyslogMalformedTests
{
    [Fact]
    public void An_empty_packet_is_refused_at_offset_0()
    {
        var e = Assert.Throws<ParseError>(() => SyslogMessage.Decode([]));
        (e.Protocol, e.Offset, e.Field).Should().Be(("syslog", 0, "syslog.msg"));
    }

    [Fact]
    public void A_packet_over_1024_bytes_is_refused_at_byte_1024()
    {
        // RFC 3164 §4.1: "The total length of the packet MUST be 1024 bytes or less."
        var packet = Encoding.ASCII.GetBytes("<133>Feb  5 17:32:18 eue1 " + new string('x', 1024 - 26));
        SyslogMessage.Decode(packet).Encode().Should().Equal(packet);
        var e = Assert.Throws<ParseError>(() => SyslogMessage.Decode([.. packet, (byte)'x']));
        (e.Offset, e.Field).Should().Be((1024, "syslog.msg"));
    }

    [Fact]
    public void The_encoder_refuses_a_header_it_could_not_send_as_such()
    {
        var ts = new Rfc3164Timestamp(2, 5, 17, 32, 18);
        var pri = SyslogPriority.PacketCable(SyslogSeverity.Notice);
        // HEADER without PRI, HOSTNAME without TIMESTAMP, HOSTNAME with a space.
        Assert.Throws<InvalidOperationException>(() => new SyslogMessage(null, ts, "h", "x").Encode());
        Assert.Throws<InvalidOperationException>(() => new SyslogMessage(pri, null, "h", "x").Encode());
        Assert.Throws<ArgumentException>(() => new SyslogMessage(pri, ts, "a b", "x").Encode());
        // A MSG that would read back as the HEADER parts the message lacks.
        Assert.Throws<InvalidOperationException>(() => new SyslogMessage(pri, ts, null, "Use the BFG!").Encode());
        Assert.Throws<InvalidOperationException>(() => new SyslogMessage(pri, null, null, "Feb  5 17:32:18 h x").Encode());
        Assert.Throws<InvalidOperationException>(() => new SyslogMessage(null, null, null, "<13>x").Encode());
        // Nothing at all, and too much.
        Assert.Throws<InvalidOperationException>(() => new SyslogMessage(null, null, null, "").Encode());
        Assert.Throws<InvalidOperationException>(() => new SyslogMessage(pri, ts, "h", new string('x', 1010)).Encode());
    }
}
