using System.Globalization;
using System.Net;
using EUeConformance.Protocols.Dhcp;
using EUeConformance.Protocols.Dhcp4;
using YamlDotNet.RepresentationModel;

namespace EUeConformance.Headend.Database;

/// <summary>
/// Loads a <see cref="ProvisioningDatabase"/> from YAML. Sections: <c>network</c> (ipv4, ipv6, dns-servers,
/// domain), <c>servers</c> (ecm: one identity; eue: a list, several DHCP servers at once), <c>devices</c>
/// (each an <c>ecm:</c> and/or <c>eue:</c> record keyed by MAC), <c>files</c> (configuration files, see
/// <see cref="ConfigFileYaml"/>) and <c>zones</c> (see <see cref="DnsZoneYaml"/>). Every mistake is reported
/// with file, line, column and a fix, all at once (<see cref="DatabaseInputErrors"/>). <c>provisioning</c> sets the
/// Provisioning Server's SNMP (see <see cref="ProvisioningSnmpYaml"/>).
/// </summary>
public static class ProvisioningDatabaseYaml
{
    public static ProvisioningDatabase Load(string path)
    {
        if (!File.Exists(path)) throw new DatabaseInputError(path, 0, 0, "file not found", "check the path (relative paths start at the current directory)");
        return Parse(File.ReadAllText(path), path);
    }

    public static ProvisioningDatabase Parse(string text, string file = "<database>")
    {
        var root = YamlNodes.Parse(file, text);
        var y = new YamlNodes(file);
        y.Keys(root, "the database", "network", "servers", "devices", "files", "zones", "provisioning");
        var db = new ProvisioningDatabase();
        if (y.Map(root, "network", "the database") is { } network) db.Network = Network(y, network);
        if (y.Map(root, "servers", "the database") is { } servers) Servers(y, servers, db);
        if (y.Map(root, "provisioning", "the database") is { } provisioning) db.Provisioning = ProvisioningSnmpYaml.Parse(y, provisioning);
        foreach (var item in y.Seq(root, "devices", "the database"))
        {
            if (item is not YamlMappingNode device) { y.Error(item, "each device is a mapping with 'ecm:' and/or 'eue:'"); continue; }
            y.Keys(device, "a device", "ecm", "eue");
            if (y.Map(device, "ecm", "a device") is { } ecm && Ecm(y, ecm) is { } e) db.AddEcm(e);
            if (y.Map(device, "eue", "a device") is { } eue && Eue(y, eue) is { } u) db.AddEue(u);
        }
        foreach (var f in ConfigFileYaml.Files(y, root)) db.AddFile(f);
        foreach (var z in DnsZoneYaml.Zones(y, root)) db.AddZone(z);
        if (y.Errors.Count == 1) throw y.Errors[0];
        if (y.Errors.Count > 1) throw new DatabaseInputErrors(y.Errors);
        return db;
    }

    static NetworkPlan Network(YamlNodes y, YamlMappingNode map)
    {
        const string w = "'network'";
        y.Keys(map, w, "ipv4", "ipv6", "dns-servers", "domain");
        Ipv4Plan? v4 = null;
        if (y.Map(map, "ipv4", w) is { } m4)
        {
            y.Keys(m4, "'network: ipv4'", "prefix-length", "router", "lease-time", "renewal-time", "rebinding-time");
            var len = y.Value(m4, "prefix-length", "'network: ipv4'", t => int.TryParse(t, out var v) && v is >= 0 and <= 32 ? v : (int?)null, "a prefix length 0..32", required: true);
            v4 = new Ipv4Plan(len ?? 24, y.Address(m4, "router", "'network: ipv4'"), y.UInt(m4, "lease-time", "'network: ipv4'") ?? 3600,
                y.UInt(m4, "renewal-time", "'network: ipv4'"), y.UInt(m4, "rebinding-time", "'network: ipv4'"));
        }
        Ipv6Plan? v6 = null;
        if (y.Map(map, "ipv6", w) is { } m6)
        {
            const string w6 = "'network: ipv6'";
            y.Keys(m6, w6, "prefix", "managed", "other", "preferred-lifetime", "valid-lifetime", "t1", "t2", "router-lifetime", "ra-interval");
            var prefix = y.Parsed(m6, "prefix", w6, ParsePrefix, "a prefix like 2001:db8:1::/64", required: true);
            v6 = new Ipv6Plan(prefix?.Address ?? IPAddress.IPv6Any, prefix?.Length ?? 64);
            v6 = v6 with
            {
                Managed = y.Bool(m6, "managed", w6) ?? v6.Managed,
                Other = y.Bool(m6, "other", w6) ?? v6.Other,
                PreferredLifetime = y.UInt(m6, "preferred-lifetime", w6) ?? v6.PreferredLifetime,
                ValidLifetime = y.UInt(m6, "valid-lifetime", w6) ?? v6.ValidLifetime,
                T1 = y.UInt(m6, "t1", w6) ?? v6.T1,
                T2 = y.UInt(m6, "t2", w6) ?? v6.T2,
                RouterLifetime = y.UInt(m6, "router-lifetime", w6) is { } rl ? TimeSpan.FromSeconds(rl) : v6.RouterLifetime,
                AdvertisementInterval = y.UInt(m6, "ra-interval", w6) is { } ri ? TimeSpan.FromSeconds(ri) : v6.AdvertisementInterval,
            };
        }
        return new NetworkPlan { Ipv4 = v4, Ipv6 = v6, DnsServers = y.Addresses(map, "dns-servers", w), DomainName = y.Text(map, "domain", w) };
    }

