using EUeConformance.Protocols.Time;
using EUeConformance.Protocols.Wire;
using FluentAssertions;
using Xunit;

namespace EUeConformance.Tests.Protocols.Time;

/// <summary>RFC 868's examples, the 2036 wrap, and the request.</summary>
public class TimeProtocolVectorTests
{
    static DateTimeOffset Utc(int y, int mo, int d, int h = 0, int mi = 0, int s = 0) => new(y, mo, d, h, mi, s, TimeSpan.Zero);

    // RFC 868, "The Time": "the time 2,208,988,800 corresponds to 00:00 1 Jan 1970 GMT, 2,398,291,200 corresponds
    // to 00:00 1 Jan 1976 GMT, 2,524,521,600 corresponds to 00:00 1 Jan 1980 GMT, 2,629,584,000 corresponds to
    // 00:00 1 May 1983 GMT".
    [Theory]
    [InlineData(2_208_988_800u, 1970, 1, 1)]
    [InlineData(2_398_291_200u, 1976, 1, 1)]
    [InlineData(2_524_521_600u, 1980, 1, 1)]
    [InlineData(2_629_584_000u, 1983, 5, 1)]
    public void RFC_868_examples_convert_both_ways(uint seconds, int year, int month, int day)
    {
        var m = new TimeProtocolMessage(seconds);
        m.ToDateTimeOffset().Should().Be(Utc(year, month, day));
        TimeProtocolMessage.FromDateTimeOffset(Utc(year, month, day)).Should().Be(m);
        TimeProtocolMessage.Decode(m.Encode()).Should().Be(m);
    }

    [Fact]
    public void RFC_868_s_negative_example_for_1858_is_the_same_bits_in_the_era_before_1900()
    {
        // RFC 868: "-1,297,728,000 corresponds to 00:00 17 Nov 1858 GMT". On the wire that is 2^32 - 1,297,728,000.
        var m = TimeProtocolMessage.FromDateTimeOffset(Utc(1858, 11, 17));
        m.Seconds.Should().Be(unchecked((uint)-1_297_728_000));
        m.Seconds.Should().Be(2_997_239_296u);
        m.ToDateTimeOffset(era: -1).Should().Be(Utc(1858, 11, 17));
        m.ToDateTimeOffset().Should().Be(Utc(1994, 12, 24, 6, 28, 16), "without a hint the RFC 4330 window reads it in 1968-2036");
        m.ToDateTimeOffsetNear(Utc(1860, 1, 1)).Should().Be(Utc(1858, 11, 17));
    }

    [Fact]
    public void The_value_for_1970_is_83_AA_7E_80_on_the_wire()
    {
        new TimeProtocolMessage(2_208_988_800).Encode().Should().Equal(0x83, 0xAA, 0x7E, 0x80);
        TimeProtocolMessage.Decode([0x83, 0xAA, 0x7E, 0x80]).ToUnixSecondsEra0().Should().Be(0);
    }

    [Fact]
    public void The_count_wraps_on_7_February_2036_and_the_top_bit_tells_the_era()
    {
        // 2^32 s after 1900-01-01T00:00:00Z is 2036-02-07T06:28:16Z. RFC 4330 §3: top bit set, 1900 era; clear, 2036 era.
        new TimeProtocolMessage(uint.MaxValue).ToDateTimeOffset().Should().Be(Utc(2036, 2, 7, 6, 28, 15));
        new TimeProtocolMessage(0).ToDateTimeOffset().Should().Be(Utc(2036, 2, 7, 6, 28, 16));
        new TimeProtocolMessage(0x7FFF_FFFF).ToDateTimeOffset().Should().Be(Utc(2104, 2, 26, 9, 42, 23));
        new TimeProtocolMessage(0x8000_0000).ToDateTimeOffset().Should().Be(Utc(1968, 1, 20, 3, 14, 8));
        new TimeProtocolMessage(0).ToDateTimeOffset(era: 0).Should().Be(TimeProtocolMessage.Epoch);
        TimeProtocolMessage.FromDateTimeOffset(Utc(2036, 2, 7, 6, 28, 16)).Seconds.Should().Be(0);
        TimeProtocolMessage.FromDateTimeOffset(Utc(2040, 1, 1)).ToDateTimeOffset().Should().Be(Utc(2040, 1, 1));
    }

    [Fact]
    public void Near_a_reference_the_era_is_the_one_within_68_years()
    {
        var justAfterWrap = new TimeProtocolMessage(5);
        justAfterWrap.ToDateTimeOffsetNear(Utc(2036, 2, 7)).Should().Be(Utc(2036, 2, 7, 6, 28, 21));
        new TimeProtocolMessage(uint.MaxValue - 4).ToDateTimeOffsetNear(Utc(2036, 2, 8)).Should().Be(Utc(2036, 2, 7, 6, 28, 11));
        new TimeProtocolMessage(2_208_988_800).ToDateTimeOffsetNear(Utc(2010, 5, 27)).Should().Be(Utc(1970, 1, 1));
    }

    [Fact]
    public void Sub_seconds_are_dropped_toward_the_past()
    {
        TimeProtocolMessage.FromDateTimeOffset(Utc(1970, 1, 1).AddMilliseconds(999)).Seconds.Should().Be(2_208_988_800u);
        TimeProtocolMessage.FromDateTimeOffset(Utc(1900, 1, 1).AddMilliseconds(-1)).Seconds.Should().Be(uint.MaxValue);
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(3, 0)]
    [InlineData(5, 4)]
    [InlineData(8, 4)]
    public void A_reply_of_other_than_four_bytes_is_refused(int length, int offset)
    {
        var e = Assert.Throws<ParseError>(() => TimeProtocolMessage.Decode(new byte[length]));
        (e.Protocol, e.Offset, e.Field).Should().Be(("time", offset, "time.time"));
    }

    [Fact]
    public void The_UDP_request_is_an_empty_datagram()
    {
        // RFC 868: "U: Send an empty datagram to port 37."
        TimeProtocolRequest.Encode().Should().BeEmpty();
        TimeProtocolRequest.Decode([]);
        var e = Assert.Throws<ParseError>(() => TimeProtocolRequest.Decode([0]));
        (e.Offset, e.Field).Should().Be((0, "time"));
    }
}
