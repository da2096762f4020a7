using System.Text;
using EUeConformance.Protocols.Syslog;
using FluentAssertions;
using Xunit;
using static EUeConformance.Tests.Protocols.Syslog.Rfc3164Examples;

namespace EUeConformance.Tests.Protocols.Syslog;

/// <summary>RFC 3164 §5.4's examples decode to the parts the RFC describes, re-encode to the same bytes, and relay as the RFC shows.</summary>
public class SyslogVectorTests
{
    static SyslogMessage Decode(string packet) => SyslogMessage.Decode(Encoding.ASCII.GetBytes(packet));

    [Fact]
    public void Example_1_is_auth_crit_from_mymachine_with_the_tag_su()
    {
        // RFC 3164 §5.4: "the Facility is 4, the Severity is 2 ... PRI is 34 ... TIMESTAMP Oct 11 22:14:15, HOSTNAME mymachine, TAG su".
        var m = Decode(Example1);
        m.Layout.Should().Be(Rfc3164Layout.Complete);
        m.Priority.Should().Be(new SyslogPriority(SyslogFacility.Auth, SyslogSeverity.Critical));
        m.Priority!.Value.Value.Should().Be(34);
        m.Timestamp.Should().Be(new Rfc3164Timestamp(10, 11, 22, 14, 15));
        m.Hostname.Should().Be("mymachine");
        m.MsgText.Should().Be("su: 'su root' failed for lonvick on /dev/pts/8");
        m.Tag.Should().Be(new SyslogTag("su", null, "'su root' failed for lonvick on /dev/pts/8"));
        Encoding.ASCII.GetString(m.Encode()).Should().Be(Example1);
    }

    [Fact]
    public void Example_2_without_PRI_is_relayed_with_PRI_13_and_the_relay_s_timestamp_and_address()
    {
        var original = Decode(Example2Original);
        original.Layout.Should().Be(Rfc3164Layout.MissingPri);
        original.Priority.Should().BeNull();
        original.MsgText.Should().Be("Use the BFG!");
        original.Tag.Should().BeNull("the first word ends in a space, so there is no TAG");
        // RFC 3164 §4.3.3: the relay adds PRI 13 (user.notice), its TIMESTAMP and HOSTNAME.
        var relayed = original.Relayed(new Rfc3164Timestamp(2, 5, 17, 32, 18), "10.0.0.99");
        Encoding.ASCII.GetString(relayed.Encode()).Should().Be(Example2Relayed);

        var m = Decode(Example2Relayed);
        m.Should().Be(relayed);
        m.Priority.Should().Be(new SyslogPriority(SyslogFacility.User, SyslogSeverity.Notice));
        m.Timestamp!.Value.ToString().Should().Be("Feb  5 17:32:18", "days below 10 are padded with a space");
        m.Hostname.Should().Be("10.0.0.99");
    }

    [Fact]
    public void Example_3_reads_CST_as_the_hostname_as_any_RFC_3164_reader_must()
    {
        // The PRI and TIMESTAMP are valid (§4.3.1), so the word after the TIMESTAMP is the HOSTNAME: "CST".
        var m = Decode(Example3);
        m.Layout.Should().Be(Rfc3164Layout.Complete);
        m.Priority.Should().Be(new SyslogPriority(SyslogFacility.Local4, SyslogSeverity.Notice));
        m.Priority!.Value.Value.Should().Be(165);
        m.Timestamp.Should().Be(new Rfc3164Timestamp(8, 24, 5, 34, 0));
        m.Hostname.Should().Be("CST");
        m.MsgText.Should().StartWith("1987 mymachine myproc[10]: %% It's time");
        m.Relayed(new Rfc3164Timestamp(1, 1, 0, 0, 0), "relay").Should().BeSameAs(m, "§4.3.1: a valid PRI and TIMESTAMP pass unchanged");
        Encoding.ASCII.GetString(m.Encode()).Should().Be(Example3);
    }

    [Fact]
    public void Example_4_with_an_invalid_timestamp_is_relayed_with_the_relay_s_header_inserted()
    {
        var original = Decode(Example4Original);
        original.Layout.Should().Be(Rfc3164Layout.MissingTimestamp);
        original.Priority.Should().Be(new SyslogPriority(SyslogFacility.Kernel, SyslogSeverity.Emergency));
        original.MsgText.Should().Be(Example4Original[3..]);
        // RFC 3164 §4.3.2: the relay "scapegoat" inserts its TIMESTAMP and HOSTNAME after the PRI.
        var relayed = original.Relayed(new Rfc3164Timestamp(10, 22, 10, 52, 12), "scapegoat");
        Encoding.ASCII.GetString(relayed.Encode()).Should().Be(Example4Relayed);
        Decode(Example4Relayed).Should().Be(relayed);
    }

    [Fact]
    public void Every_example_re_encodes_to_its_own_bytes()
    {
        foreach (var packet in All)
            Encoding.ASCII.GetString(Decode(packet).Encode()).Should().Be(packet);
    }