    sealed record Prefix(IPAddress Address, int Length);

    static Prefix? ParsePrefix(string text)
    {
        var parts = text.Split('/');
        return parts.Length == 2 && IPAddress.TryParse(parts[0], out var a) && int.TryParse(parts[1], CultureInfo.InvariantCulture, out var l) && l is >= 0 and <= 128
            ? new Prefix(a, l) : null;
    }

    static void Servers(YamlNodes y, YamlMappingNode map, ProvisioningDatabase db)
    {
        y.Keys(map, "'servers'", "ecm", "eue");
        if (y.Map(map, "ecm", "'servers'") is { } ecm) db.EcmServer = Identity(y, ecm, "'servers: ecm'");
        foreach (var item in y.Seq(map, "eue", "'servers'"))
        {
            if (item is not YamlMappingNode m) { y.Error(item, "each eUE DHCP server is a mapping (name, ipv4, dss-id, duid)"); continue; }
            if (Identity(y, m, "an eUE DHCP server") is not { } identity) continue;
            if (db.FindEueServer(identity.Name) is not null) y.Error(m, $"a second eUE DHCP server named '{identity.Name}'", "give each server its own name");
            else db.AddEueServer(identity);
        }
    }

    static DhcpServerIdentity? Identity(YamlNodes y, YamlMappingNode m, string where)
    {
        y.Keys(m, where, "name", "ipv4", "dss-id", "duid", "mac");
        var name = y.Text(m, "name", where, required: true);
        var ipv4 = y.Address(m, "ipv4", where);
        var dss = y.Parsed(m, "dss-id", where, t => (object)ParseDssId(t), "a DSS_ID: text, or hex:00000000");
        var duid = y.Parsed(m, "duid", where, t => Duid.FromBytes(Convert.FromHexString(t.Replace(":", "").Replace(" ", ""))), "a DUID in hex, type first (e.g. 00030001020000000001)");
        var mac = y.Mac(m, "mac", where);
        if (name is null) return null;
        if (dss is DssId d && d.IsOverlong)
            y.Error(y.Get(m, "dss-id"), $"the DSS_ID has {d.Bytes.Length} octets; a server MUST keep it to 32 (EUE-PROV 6.4.1.4)", "shorten it, or send an overlong one with an override on purpose");
        var identity = DhcpServerIdentity.Create(name, ipv4, (mac ?? new System.Net.NetworkInformation.PhysicalAddress([0x02, 0, 0, 0, 0, 1])).GetAddressBytes());
        return identity with { Duid = duid ?? identity.Duid, DssId = dss is DssId x ? x : identity.DssId };
    }

    /// <summary>A DSS_ID as text, or "hex:…" for arbitrary octets (hex:00000000 = do not provision, hex:FFFFFFFF = any server).</summary>
    public static DssId ParseDssId(string text) =>
        text.StartsWith("hex:", StringComparison.OrdinalIgnoreCase) ? new DssId(Convert.FromHexString(text[4..])) : DssId.FromAscii(text);

    static EcmRecord? Ecm(YamlNodes y, YamlMappingNode m)
    {
        const string w = "'ecm' of a device";
        y.Keys(m, w, "mac", "ipv4", "ipv6", "eue-dhcpv4", "eue-dss-ids", "ip-preference", "tod-servers", "time-offset", "syslog", "config-file", "tftp-servers", "omit-options", "rapid-commit");
        var mac = y.Mac(m, "mac", w, required: true);
        var v4 = y.Addresses(m, "eue-dhcpv4", w);
        var dss = y.Items(m, "eue-dss-ids", w, t => (object)ParseDssId(t), "a DSS_ID").Cast<DssId>().ToList();
        var pref = y.Value(m, "ip-preference", w, t => t switch { "ipv4" => IpPreference.Ipv4, "ipv6" => IpPreference.Ipv6, _ => (IpPreference?)null }, "ipv4 or ipv6");
        if (mac is null) return null;
        return new EcmRecord
        {
            Mac = mac,
            Ipv4Addresses = y.Addresses(m, "ipv4", w),
            Ipv6Addresses = y.Addresses(m, "ipv6", w),
            EueDhcpV4Primary = v4.ElementAtOrDefault(0),
            EueDhcpV4Secondary = v4.ElementAtOrDefault(1),
            EueDssIdPrimary = dss.Count > 0 ? dss[0] : null,
            EueDssIdSecondary = dss.Count > 1 ? dss[1] : null,
            EueIpPreference = pref,
            TodServers = y.Addresses(m, "tod-servers", w),
            TimeOffset = y.Int(m, "time-offset", w),
            SyslogServers = y.Addresses(m, "syslog", w),
            ConfigFileName = y.Text(m, "config-file", w),
            TftpServers = y.Addresses(m, "tftp-servers", w),
            OmitOptions = OptionPaths(y, m, w),
            AllowRapidCommit = y.Bool(m, "rapid-commit", w) ?? true,
        };
    }

