using System.Net;
using System.Text;
using EUeConformance.Protocols.Snmp.Usm;

namespace EUeConformance.Protocols.Snmp.Engine;

/// <summary>
/// Where and how to send confirmed requests or notifications (RFC 3413 §4.1's target address and
/// parameters in one): the endpoint, the message version and security (a community for v1/v2c;
/// USM credentials and a level for v3), the context, and the retransmission policy (RFC 3413 §3.1:
/// the application decides timeouts and retries).
/// </summary>
public sealed record SnmpTarget
{
    public required IPEndPoint EndPoint { get; init; }
    public SnmpVersion Version { get; init; } = SnmpVersion.V2c;
    public string Community { get; init; } = "public";
    public UsmCredentials? Credentials { get; init; }
    public UsmSecurityLevel SecurityLevel { get; init; } = UsmSecurityLevel.NoAuthNoPriv;
    public string ContextName { get; init; } = "";
    /// <summary>How long to wait for each attempt's answer.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(2);
    /// <summary>Retransmissions after the first attempt.</summary>
    public int Retries { get; init; } = 2;
    /// <summary>max-repetitions of the GetBulk a walk sends.</summary>
    public int MaxRepetitions { get; init; } = 16;

    public byte[] ContextNameBytes => Encoding.UTF8.GetBytes(ContextName);

    public static SnmpTarget V1(IPEndPoint endPoint, string community) => new() { EndPoint = endPoint, Version = SnmpVersion.V1, Community = community };
    public static SnmpTarget V2c(IPEndPoint endPoint, string community) => new() { EndPoint = endPoint, Version = SnmpVersion.V2c, Community = community };

    /// <summary>An SNMPv3 target at the credentials' highest level unless another is given.</summary>
    public static SnmpTarget V3(IPEndPoint endPoint, UsmCredentials credentials, UsmSecurityLevel? level = null) =>
        new() { EndPoint = endPoint, Version = SnmpVersion.V3, Credentials = credentials, SecurityLevel = level ?? credentials.MaxSecurityLevel };

    public override string ToString() => Version == SnmpVersion.V3
        ? $"SNMPv3 {Credentials?.UserName} {SecurityLevel} at {EndPoint}"
        : $"SNMP{(Version == SnmpVersion.V1 ? "v1" : "v2c")} \"{Community}\" at {EndPoint}";
}
