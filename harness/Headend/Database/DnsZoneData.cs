using EUeConformance.Protocols.Dns;

namespace EUeConformance.Headend.Database;

/// <summary>
/// An authoritative zone the DNS server answers for (EUE-PROV 6.2.3: SRV for the realm's KDC in eUE-5/6,
/// AAAA/A of the KDC, provisioning server and configuration server in eUE-7/8 and eUE-20/21, NAPTR as
/// the IMS applications use it). Records are typed codec records.
/// </summary>
public sealed record DnsZoneData(DnsName Origin, IReadOnlyList<DnsRecord> Records)
{
    public static DnsZoneData Create(string origin, params DnsRecord[] records) => new(DnsName.Parse(origin), records);
}
