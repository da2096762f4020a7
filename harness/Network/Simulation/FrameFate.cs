using EUeConformance.Network.Fabric;

namespace EUeConformance.Network.Simulation;

/// <summary>
/// What a link's impairments do to one frame: lose it, or deliver it once or twice, each copy after
/// its own delay, possibly held back behind the next frame. Drawn from the fabric's seeded random
/// source in a fixed order (drop predicate, loss, duplication, reordering, then one delay per copy),
/// so the same seed and traffic give the same fates.
/// </summary>
internal sealed record FrameFate(bool Lost, bool HeldBack, IReadOnlyList<TimeSpan> CopyDelays)
{
    public static readonly FrameFate Intact = new(false, false, [TimeSpan.Zero]);
    static readonly FrameFate Gone = new(true, false, []);

    public static FrameFate Draw(LinkImpairments impairments, CapturedFrame frame, Random random)
    {
        if (ReferenceEquals(impairments, LinkImpairments.None)) return Intact;
        if (impairments.Drop?.Invoke(frame) == true) return Gone;
        if (Chance(impairments.LossProbability, random)) return Gone;
        bool duplicated = Chance(impairments.DuplicationProbability, random);
        bool heldBack = Chance(impairments.ReorderProbability, random);
        var delays = new List<TimeSpan> { Delay(impairments, random) };
        if (duplicated) delays.Add(Delay(impairments, random));
        return new FrameFate(false, heldBack, delays);
    }

    /// <summary>A stream's segments: the transport repairs loss, duplication and reordering, so only the fixed delay shows.</summary>
    public static FrameFate Reliable(LinkImpairments impairments) =>
        impairments.Delay <= TimeSpan.Zero ? Intact : new FrameFate(false, false, [impairments.Delay]);

    // A probability of zero draws nothing: impairments left off consume no randomness.
    static bool Chance(double probability, Random random) => probability > 0 && random.NextDouble() < probability;

    /// <summary>The delay, plus or minus up to the jitter (uniform), never negative; whole ticks, so it is exact.</summary>
    static TimeSpan Delay(LinkImpairments impairments, Random random)
    {
        var delay = impairments.Delay;
        if (impairments.Jitter > TimeSpan.Zero)
            delay += TimeSpan.FromTicks((long)Math.Round(impairments.Jitter.Ticks * (2 * random.NextDouble() - 1)));
        return delay < TimeSpan.Zero ? TimeSpan.Zero : delay;
    }
}
