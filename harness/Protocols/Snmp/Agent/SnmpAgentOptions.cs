using EUeConformance.Protocols.Snmp.Usm;

namespace EUeConformance.Protocols.Snmp.Agent;

/// <summary>Who may talk to the agent, and how much it answers.</summary>
public sealed record SnmpAgentOptions
{
    /// <summary>SNMPv1/v2c communities and what each may do (RFC 3584 §5.1 maps a community to a security name and view; here to an access).</summary>
    public IReadOnlyDictionary<string, SnmpAccess> Communities { get; init; } = new Dictionary<string, SnmpAccess>();
    /// <summary>Message versions the agent answers; others are dropped (snmpInBadVersions).</summary>
    public IReadOnlySet<SnmpVersion> Versions { get; init; } = new HashSet<SnmpVersion> { SnmpVersion.V1, SnmpVersion.V2c, SnmpVersion.V3 };
    /// <summary>What each USM user may do; a user not listed reads and writes.</summary>
    public IReadOnlyDictionary<string, SnmpAccess> UserAccess { get; init; } = new Dictionary<string, SnmpAccess>();
    /// <summary>The lowest securityLevel a v3 request may use (a VACM-style minimum; below it the agent answers authorizationError, RFC 3416 §4.2.5 / RFC 3415).</summary>
    public UsmSecurityLevel MinimumSecurityLevel { get; init; } = UsmSecurityLevel.NoAuthNoPriv;
    /// <summary>The largest v1/v2c Response the agent sends (v3 also honours the request's msgMaxSize).</summary>
    public int MaxMessageSize { get; init; } = 65507;
    /// <summary>How strictly requests are decoded; RFC 3417 §8 lets a peer use longer-than-minimal lengths.</summary>
    public SnmpDecodeOptions Decode { get; init; } = SnmpDecodeOptions.Rfc3417;
    /// <summary>The notification originator's awaits resume on the caller's context: for an agent living on a fabric's actor context (a simulated device).</summary>
    public bool ContinueOnCapturedContext { get; init; }
}
