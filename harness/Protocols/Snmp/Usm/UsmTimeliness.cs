namespace EUeConformance.Protocols.Snmp.Usm;

/// <summary>
/// A non-authoritative engine's notion of a remote authoritative engine (RFC 3414 §2.3): its
/// snmpEngineBoots, its snmpEngineTime as estimated now (the caller advances it with its own clock,
/// see <see cref="Advance"/>), and latestReceivedEngineTime, the highest time value received in an
/// authentic message.
/// </summary>
public readonly record struct UsmEngineTimeNotion(int Boots, int Time, int LatestReceivedTime)
{
    /// <summary>
    /// A notion with nothing learnt yet (all zero): RFC 3414 §3.2 step 3 lets a non-authoritative engine
    /// create an LCD entry for an unknown engine and continue, and step 7b then adopts the first
    /// authentic boots/time it sees.
    /// </summary>
    public static UsmEngineTimeNotion Unknown => default;

    /// <summary>The estimate <paramref name="elapsedSeconds"/> later (RFC 3414 §2.3: the local notion advances with local time).</summary>
    public UsmEngineTimeNotion Advance(int elapsedSeconds)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(elapsedSeconds);
        return this with { Time = (int)Math.Min((long)Time + elapsedSeconds, UsmTimeliness.MaxValue) };
    }
}

/// <summary>The outcome of the non-authoritative timeliness check: whether in the window, and the notion after its update.</summary>
public readonly record struct UsmTimelinessResult(bool InTimeWindow, UsmEngineTimeNotion Notion);

/// <summary>
/// The Timeliness Module (RFC 3414 §3.2 step 7) as pure decisions: the caller passes the engine
/// times, no clock is read.
/// </summary>
public static class UsmTimeliness
{
    /// <summary>RFC 3414 §2.2.3: the Time Window is 150 seconds.</summary>
    public const int TimeWindowSeconds = 150;
    /// <summary>The largest snmpEngineBoots/snmpEngineTime (2147483647); boots at this value latches the engine out of every window.</summary>
    public const int MaxValue = int.MaxValue;

    /// <summary>
    /// Step 7a, the receiver is the authoritative engine (msgAuthoritativeEngineID is its own
    /// snmpEngineID). Outside the window (notInTimeWindow) when the local snmpEngineBoots is
    /// 2147483647, or msgAuthoritativeEngineBoots differs from it, or msgAuthoritativeEngineTime
    /// differs from the local snmpEngineTime by more than ±150 seconds.
    /// </summary>
    public static bool IsInTimeWindow(int localBoots, int localTime, int messageBoots, int messageTime)
    {
        if (localBoots == MaxValue) return false;
        if (messageBoots != localBoots) return false;
        return Math.Abs((long)messageTime - localTime) <= TimeWindowSeconds;
    }

    /// <summary>
    /// Step 7b, the receiver is not authoritative (e.g. a Response or Report from the eUE's engine).
    /// First the notion is updated when the message's boots is greater, or equal with a time greater
    /// than latestReceivedEngineTime (7b.1; this runs only for authentic messages, so the caller
    /// calls it only after the MAC verified). Then the message is outside the window when the
    /// notion's boots is 2147483647, the message's boots is less than it, or equal with a time more
    /// than 150 seconds less than the notion's time (7b.2). A time ahead of the notion is accepted.
    /// </summary>
    public static UsmTimelinessResult CheckNonAuthoritative(UsmEngineTimeNotion notion, int messageBoots, int messageTime)
    {
        if (messageBoots > notion.Boots || (messageBoots == notion.Boots && messageTime > notion.LatestReceivedTime))
            notion = new UsmEngineTimeNotion(messageBoots, messageTime, messageTime);
        bool outside = notion.Boots == MaxValue
            || messageBoots < notion.Boots
            || (messageBoots == notion.Boots && (long)notion.Time - messageTime > TimeWindowSeconds);
        return new UsmTimelinessResult(!outside, notion);
    }
}
