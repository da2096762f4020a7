namespace EUeConformance.Device.Ecm;

/// <summary>What happened to the eCM's time of day.</summary>
public enum NetworkTimeChange
{
    /// <summary>The eCM obtained ToD for the first time since it started.</summary>
    Acquired,
    /// <summary>The eCM's ToD changed: another ToD server, or another time offset (EUE-PROV 6.3.2.3 ¶9).</summary>
    Changed,
}

/// <summary>
/// The time of day the eCM learned from its ToD server (RFC 868) and time offset (DHCPv4 option 2 /
/// CL_OPTION_TIME_OFFSET), which the eUE takes from the eCM (EUE-PROV 6.2.8.2, 6.3.2.3). Until it is
/// obtained, <see cref="Obtained"/> is false and the eUE's Secure flow waits.
/// </summary>
public sealed class NetworkTime(TimeProvider clock)
{
    TimeSpan _correction;

    public bool Obtained { get; private set; }
    /// <summary>Seconds east of UTC from the eCM's DHCP time offset, when given.</summary>
    public int? UtcOffsetSeconds { get; private set; }
    /// <summary>The ToD server the time came from.</summary>
    public System.Net.IPAddress? Server { get; private set; }

    public event Action<NetworkTimeChange>? Changed;

    /// <summary>UTC as the network says it is now (the local clock corrected by the last ToD reading).</summary>
    public DateTimeOffset UtcNow => clock.GetUtcNow() + _correction;

    public void Set(DateTimeOffset serverTime, System.Net.IPAddress server, int? utcOffsetSeconds)
    {
        bool first = !Obtained;
        bool changed = !first && (!Equals(server, Server) || utcOffsetSeconds != UtcOffsetSeconds);
        _correction = serverTime - clock.GetUtcNow();
        Server = server;
        UtcOffsetSeconds = utcOffsetSeconds;
        Obtained = true;
        if (first) Changed?.Invoke(NetworkTimeChange.Acquired);
        else if (changed) Changed?.Invoke(NetworkTimeChange.Changed);
    }

    public void Reset()
    {
        Obtained = false;
        Server = null;
        UtcOffsetSeconds = null;
        _correction = TimeSpan.Zero;
    }
}
