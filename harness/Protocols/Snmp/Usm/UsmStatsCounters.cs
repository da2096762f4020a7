namespace EUeConformance.Protocols.Snmp.Usm;

/// <summary>What the User-based Security Model decided about an incoming message (RFC 3414 §3.2).</summary>
public enum UsmStatus
{
    Ok = 0,
    /// <summary>§3.2 step 5: unsupportedSecurityLevel.</summary>
    UnsupportedSecurityLevel = 1,
    /// <summary>§3.2 step 7: notInTimeWindow.</summary>
    NotInTimeWindow = 2,
    /// <summary>§3.2 step 4: unknownSecurityName.</summary>
    UnknownUserName = 3,
    /// <summary>§3.2 step 3: unknownEngineID.</summary>
    UnknownEngineId = 4,
    /// <summary>§3.2 step 6: authenticationFailure.</summary>
    WrongDigest = 5,
    /// <summary>§3.2 step 8: decryptionError.</summary>
    DecryptionError = 6,
}

/// <summary>One usmStats counter (SNMP-USER-BASED-SM-MIB, RFC 3414 §5) and how its Report is sent.</summary>
/// <param name="ReportSecurityLevel">
/// The securityLevel of the Report carrying it: authNoPriv for notInTimeWindow (RFC 3414 §3.2 step 7a:
/// "the error must be reported with a securityLevel of authNoPriv"), noAuthNoPriv otherwise.
/// </param>
public sealed record UsmStatsCounter(UsmStatus Status, string Name, string Oid, UsmSecurityLevel ReportSecurityLevel);

/// <summary>The usmStats counters as a table, keyed by <see cref="UsmStatus"/>; the instance OIDs end in .0.</summary>
public static class UsmStatsCounters
{
    public static UsmStatsCounter UnsupportedSecLevels { get; } = new(UsmStatus.UnsupportedSecurityLevel, "usmStatsUnsupportedSecLevels", "1.3.6.1.6.3.15.1.1.1.0", UsmSecurityLevel.NoAuthNoPriv);
    public static UsmStatsCounter NotInTimeWindows { get; } = new(UsmStatus.NotInTimeWindow, "usmStatsNotInTimeWindows", "1.3.6.1.6.3.15.1.1.2.0", UsmSecurityLevel.AuthNoPriv);
    public static UsmStatsCounter UnknownUserNames { get; } = new(UsmStatus.UnknownUserName, "usmStatsUnknownUserNames", "1.3.6.1.6.3.15.1.1.3.0", UsmSecurityLevel.NoAuthNoPriv);
    public static UsmStatsCounter UnknownEngineIds { get; } = new(UsmStatus.UnknownEngineId, "usmStatsUnknownEngineIDs", "1.3.6.1.6.3.15.1.1.4.0", UsmSecurityLevel.NoAuthNoPriv);
    public static UsmStatsCounter WrongDigests { get; } = new(UsmStatus.WrongDigest, "usmStatsWrongDigests", "1.3.6.1.6.3.15.1.1.5.0", UsmSecurityLevel.NoAuthNoPriv);
    public static UsmStatsCounter DecryptionErrors { get; } = new(UsmStatus.DecryptionError, "usmStatsDecryptionErrors", "1.3.6.1.6.3.15.1.1.6.0", UsmSecurityLevel.NoAuthNoPriv);

    public static IReadOnlyList<UsmStatsCounter> All { get; } =
        [UnsupportedSecLevels, NotInTimeWindows, UnknownUserNames, UnknownEngineIds, WrongDigests, DecryptionErrors];

    /// <summary>The counter a status increments; null for <see cref="UsmStatus.Ok"/>.</summary>
    public static UsmStatsCounter? For(UsmStatus status) => All.FirstOrDefault(c => c.Status == status);

    /// <summary>The counter a Report's varbind names (e.g. from a Report received during discovery); null if it is not a usmStats counter.</summary>
    public static UsmStatsCounter? FromOid(string oid)
    {
        string trimmed = oid.StartsWith('.') ? oid[1..] : oid;
        return All.FirstOrDefault(c => c.Oid == trimmed || c.Oid[..^2] == trimmed);
    }
}
