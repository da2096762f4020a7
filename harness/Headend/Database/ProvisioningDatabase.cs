using System.Net.NetworkInformation;

namespace EUeConformance.Headend.Database;

/// <summary>
/// Everything the headend's servers answer from: the network plan, the DHCP server identities, one
/// record per eCM MAC and per eUE MAC, the configuration files and the DNS zones. Built in code or
/// loaded from YAML (<see cref="ProvisioningDatabaseYaml"/>); servers read it, never write it (their
/// own state, leases and dynamic DNS records, lives in the servers).
/// </summary>
public sealed class ProvisioningDatabase
{
    readonly Dictionary<PhysicalAddress, EcmRecord> _ecms = [];
    readonly Dictionary<PhysicalAddress, EueRecord> _eues = [];
    readonly Dictionary<string, ConfigFileEntry> _files = new(StringComparer.Ordinal);
    readonly List<DhcpServerIdentity> _eueServers = [];
    readonly List<DnsZoneData> _zones = [];

    public NetworkPlan Network { get; set; } = new();

    /// <summary>How the Provisioning Server's SNMP entity talks to eUEs (communities, USM users, eUE-16/19 behaviour).</summary>
    public ProvisioningSnmpSettings Provisioning { get; set; } = new();

    /// <summary>The eCM DHCP server's identity (one server: EUE-PROV 6.3.1 has the eCM use its primary server).</summary>
    public DhcpServerIdentity? EcmServer { get; set; }

    readonly List<DhcpServerIdentity> _moreEcmServers = [];

    /// <summary>
    /// Every DOCSIS DHCP server identity that answers eCMs: <see cref="EcmServer"/> first, then those added with
    /// <see cref="AddEcmServer"/> (EUE-PROV Table 2 CM2 / Table 3 CM2v6: "one or more" servers offer, and the eCM
    /// chooses among them by their E-UE options, CM3 / CM3v6).
    /// </summary>
    public IReadOnlyList<DhcpServerIdentity> EcmServers => EcmServer is { } first ? [first, .. _moreEcmServers] : [.. _moreEcmServers];

    /// <summary>Adds another DOCSIS DHCP server that answers every eCM alongside <see cref="EcmServer"/>.</summary>
    public ProvisioningDatabase AddEcmServer(DhcpServerIdentity identity)
    {
        if (EcmServers.Any(s => s.Name == identity.Name)) throw new ArgumentException($"an eCM DHCP server named '{identity.Name}' exists already");
        _moreEcmServers.Add(identity);
        return this;
    }

    /// <summary>The eUE DHCP servers, all answering at once by default (EUE-PROV 6.3.2.2, 6.3.4).</summary>
    public IReadOnlyList<DhcpServerIdentity> EueServers => _eueServers;

    public IReadOnlyCollection<EcmRecord> Ecms => _ecms.Values;
    public IReadOnlyCollection<EueRecord> Eues => _eues.Values;
    public IReadOnlyCollection<ConfigFileEntry> Files => _files.Values;
    public IReadOnlyList<DnsZoneData> Zones => _zones;

    public ProvisioningDatabase AddEcm(EcmRecord record) { _ecms[record.Mac] = record; return this; }
    public ProvisioningDatabase AddEue(EueRecord record) { _eues[record.Mac] = record; return this; }
    public ProvisioningDatabase AddFile(ConfigFileEntry file) { _files[file.Name] = file; return this; }
    public ProvisioningDatabase AddZone(DnsZoneData zone) { _zones.Add(zone); return this; }

    public ProvisioningDatabase AddEueServer(DhcpServerIdentity identity)
    {
        if (_eueServers.Any(s => s.Name == identity.Name)) throw new ArgumentException($"an eUE DHCP server named '{identity.Name}' exists already");
        _eueServers.Add(identity);
        return this;
    }

    public EcmRecord? FindEcm(PhysicalAddress mac) => _ecms.GetValueOrDefault(mac);
    public EueRecord? FindEue(PhysicalAddress mac) => _eues.GetValueOrDefault(mac);
    public EcmRecord? FindEcm(ReadOnlySpan<byte> mac) => mac.Length == 6 ? FindEcm(new PhysicalAddress(mac.ToArray())) : null;
    public EueRecord? FindEue(ReadOnlySpan<byte> mac) => mac.Length == 6 ? FindEue(new PhysicalAddress(mac.ToArray())) : null;

    /// <summary>Files are looked up as the client names them, with a leading '/' dropped (tftp and HTTP paths).</summary>
    public ConfigFileEntry? FindFile(string name) =>
        _files.GetValueOrDefault(name) ?? _files.GetValueOrDefault(name.TrimStart('/'));

    public DhcpServerIdentity? FindEueServer(string name) => _eueServers.FirstOrDefault(s => s.Name == name);

    /// <summary>The identities that answer <paramref name="eue"/> (EueRecord.AnsweredBy, or all).</summary>
    public IReadOnlyList<DhcpServerIdentity> EueServersFor(EueRecord eue) =>
        eue.AnsweredBy.Count == 0 ? _eueServers : [.. _eueServers.Where(s => eue.AnsweredBy.Contains(s.Name))];
}
