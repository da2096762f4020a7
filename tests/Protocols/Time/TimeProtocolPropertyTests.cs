using EUeConformance.Protocols.Time;
using EUeConformance.Tests.Support;
using FluentAssertions;
using FsCheck;
using FsCheck.Fluent;
using Xunit;

namespace EUeConformance.Tests.Protocols.Time;

public class TimeProtocolPropertyTests
{
    static readonly Gen<uint> AnyUInt = Gen.Choose(0, 0xFFFF).SelectMany(hi => Gen.Choose(0, 0xFFFF).Select(lo => (uint)hi << 16 | (uint)lo));

    // Instants as whole seconds from 1900 plus sub-second ticks, spanning 1700 to 2200.
    static Gen<DateTimeOffset> Instant(long fromSeconds, long toSeconds) =>
        from hi in Gen.Choose(0, 1 << 20)
        from lo in Gen.Choose(0, 1 << 20)
        from ticks in Gen.Choose(0, (int)TimeSpan.TicksPerSecond - 1)
        let span = toSeconds - fromSeconds
        let s = fromSeconds + (((long)hi << 20 | (long)lo) % span)
        select TimeProtocolMessage.Epoch.AddTicks(s * TimeSpan.TicksPerSecond + ticks);

    static DateTimeOffset Floor(DateTimeOffset t) => t.AddTicks(-(((t - TimeProtocolMessage.Epoch).Ticks % TimeSpan.TicksPerSecond + TimeSpan.TicksPerSecond) % TimeSpan.TicksPerSecond));

    [Fact]
    public void Every_value_decodes_from_its_encoding() =>
        Prop.ForAll(AnyUInt.ToArbitrary(), v => TimeProtocolMessage.Decode(new TimeProtocolMessage(v).Encode()).Seconds == v).QuickCheckThrowOnFailure();

    [Fact]
    public void Every_value_maps_into_the_RFC_4330_window_and_back()
    {
        var windowStart = new DateTimeOffset(1968, 1, 20, 3, 14, 8, TimeSpan.Zero);
        Prop.ForAll(AnyUInt.ToArbitrary(), v =>
        {
            var t = new TimeProtocolMessage(v).ToDateTimeOffset();
            return t >= windowStart && t < windowStart.AddSeconds(TimeProtocolMessage.SecondsPerEra)
                && TimeProtocolMessage.FromDateTimeOffset(t).Seconds == v;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void An_instant_within_68_years_of_a_reference_comes_back_to_the_second()
    {
        var instants = Instant(-200L * 365 * 86400, 300L * 365 * 86400);
        var pairs = from t in instants
                    from offset in Gen.Choose(-(int.MaxValue - 1), int.MaxValue - 1)
                    select (Instant: t, Reference: t.AddSeconds(offset));
        Prop.ForAll(pairs.ToArbitrary(), p =>
            TimeProtocolMessage.FromDateTimeOffset(p.Instant).ToDateTimeOffsetNear(p.Reference) == Floor(p.Instant)).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void A_hundred_thousand_mutated_replies_raise_nothing_but_ParseError()
    {
        var seeds = new List<byte[]> { new TimeProtocolMessage(2_208_988_800).Encode(), new TimeProtocolMessage(3_484_036_800).Encode(), Array.Empty<byte>() };
        var findings = Fuzzer.Run(seeds, bytes =>
        {
            var m = TimeProtocolMessage.Decode(bytes);
            m.ToDateTimeOffset();
            m.ToDateTimeOffsetNear(DateTimeOffset.UnixEpoch);
        }, iterations: 100_000);
        findings.Should().BeEmpty(string.Join("\n", findings.Select(f => $"{Convert.ToHexString(f.Input)}: {f.Exception}")));
    }
}
