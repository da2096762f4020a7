using EUeConformance.Protocols.Snmp.Usm;
using FluentAssertions;
using Xunit;

namespace EUeConformance.Tests.Protocols.Snmp.Usm;

/// <summary>RFC 3414 §3.2 step 7: the Time Window of 150 seconds, boots mismatch, boots latched at 2147483647.</summary>
public class TimelinessTests
{
    [Theory]
    [InlineData(1000, 1000, true)]
    [InlineData(1000, 1150, true)]   // +150: still inside
    [InlineData(1000, 850, true)]    // -150: still inside
    [InlineData(1000, 1151, false)]  // +151
    [InlineData(1000, 849, false)]   // -151
    [InlineData(0, 150, true)]
    [InlineData(0, 151, false)]
    [InlineData(int.MaxValue, 0, false)]
    [InlineData(0, int.MaxValue, false)]
    public void Authoritative_time_window_is_plus_minus_150_seconds(int localTime, int messageTime, bool inside)
    {
        UsmTimeliness.IsInTimeWindow(7, localTime, 7, messageTime).Should().Be(inside);
    }

    [Theory]
    [InlineData(7, 6)]
    [InlineData(7, 8)]
    [InlineData(0, 1)]
    public void Authoritative_boots_mismatch_is_outside_even_at_the_same_time(int localBoots, int messageBoots)
    {
        UsmTimeliness.IsInTimeWindow(localBoots, 500, messageBoots, 500).Should().BeFalse();
    }

    [Fact]
    public void Authoritative_boots_at_2147483647_is_outside_whatever_the_message_says()
    {
        UsmTimeliness.IsInTimeWindow(int.MaxValue, 500, int.MaxValue, 500).Should().BeFalse();
        UsmTimeliness.IsInTimeWindow(int.MaxValue - 1, 500, int.MaxValue - 1, 500).Should().BeTrue();
    }

    [Fact]
    public void Non_authoritative_accepts_time_ahead_and_adopts_it()
    {
        var notion = new UsmEngineTimeNotion(3, 1000, 990);
        var r = UsmTimeliness.CheckNonAuthoritative(notion, 3, 5000);
        r.InTimeWindow.Should().BeTrue("7b allows the remote time to be ahead of the local notion");
        r.Notion.Should().Be(new UsmEngineTimeNotion(3, 5000, 5000));
    }

    [Theory]
    [InlineData(850, true)]   // 150 s behind the notion
    [InlineData(849, false)]  // 151 s behind
    public void Non_authoritative_refuses_time_more_than_150_seconds_behind(int messageTime, bool inside)
    {
        var notion = new UsmEngineTimeNotion(3, 1000, 1000);
        var r = UsmTimeliness.CheckNonAuthoritative(notion, 3, messageTime);
        r.InTimeWindow.Should().Be(inside);
        r.Notion.Should().Be(notion, "an older time never updates the notion");
    }

    [Fact]
    public void Non_authoritative_boots_lower_is_outside_and_higher_resets_the_notion()
    {
        var notion = new UsmEngineTimeNotion(3, 1000, 1000);
        UsmTimeliness.CheckNonAuthoritative(notion, 2, 1000).InTimeWindow.Should().BeFalse();
        var reboot = UsmTimeliness.CheckNonAuthoritative(notion, 4, 12);
        reboot.InTimeWindow.Should().BeTrue();
        reboot.Notion.Should().Be(new UsmEngineTimeNotion(4, 12, 12));
    }

    [Fact]
    public void Non_authoritative_boots_at_2147483647_is_outside()
    {
        UsmTimeliness.CheckNonAuthoritative(new UsmEngineTimeNotion(3, 1000, 1000), int.MaxValue, 1000).InTimeWindow.Should().BeFalse();
    }

    [Fact]
    public void The_first_authentic_message_teaches_an_unknown_engine()
    {
        var r = UsmTimeliness.CheckNonAuthoritative(UsmEngineTimeNotion.Unknown, 9, 3600);
        r.InTimeWindow.Should().BeTrue();
        r.Notion.Should().Be(new UsmEngineTimeNotion(9, 3600, 3600));
        r.Notion.Advance(10).Should().Be(new UsmEngineTimeNotion(9, 3610, 3600));
        new UsmEngineTimeNotion(1, int.MaxValue - 1, 0).Advance(5).Time.Should().Be(int.MaxValue);
    }
}
