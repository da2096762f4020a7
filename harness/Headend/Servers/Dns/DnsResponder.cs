using System.Net;
using EUeConformance.Headend.Overrides;
using EUeConformance.Protocols.Dns;

namespace EUeConformance.Headend.Servers.Dns;

/// <summary>
/// The DNS server's decisions (EUE-PROV 6.2.3; eUE-5 to eUE-8 and eUE-20/21): authoritative answers from
/// <see cref="DnsZoneStore"/> for every record type it holds (A, AAAA, SRV, NAPTR…); CNAMEs followed inside
/// the zones; the addresses of SRV, NAPTR, MX and NS targets added as additional records; NXDOMAIN or an
/// empty answer with the zone's SOA for what is not there (RFC 2308); REFUSED outside its zones (it does
/// not recurse). RFC 2136 UPDATEs into its zones are applied (no prerequisites checked, no TSIG).
/// </summary>
public sealed class DnsResponder
{
    readonly ReplyComposer<DnsMessage> _composer;
    readonly DnsZoneStore zones;

    public DnsResponder(DnsZoneStore zones, OverrideSet? overrides = null)
    {
        this.zones = zones;
        Overrides = overrides ?? new OverrideSet();
        _composer = new ReplyComposer<DnsMessage>(Overrides, Edit);
    }

    public DnsZoneStore Zones => zones;
    public OverrideSet Overrides { get; }

    public Decision<DnsMessage> Decide(DnsMessage query, IPEndPoint from)
    {
        if (query.IsResponse) return Decision<DnsMessage>.Nothing("a response, not a query");
        string kind = query.Opcode == DnsOpcode.Update ? "UPDATE" : "QUERY";
        return _composer.Compose(kind, null, notes =>
        [
            new ReplyDraft<DnsMessage>("RESPONSE", null, _ => query.Opcode == DnsOpcode.Update ? Update(query, notes) : Answer(query, notes), from, _ => null),
        ], request: query);
    }

    DnsMessage Answer(DnsMessage query, List<string> notes)
    {
        if (query.Opcode != DnsOpcode.Query) return DnsMessage.ResponseTo(query, rcode: DnsRcode.NotImplemented);
        if (query.Questions.Count != 1) return DnsMessage.ResponseTo(query, rcode: DnsRcode.FormatError);
        var q = query.Questions[0];
        var zone = zones.ZoneOf(q.Name);
        if (zone is null)
        {
            notes.Add($"{q.Name} is outside every zone: REFUSED (no recursion)");
            return DnsMessage.ResponseTo(query, rcode: DnsRcode.Refused, authoritative: false);
        }
        var answers = new List<DnsRecord>();
        var name = q.Name;
        for (int hops = 0; hops < 8; hops++)
        {
            var here = zones.RecordsAt(name);
            var match = here.Where(r => q.Type == DnsType.Any || r.Type == q.Type).ToList();
            if (match.Count > 0) { answers.AddRange(match); break; }
            var cname = here.FirstOrDefault(r => r.Type == DnsType.Cname);
            if (cname?.DomainName is not { } target) break;
            answers.Add(cname);
            name = target;
        }
        if (answers.Count == 0)
        {
            bool exists = zones.Exists(q.Name);
            notes.Add(exists ? $"{q.Name} has no {q.Type} record: NOERROR, empty" : $"{q.Name} does not exist: NXDOMAIN");
            return DnsMessage.ResponseTo(query, rcode: exists ? DnsRcode.NoError : DnsRcode.NameError) with { Authorities = Soa(zone) };
        }
        return DnsMessage.ResponseTo(query, answers) with { Additionals = [.. Additional(answers), .. Opt(query)] };
    }

    /// <summary>RFC 2782 / RFC 3403: the addresses of the targets a client will look up next.</summary>
    IEnumerable<DnsRecord> Additional(IReadOnlyList<DnsRecord> answers)
    {
        var targets = answers.Select(r => r.SrvData?.Target ?? r.NaptrData?.Replacement ?? r.MxData?.Exchange ?? (r.Type == DnsType.Ns ? r.DomainName : null))
            .Where(t => t is not null && !t.IsRoot).Select(t => t!).Distinct().ToList();
        foreach (var t in targets)
            foreach (var r in zones.RecordsAt(t).Where(r => r.Type is DnsType.A or DnsType.Aaaa or DnsType.Srv))
                yield return r;
    }

    static IReadOnlyList<DnsRecord> Opt(DnsMessage query) => query.Edns is null ? [] : [DnsRecord.Opt()];

    static IReadOnlyList<DnsRecord> Soa(DnsZoneStore.Zone zone)
    {
        var soa = zone.Records.FirstOrDefault(r => r.Type == DnsType.Soa)
            ?? DnsRecord.Soa(zone.Origin, 300, new SoaData(zone.Origin.Child("ns"), zone.Origin.Child("hostmaster"), 1, 3600, 600, 86400, 300));
        return [soa];
    }

    DnsMessage Update(DnsMessage update, List<string> notes)
    {
        if (update.Zones.Count != 1 || zones.ZoneOf(update.Zones[0].Name) is not { } zone || !zone.Origin.EqualsIgnoreCase(update.Zones[0].Name))
            return DnsMessage.ResponseTo(update, rcode: DnsRcode.NotAuth);
        foreach (var rr in update.Updates)
        {
            if (!rr.Name.IsSubdomainOf(zone.Origin)) return DnsMessage.ResponseTo(update, rcode: DnsRcode.NotZone);
            switch (rr.Class)
            {
                case DnsClass.Any when rr.Type == DnsType.Any: zones.Remove(zone, r => r.Name.EqualsIgnoreCase(rr.Name)); break;
                case DnsClass.Any: zones.Remove(zone, r => r.Name.EqualsIgnoreCase(rr.Name) && r.Type == rr.Type); break;
                case DnsClass.None: zones.Remove(zone, r => r.Equals(rr with { Class = DnsClass.In, Ttl = r.Ttl })); break;
                default: zones.Add(zone, rr); break;
            }
            notes.Add($"UPDATE {rr}");
        }
        return DnsMessage.ResponseTo(update) with { Questions = update.Questions };
    }

    /// <summary>Fields of a DNS response an override may set: "rcode" (number), "id", "aa", "tc" (0/1), "answers" ("0" drops them).</summary>
    static DnsMessage Edit(DnsMessage m, IReadOnlyList<Override> edits)
    {
        foreach (var f in edits.OfType<SetField>())
            m = f.Field.ToLowerInvariant() switch
            {
                "rcode" => m with { Rcode = (DnsRcode)byte.Parse(f.Value, System.Globalization.CultureInfo.InvariantCulture) },
                "id" => m with { Id = ushort.Parse(f.Value, System.Globalization.CultureInfo.InvariantCulture) },
                "aa" => m with { Authoritative = f.Value is "1" or "true" },
                "tc" => m with { Truncated = f.Value is "1" or "true" },
                "answers" when f.Value == "0" => m with { Answers = [], Additionals = [] },
                _ => throw new ArgumentException($"'{f.Field}' is not a DNS field the headend can set (rcode, id, aa, tc, answers)"),
            };
        return m;
    }
}
