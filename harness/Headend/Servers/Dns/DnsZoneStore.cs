using System.Net;
using System.Net.Sockets;
using EUeConformance.Headend.Database;
using EUeConformance.Protocols.Dns;

namespace EUeConformance.Headend.Servers.Dns;

/// <summary>
/// The DNS server's data: the database's zones, plus the records the DHCP servers register (EUE-PROV
/// 6.2.2: keep each eUE's FQDN-to-address mapping current) and RFC 2136 updates. A registered name
/// holds one address per family; registering again replaces it. A name outside every zone gets a zone of
/// its parent (the DHCP server is then the only source of that zone).
/// </summary>
public sealed class DnsZoneStore : IDnsRegistrar
{
    /// <summary>TTL of records the DHCP servers add (RFC 4702 §5 leaves it to the server; one lease time is usual).</summary>
    public const uint DynamicTtl = 300;

    readonly List<Zone> _zones;
    readonly object _gate = new();

    public sealed class Zone(DnsName origin, IEnumerable<DnsRecord> records)
    {
        public DnsName Origin { get; } = origin;
        public List<DnsRecord> Records { get; } = [.. records];
    }

    public DnsZoneStore(IEnumerable<DnsZoneData> zones) => _zones = [.. zones.Select(z => new Zone(z.Origin, z.Records))];

    public IReadOnlyList<Zone> Zones { get { lock (_gate) return [.. _zones]; } }

    /// <summary>Every record added by DHCP or UPDATE, in order (for assertions and evidence).</summary>
    public List<DnsRecord> DynamicRecords { get; } = [];

    /// <summary>The zone with the longest origin that contains <paramref name="name"/>, or null.</summary>
    public Zone? ZoneOf(DnsName name)
    {
        lock (_gate) return _zones.Where(z => name.IsSubdomainOf(z.Origin)).MaxBy(z => z.Origin.Length);
    }

    public IReadOnlyList<DnsRecord> RecordsAt(DnsName name)
    {
        lock (_gate) return ZoneOf(name)?.Records.Where(r => r.Name.EqualsIgnoreCase(name)).ToList() ?? [];
    }

    /// <summary>Whether <paramref name="name"/> owns records or has descendants that do (RFC 8020: else it does not exist).</summary>
    public bool Exists(DnsName name)
    {
        lock (_gate) return ZoneOf(name)?.Records.Any(r => r.Name.IsSubdomainOf(name)) ?? false;
    }

    public void Register(string fqdn, IPAddress address)
    {
        var name = DnsName.Parse(fqdn);
        var record = address.AddressFamily == AddressFamily.InterNetwork ? DnsRecord.A(name, DynamicTtl, address) : DnsRecord.Aaaa(name, DynamicTtl, address);
        lock (_gate)
        {
            var zone = ZoneOf(name) ?? AddZone(name.Parent);
            zone.Records.RemoveAll(r => r.Name.EqualsIgnoreCase(name) && r.Type == record.Type);
            zone.Records.Add(record);
            DynamicRecords.Add(record);
        }
    }

    public void Unregister(string fqdn, IPAddress address)
    {
        var name = DnsName.Parse(fqdn);
        lock (_gate) ZoneOf(name)?.Records.RemoveAll(r => r.Name.EqualsIgnoreCase(name) && address.Equals(r.Address));
    }

    public void Add(Zone zone, DnsRecord record)
    {
        lock (_gate)
        {
            zone.Records.Add(record);
            DynamicRecords.Add(record);
        }
    }

    public void Remove(Zone zone, Predicate<DnsRecord> match)
    {
        lock (_gate) zone.Records.RemoveAll(match);
    }

    Zone AddZone(DnsName origin)
    {
        var zone = new Zone(origin, []);
        _zones.Add(zone);
        return zone;
    }
}
