using System.Net;
using System.Net.Sockets;
using EUeConformance.Headend.Database;
using EUeConformance.Protocols.Snmp;

namespace EUeConformance.Headend.Servers.Provisioning;

/// <summary>
/// The varbinds of eUE-19's SET for one eUE: pktcMtaDevConfigFile with the file's URL (the database's
/// config-url, or tftp://server/name from its config-file and TFTP servers; an IPv6 literal in brackets,
/// RFC 3986 §3.2.2, as eUE-19 note 3 requires the eUE to accept), pktcMtaDevProvConfigHash with the SHA-1
/// of the file as served, and pktcMtaDevProvConfigKey only when the file is encrypted (eUE-19: the key MUST
/// NOT be sent for a plain file). Null, with the reason, when the database cannot say.
/// </summary>
public static class ConfigFileSet
{
    public static (IReadOnlyList<VarBind>? VarBinds, string? Problem) For(ProvisioningDatabase database, EueRecord eue, MtaMib mib, AddressFamily family)
    {
        var url = eue.ConfigFileUrl ?? UrlFrom(eue, family);
        if (url is null) return (null, $"the database gives eUE {eue.Mac} neither config-url nor config-file with a TFTP server");
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri)) return (null, $"'{url}' is not an absolute URL (RFC 3617 / RFC 2616)");
        var name = Uri.UnescapeDataString(uri.AbsolutePath);
        var file = database.FindFile(name) ?? (eue.ConfigFileName is { } n ? database.FindFile(n) : null);
        if (file is null) return (null, $"no file '{name}' in the database to hash for {url}");
        List<VarBind> varBinds =
        [
            new(mib.ConfigFile.InstanceId(0), SnmpValue.OctetString(url)),
            new(mib.ConfigHash.InstanceId(0), SnmpValue.OctetString(file.Hash)),
        ];
        if (file.EncryptionKey is { } key) varBinds.Add(new VarBind(mib.ConfigKey.InstanceId(0), SnmpValue.OctetString(key)));
        return (varBinds, null);
    }

    static string? UrlFrom(EueRecord eue, AddressFamily family)
    {
        if (eue.ConfigFileName is not { } name) return null;
        var server = eue.TftpServers.FirstOrDefault(a => a.AddressFamily == family) ?? eue.TftpServers.FirstOrDefault();
        if (server is null) return null;
        var host = server.AddressFamily == AddressFamily.InterNetworkV6 ? $"[{new IPAddress(server.GetAddressBytes())}]" : server.ToString();
        return $"tftp://{host}/{Uri.EscapeDataString(name)}";
    }
}
