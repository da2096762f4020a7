namespace EUeConformance.Protocols.Snmp.Usm;

/// <summary>What a non-authoritative engine learnt about an authoritative one from a Report (RFC 3414 §4).</summary>
/// <param name="EngineId">The authoritative snmpEngineID (from msgAuthoritativeEngineID).</param>
/// <param name="EngineTime">Its boots and time: authentic (from an authenticated notInTimeWindow Report, step 7b) or a hint (from an unauthenticated Report).</param>
/// <param name="Authentic">Whether <paramref name="EngineTime"/> came from an authenticated message.</param>
public sealed record UsmDiscoveryResult(byte[] EngineId, UsmEngineTimeNotion EngineTime, bool Authentic);

/// <summary>
/// RFC 3414 §4 Discovery as pure decisions. A non-authoritative engine that does not know the
/// authoritative snmpEngineID sends a noAuthNoPriv request with an empty msgAuthoritativeEngineID
/// and msgUserName and an empty varBindList; the authoritative engine answers with a Report of
/// usmStatsUnknownEngineIDs whose msgAuthoritativeEngineID is its snmpEngineID. For authenticated
/// traffic the non-authoritative engine then sends an authenticated request with boots and time 0,
/// and the (authenticated) Report of usmStatsNotInTimeWindows carries the current boots and time.
/// </summary>
public static class UsmDiscovery
{
    /// <summary>The security parameters of a discovery probe: everything empty or zero (§4).</summary>
    public static UsmSecurityParameters ProbeParameters() => new([], 0, 0, [], [], []);

    /// <summary>Does this request ask for discovery? (An empty msgAuthoritativeEngineID: §3.2 step 3 then reports unknownEngineID.)</summary>
    public static bool IsProbe(UsmSecurityParameters parameters) => parameters.AuthoritativeEngineId.Length == 0;

    /// <summary>
    /// The security parameters of this engine's noAuthNoPriv Report to a request that failed with
    /// <paramref name="status"/> at a level that cannot be authenticated: its own snmpEngineID, boots and
    /// time (§3.1 step 3: the authoritative engine's values), the request's msgUserName, no auth or priv parameters.
    /// For notInTimeWindow the Report is authenticated instead (§3.2 step 7a): use <see cref="UsmOutgoing.Prepare"/> with the user.
    /// </summary>
    public static UsmSecurityParameters ReportParameters(UsmLocalEngine localEngine, UsmSecurityParameters request) =>
        new(localEngine.EngineId, localEngine.Boots, localEngine.Time, request.UserName, [], []);

    /// <summary>
    /// What a received Report teaches (§4). <paramref name="reportedCounterOid"/> is the OID of the
    /// Report's first varbind; <paramref name="incoming"/> is what <see cref="UsmIncoming.Process"/>
    /// returned for the Report when it was authenticated (null for a noAuthNoPriv Report). Null when the
    /// Report is not a discovery answer (another counter, or an empty engine ID).
    /// </summary>
    public static UsmDiscoveryResult? LearnFromReport(UsmSecurityParameters report, string reportedCounterOid, UsmIncomingResult? incoming = null)
    {
        if (report.AuthoritativeEngineId.Length == 0) return null;
        var counter = UsmStatsCounters.FromOid(reportedCounterOid);
        var hint = new UsmEngineTimeNotion(report.AuthoritativeEngineBoots, report.AuthoritativeEngineTime, report.AuthoritativeEngineTime);
        if (counter == UsmStatsCounters.UnknownEngineIds)
            return new UsmDiscoveryResult(report.AuthoritativeEngineId, hint, Authentic: false);
        if (counter == UsmStatsCounters.NotInTimeWindows)
        {
            // Authentic only if the Report passed the MAC check; step 7b then updated the notion to the Report's values.
            if (incoming?.EngineTime is { } learnt && incoming.User is not null)
                return new UsmDiscoveryResult(report.AuthoritativeEngineId, learnt, Authentic: true);
            return new UsmDiscoveryResult(report.AuthoritativeEngineId, hint, Authentic: false);
        }
        return null;
    }
}
