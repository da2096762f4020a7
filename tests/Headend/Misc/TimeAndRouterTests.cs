using System.Net;
using EUeConformance.Headend.Overrides;
using EUeConformance.Headend.Servers.Time;
using EUeConformance.Network.Time;
using EUeConformance.Protocols.Time;
using FluentAssertions;
using Xunit;

namespace EUeConformance.Tests.Headend.Misc;

/// <summary>The eCM's ToD server (EUE-PROV 6.2.8.2, RFC 868).</summary>
public sealed class TimeOfDayTests
{
    static readonly IPEndPoint Client = new(IPAddress.Parse("192.0.2.10"), 37000);

    [Fact]
    public void The_answer_is_the_fabric_clock_in_seconds_since_1900()
    {
        var clock = new VirtualClock(new DateTimeOffset(2010, 5, 27, 0, 0, 0, TimeSpan.Zero));
        var time = new TodResponder(clock).Decide(Client).Replies.Single().Message;
        time.ToDateTimeOffset().Should().Be(new DateTimeOffset(2010, 5, 27, 0, 0, 0, TimeSpan.Zero));
        clock.Advance(TimeSpan.FromSeconds(90));
        new TodResponder(clock).Decide(Client).Replies.Single().Message.Seconds.Should().Be(time.Seconds + 90);
    }

    [Fact]
    public void A_skewed_server_changes_the_time_of_day_6_3_2_3()
    {
        var clock = new VirtualClock();
        var tod = new TodResponder(clock) { Skew = TimeSpan.FromHours(1) };
        tod.Decide(Client).Replies.Single().Message.ToDateTimeOffset().Should().Be(clock.GetUtcNow().AddHours(1));
    }

    [Fact]
    public void A_silent_ToD_server_is_the_Secure_flow_without_time_6_3_2_3()
    {
        var tod = new TodResponder(new VirtualClock());
        tod.Overrides.Add(Override.Silence());
        tod.Decide(Client).IsSilent.Should().BeTrue();
    }
}
