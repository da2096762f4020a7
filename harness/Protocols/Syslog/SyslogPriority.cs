namespace EUeConformance.Protocols.Syslog;

/// <summary>
/// Syslog facilities, numbered as RFC 3164 §4.1.1 and named as PKTC-EVENT-MIB's pktcDevEventDescrFacility
/// (kernel(0) … local7(23)). PacketCable events use local0 (PKTC-EVENT-MIB: "For PacketCable events this
/// MUST be set to local0(16)").
/// </summary>
public enum SyslogFacility : byte
{
    Kernel = 0, User = 1, Mail = 2, Daemon = 3, Auth = 4, Syslog = 5, Lpr = 6, News = 7,
    Uucp = 8, Cron = 9, AuthPriv = 10, Ftp = 11, Ntp = 12, Security = 13, Console = 14, ClockDaemon = 15,
    Local0 = 16, Local1 = 17, Local2 = 18, Local3 = 19, Local4 = 20, Local5 = 21, Local6 = 22, Local7 = 23,
}

/// <summary>Severities (RFC 3164 §4.1.1), named as pktcDevEventDescrLevel: emergency(0) … debug(7).</summary>
public enum SyslogSeverity : byte
{
    Emergency = 0, Alert = 1, Critical = 2, Error = 3, Warning = 4, Notice = 5, Info = 6, Debug = 7,
}

/// <summary>The PRI value: facility × 8 + severity (RFC 3164 §4.1.1), 0 to 191.</summary>
public readonly record struct SyslogPriority(SyslogFacility Facility, SyslogSeverity Severity)
{
    public const int MaxValue = 23 * 8 + 7;

    public int Value => (int)Facility * 8 + (int)Severity;

    public static SyslogPriority FromValue(int value) =>
        value is >= 0 and <= MaxValue
            ? new SyslogPriority((SyslogFacility)(value >> 3), (SyslogSeverity)(value & 7))
            : throw new ArgumentOutOfRangeException(nameof(value), $"a PRI value lies in 0..{MaxValue}");

    /// <summary>A PacketCable management event of the given level: facility local0, so PRI = 128 + level.</summary>
    public static SyslogPriority PacketCable(SyslogSeverity level) => new(SyslogFacility.Local0, level);

    public override string ToString() => $"<{Value}>";
}
