using EUeConformance.Protocols.Snmp;
using EUeConformance.Protocols.Snmp.Usm;

namespace EUeConformance.Headend.Database;

/// <summary>
/// How the Provisioning Server's SNMP entity (PROV_SNMP_ENTITY, EUE-PROV 6.2.5, interface pkt-eue-4) talks
/// to eUEs: the communities it accepts notifications with and uses for its own requests (SNMPv2c, the
/// Hybrid flow), the USM users it knows (SNMPv3, the Secure flow; in a real deployment their keys come from
/// Kerberized key management, eUE-13/14, which arrives with the Kerberos issue: until then they are given
/// here as passwords), the eUE's agent port, the retransmission policy, and what it does after an
/// enrollment INFORM: GET the objects listed in <see cref="Query"/> (eUE-16/17, optional) and SET the
/// configuration file's location and hash (eUE-19).
/// </summary>
public sealed record ProvisioningSnmpSettings
{
    /// <summary>Communities accepted in SNMPv1/v2c notifications (others are dropped and counted).</summary>
    public IReadOnlyList<string> NotificationCommunities { get; init; } = ["public"];

    /// <summary>The community of the server's own SNMPv2c GETs and SETs.</summary>
    public string Community { get; init; } = "private";

    /// <summary>SNMPv3 users the server accepts INFORMs from and sends its requests as (the INFORM's user).</summary>
    public IReadOnlyList<UsmUserSettings> Users { get; init; } = [];

    /// <summary>The UDP port of the eUE's SNMP agent.</summary>
    public int AgentPort { get; init; } = 161;

    /// <summary>How long each attempt of a GET or SET waits for its Response (fabric time).</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Retransmissions after the first attempt.</summary>
    public int Retries { get; init; } = 2;

    /// <summary>Send eUE-19's SET after each enrollment; false leaves it to the scenario.</summary>
    public bool SetConfigFile { get; init; } = true;

    /// <summary>Objects (instance OIDs) to GET after an enrollment, before the SET (eUE-16); empty: no GET.</summary>
    public IReadOnlyList<ObjectIdentifier> Query { get; init; } = [];

    public UsmUserSettings? FindUser(string name) => Users.FirstOrDefault(u => u.Name == name);
}

/// <summary>One SNMPv3 user as passwords (RFC 3414 A.2 turns each into a key, localized per engine).</summary>
public sealed record UsmUserSettings(string Name, UsmAuthProtocol Auth, string? AuthPassword, UsmPrivProtocol Priv, string? PrivPassword)
{
    UsmCredentials? _credentials;

    /// <summary>The credentials, computed once (the password-to-key pass digests a megabyte).</summary>
    public UsmCredentials Credentials => _credentials ??= Auth == UsmAuthProtocol.None
        ? UsmCredentials.WithoutSecurity(Name)
        : UsmCredentials.FromPasswords(Name, Auth, AuthPassword, Priv == UsmPrivProtocol.None ? null : Priv, PrivPassword);
}