    [Theory]
    [InlineData("<0>", 0, SyslogFacility.Kernel, SyslogSeverity.Emergency)]
    [InlineData("<7>", 7, SyslogFacility.Kernel, SyslogSeverity.Debug)]
    [InlineData("<128>", 128, SyslogFacility.Local0, SyslogSeverity.Emergency)]
    [InlineData("<133>", 133, SyslogFacility.Local0, SyslogSeverity.Notice)]
    [InlineData("<191>", 191, SyslogFacility.Local7, SyslogSeverity.Debug)]
    public void PRI_is_facility_times_8_plus_severity(string pri, int value, SyslogFacility facility, SyslogSeverity severity)
    {
        var m = Decode(pri + "Oct  1 00:00:00 h x");
        m.Priority.Should().Be(new SyslogPriority(facility, severity));
        m.Priority!.Value.Value.Should().Be(value);
        SyslogPriority.FromValue(value).ToString().Should().Be(pri);
    }

    [Fact]
    public void PacketCable_events_use_local0_so_the_PRI_is_128_plus_the_level()
    {
        // PKTC-EVENT-MIB pktcDevEventDescrFacility: "For PacketCable events this MUST be set to local0(16)".
        Enum.GetValues<SyslogSeverity>().Select(l => SyslogPriority.PacketCable(l).Value).Should().Equal(128, 129, 130, 131, 132, 133, 134, 135);
    }

    [Theory]
    [InlineData("<192>Oct 11 22:14:15 h x")]  // above local7.debug
    [InlineData("<034>Oct 11 22:14:15 h x")]  // leading zero: undefined in RFC 3164, forbidden by RFC 5424 §6.2.1
    [InlineData("<1234>Oct 11 22:14:15 h x")] // more than three digits
    [InlineData("<>Oct 11 22:14:15 h x")]
    [InlineData("<34 Oct 11 22:14:15 h x")]
    [InlineData("34>Oct 11 22:14:15 h x")]
    [InlineData("<")]
    public void An_unidentifiable_PRI_makes_the_whole_packet_MSG_as_RFC_3164_4_3_3_says(string packet)
    {
        var m = Decode(packet);
        m.Layout.Should().Be(Rfc3164Layout.MissingPri);
        m.MsgText.Should().Be(packet);
        m.Timestamp.Should().BeNull();
        Encoding.ASCII.GetString(m.Encode()).Should().Be(packet);
    }

    [Theory]
    [InlineData("<13>Feb 05 17:32:18 host x")]   // day padded with a zero, not a space (§4.1.2)
    [InlineData("<13>feb  5 17:32:18 host x")]   // month not capitalised
    [InlineData("<13>Feb  5 24:00:00 host x")]
    [InlineData("<13>Feb 30 17:32:18 host x")]
    [InlineData("<13>Feb  5 17:32:18")]          // no space after the TIMESTAMP
    [InlineData("<13>2003-10-11T22:14:15.003Z host x")]
    [InlineData("<13>")]
    public void A_missing_or_invalid_timestamp_is_reported_and_the_rest_is_MSG(string packet)
    {
        var m = Decode(packet);
        m.Layout.Should().Be(Rfc3164Layout.MissingTimestamp);
        m.Priority!.Value.Value.Should().Be(13);
        m.MsgText.Should().Be(packet[4..]);
        Encoding.ASCII.GetString(m.Encode()).Should().Be(packet);
    }

    [Theory]
    [InlineData("<13>Feb  5 17:32:18 ", "")]
    [InlineData("<13>Feb  5 17:32:18 lonely", "lonely")]
    [InlineData("<13>Feb  5 17:32:18  double space", " double space")]
    public void A_missing_hostname_is_reported_where_it_can_be_told(string packet, string msg)
    {
        var m = Decode(packet);
        m.Layout.Should().Be(Rfc3164Layout.MissingHostname);
        m.Hostname.Should().BeNull();
        m.MsgText.Should().Be(msg);
        Encoding.ASCII.GetString(m.Encode()).Should().Be(packet);
    }

    [Fact]
    public void The_timestamp_prints_as_Mmm_dd_hh_mm_ss_and_reads_back()
    {
        new Rfc3164Timestamp(2, 5, 7, 3, 9).ToString().Should().Be("Feb  5 07:03:09");
        new Rfc3164Timestamp(12, 31, 23, 59, 59).ToString().Should().Be("Dec 31 23:59:59");
        Rfc3164Timestamp.TryParse("Feb  5 07:03:09", out var t).Should().BeTrue();
        t.Should().Be(new Rfc3164Timestamp(2, 5, 7, 3, 9));
        Rfc3164Timestamp.From(new DateTime(2010, 5, 27, 12, 0, 1, 999)).ToString().Should().Be("May 27 12:00:01");
        new Rfc3164Timestamp(2, 29, 0, 0, 0).InYear(2011).Should().BeNull("there is no 29 February in 2011");
        new Rfc3164Timestamp(2, 29, 0, 0, 0).InYear(2012).Should().Be(new DateTime(2012, 2, 29));
    }

    [Fact]
    public void Bytes_that_are_not_ASCII_stay_in_MSG_byte_for_byte()
    {
        byte[] packet = [.. "<133>Feb  5 17:32:18 eue "u8, 0xC3, 0xA9, 0xFF, 0x00, (byte)'!'];
        var m = SyslogMessage.Decode(packet);
        m.Msg.ToArray().Should().Equal(0xC3, 0xA9, 0xFF, 0x00, (byte)'!');
        m.MsgText.Should().Be("\u00e9\uFFFD\0!");
        m.Encode().Should().Equal(packet);
    }
}