    static EueRecord? Eue(YamlNodes y, YamlMappingNode m)
    {
        const string w = "'eue' of a device";
        y.Keys(m, w, "mac", "flow", "realm", "ipv4", "ipv6", "fqdn", "dns-servers", "provisioning-server", "disable", "syslog", "config-file",
            "tftp-servers", "config-url", "as-req-backoff", "ap-req-backoff", "tgt", "provisioning-timer", "ticket-control", "answered-by", "omit-options", "rapid-commit");
        var mac = y.Mac(m, "mac", w, required: true);
        var flow = y.Value(m, "flow", w, t => t switch { "basic" => ProvisioningFlow.Basic, "hybrid" => ProvisioningFlow.Hybrid, "secure" => ProvisioningFlow.Secure, _ => (ProvisioningFlow?)null },
            "basic, hybrid or secure") ?? ProvisioningFlow.Secure;
        var realm = y.Text(m, "realm", w);
        if (flow == ProvisioningFlow.Secure && realm is null && y.Get(m, "flow") is not null)
            y.Error(m, "the Secure flow needs a Kerberos realm (the realm is what selects the flow, EUE-PROV Table 5)", "add 'realm: EXAMPLE.NET'");
        var prov = y.Text(m, "provisioning-server", w);
        IPAddress? provAddress = prov is not null && IPAddress.TryParse(prov, out var pa) ? pa : null;
        var timer = y.Value(m, "provisioning-timer", w, t => byte.TryParse(t, CultureInfo.InvariantCulture, out var v) && v <= 30 ? v : (byte?)null, "minutes 0..30 (0 disables the timer)");
        if (mac is null) return null;
        return new EueRecord
        {
            Mac = mac,
            Flow = flow,
            Realm = realm,
            Ipv4Addresses = y.Addresses(m, "ipv4", w),
            Ipv6Addresses = y.Addresses(m, "ipv6", w),
            Fqdn = y.Text(m, "fqdn", w),
            DnsServers = y.Addresses(m, "dns-servers", w),
            ProvisioningServerFqdn = provAddress is null ? prov : null,
            ProvisioningServerAddress = provAddress,
            Disable = y.Bool(m, "disable", w) ?? false,
            SyslogServers = y.Addresses(m, "syslog", w),
            ConfigFileName = y.Text(m, "config-file", w),
            TftpServers = y.Addresses(m, "tftp-servers", w),
            ConfigFileUrl = y.Text(m, "config-url", w),
            AsReqBackoff = Backoff(y, m, "as-req-backoff", w),
            ApReqBackoff = Backoff(y, m, "ap-req-backoff", w),
            TicketGrantingServerUtilization = y.Bool(m, "tgt", w),
            ProvisioningTimer = timer,
            SecurityTicketControl = y.Value(m, "ticket-control", w, t => ushort.TryParse(t, CultureInfo.InvariantCulture, out var v) ? v : (ushort?)null, "a number 0..65535"),
            AnsweredBy = y.Strings(m, "answered-by", w),
            OmitOptions = OptionPaths(y, m, w),
            AllowRapidCommit = y.Bool(m, "rapid-commit", w) ?? true,
        };
    }

    static KerberosBackoff? Backoff(YamlNodes y, YamlMappingNode m, string key, string where)
    {
        var values = y.Items(m, key, where, t => uint.TryParse(t, CultureInfo.InvariantCulture, out var v) ? (object)v : null, "a whole number").Cast<uint>().ToList();
        if (y.Get(m, key) is null) return null;
        if (values.Count != 3) { y.Error(y.Get(m, key), $"'{key}' needs three numbers: nominal timeout (ms), maximum timeout (s), maximum retries (RFC 3495 §5.3)", $"write '{key}: [1000, 30, 5]'"); return null; }
        return new KerberosBackoff(values[0], values[1], values[2]);
    }

    static IReadOnlyList<string> OptionPaths(YamlNodes y, YamlMappingNode m, string where) =>
        [.. y.Items(m, "omit-options", where, t => Overrides.OptionPath.Parse(t).ToString(), "an option path like 122.3 or 17.2171.2")];
}
