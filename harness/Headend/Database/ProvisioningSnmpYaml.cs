using EUeConformance.Protocols.Snmp;
using EUeConformance.Protocols.Snmp.Usm;
using YamlDotNet.RepresentationModel;

namespace EUeConformance.Headend.Database;

/// <summary>
/// The <c>provisioning</c> section (<see cref="ProvisioningSnmpSettings"/>):
/// <code>
/// provisioning:
///   inform-communities: [public]     # accepted in SNMPv2c INFORMs
///   community: private               # the server's own SNMPv2c GET/SET
///   users:                           # SNMPv3 (USM), by password until key management exists
///     - { name: eue, auth: sha, auth-password: authpass1, priv: aes, priv-password: privpass1 }
///   agent-port: 161
///   timeout: 5                       # seconds per attempt
///   retries: 2
///   set-config-file: true            # eUE-19 after each enrollment
///   query: [1.3.6.1.2.1.1.1.0]       # eUE-16 GETs before the SET
/// </code>
/// </summary>
static class ProvisioningSnmpYaml
{
    const string Where = "'provisioning'";

    public static ProvisioningSnmpSettings Parse(YamlNodes y, YamlMappingNode map)
    {
        y.Keys(map, Where, "inform-communities", "community", "users", "agent-port", "timeout", "retries", "set-config-file", "query");
        var defaults = new ProvisioningSnmpSettings();
        var users = new List<UsmUserSettings>();
        foreach (var item in y.Seq(map, "users", Where))
        {
            if (item is not YamlMappingNode m) { y.Error(item, "each user is a mapping: name, auth, auth-password, priv, priv-password"); continue; }
            if (User(y, m) is { } user)
            {
                if (users.Any(u => u.Name == user.Name)) y.Error(m, $"a second user named '{user.Name}'", "give each user its own name");
                else users.Add(user);
            }
        }
        var port = y.Value(map, "agent-port", Where, t => int.TryParse(t, out var v) && v is > 0 and <= 65535 ? v : (int?)null, "a UDP port 1..65535");
        var timeout = y.Value(map, "timeout", Where, t => double.TryParse(t, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var v) && v > 0
            ? TimeSpan.FromSeconds(v) : (TimeSpan?)null, "seconds, more than 0");
        var retries = y.Value(map, "retries", Where, t => int.TryParse(t, out var v) && v is >= 0 and <= 100 ? v : (int?)null, "a number 0..100");
        var query = y.Items(map, "query", Where, t => ObjectIdentifier.TryParse(t, out var oid) ? oid : null, "an instance OID such as 1.3.6.1.2.1.1.1.0");
        var informCommunities = y.Strings(map, "inform-communities", Where);
        return new ProvisioningSnmpSettings
        {
            NotificationCommunities = y.Get(map, "inform-communities") is null ? defaults.NotificationCommunities : informCommunities,
            Community = y.Text(map, "community", Where) ?? defaults.Community,
            Users = users,
            AgentPort = port ?? defaults.AgentPort,
            Timeout = timeout ?? defaults.Timeout,
            Retries = retries ?? defaults.Retries,
            SetConfigFile = y.Bool(map, "set-config-file", Where) ?? defaults.SetConfigFile,
            Query = [.. query],
        };
    }

    static UsmUserSettings? User(YamlNodes y, YamlMappingNode m)
    {
        const string w = "a provisioning user";
        y.Keys(m, w, "name", "auth", "auth-password", "priv", "priv-password");
        var name = y.Text(m, "name", w, required: true);
        var auth = y.Parsed(m, "auth", w, t => t switch { "none" => UsmAuthProtocol.None, "md5" => UsmAuthProtocol.HmacMd5, "sha" => UsmAuthProtocol.HmacSha, _ => null },
            "none, md5 or sha") ?? UsmAuthProtocol.None;
        var priv = y.Parsed(m, "priv", w, t => t switch { "none" => UsmPrivProtocol.None, "des" => UsmPrivProtocol.Des, "aes" => UsmPrivProtocol.AesCfb128, _ => null },
            "none, des or aes") ?? UsmPrivProtocol.None;
        var authPassword = y.Text(m, "auth-password", w);
        var privPassword = y.Text(m, "priv-password", w);
        if (name is null) return null;
        // RFC 3414 §11.2: a password shorter than 8 octets SHOULD NOT be used; net-snmp refuses them.
        if (auth != UsmAuthProtocol.None && (authPassword is null || authPassword.Length < 8))
        { y.Error(m, $"user '{name}' authenticates with {auth.Name} but has no auth-password of 8 characters or more", "add 'auth-password:'"); return null; }
        if (priv != UsmPrivProtocol.None && auth == UsmAuthProtocol.None)
        { y.Error(m, $"user '{name}' has privacy without authentication (RFC 3414 §5 allows no such user)", "add 'auth: sha' and 'auth-password:'"); return null; }
        if (priv != UsmPrivProtocol.None && (privPassword is null || privPassword.Length < 8))
        { y.Error(m, $"user '{name}' encrypts with {priv.Name} but has no priv-password of 8 characters or more", "add 'priv-password:'"); return null; }
        return new UsmUserSettings(name, auth, authPassword, priv, privPassword);
    }
}
