using EUeConformance.Protocols.Wire;

namespace EUeConformance.Protocols.Dns;

/// <summary>
/// Wire to <see cref="DnsMessage"/>. The header's counts are only loop bounds: every entry is read
/// from what is actually there (so a count never sizes an allocation), a count larger than the
/// message is a <see cref="ParseError"/> at the point the message runs out, and octets left over
/// after the last counted record are one too (as BIND answers FORMERR for trailing garbage).
/// </summary>
internal static class DnsMessageDecoder
{
    const int MinQuestion = 5;  // root name, QTYPE, QCLASS
    const int MinRecord = 11;   // root name, TYPE, CLASS, TTL, RDLENGTH

    public static DnsMessage Decode(ReadOnlySpan<byte> data)
    {
        var r = new WireReader(data, "dns");
        ushort id = r.ReadUInt16("dns.id");
        ushort flags = r.ReadUInt16("dns.flags");
        var opcode = (DnsOpcode)(flags >> 11 & 0xF);
        bool update = opcode == DnsOpcode.Update; // RFC 2136 §2: same layout, sections renamed
        string qdField = update ? "dns.count.zones" : "dns.count.queries";
        string anField = update ? "dns.count.prerequisites" : "dns.count.answers";
        string nsField = update ? "dns.count.updates" : "dns.count.auth_rr";
        const string arField = "dns.count.add_rr";
        int qdCount = r.ReadUInt16(qdField), anCount = r.ReadUInt16(anField), nsCount = r.ReadUInt16(nsField), arCount = r.ReadUInt16(arField);

        var questions = new List<DnsQuestion>(Math.Min(qdCount, r.Remaining / MinQuestion));
        for (int i = 0; i < qdCount; i++)
        {
            Expect(ref r, qdCount, i, qdField, update ? "zone entries" : "questions");
            var (name, layout, end) = DnsNameDecoder.Read(data, r.Position, data.Length, "dns.qry.name");
            r.ReadBytes(end - r.Position, "dns.qry.name");
            var type = (DnsType)r.ReadUInt16("dns.qry.type");
            var @class = (DnsClass)r.ReadUInt16("dns.qry.class");
            questions.Add(new DnsQuestion(name, type, @class) { Layout = layout });
        }
        var answers = Records(data, ref r, anCount, anField, update ? "prerequisite RRs" : "answer RRs");
        var authorities = Records(data, ref r, nsCount, nsField, update ? "update RRs" : "authority RRs");
        var additionals = Records(data, ref r, arCount, arField, "additional RRs");
        if (r.HasData)
            throw r.Error("dns", $"{r.Remaining} octet(s) after the last record the header's counts declare");

        return new DnsMessage
        {
            Id = id,
            IsResponse = (flags & 0x8000) != 0,
            Opcode = opcode,
            Authoritative = (flags & 0x0400) != 0,
            Truncated = (flags & 0x0200) != 0,
            RecursionDesired = (flags & 0x0100) != 0,
            RecursionAvailable = (flags & 0x0080) != 0,
            Z = (flags & 0x0040) != 0,
            AuthenticData = (flags & 0x0020) != 0,
            CheckingDisabled = (flags & 0x0010) != 0,
            Rcode = (DnsRcode)(flags & 0xF),
            Questions = [.. questions],
            Answers = answers,
            Authorities = authorities,
            Additionals = additionals,
        };
    }

    static DnsRecord[] Records(ReadOnlySpan<byte> data, ref WireReader r, int count, string countField, string what)
    {
        var records = new List<DnsRecord>(Math.Min(count, r.Remaining / MinRecord));
        for (int i = 0; i < count; i++)
        {
            Expect(ref r, count, i, countField, what);
            var (name, layout, end) = DnsNameDecoder.Read(data, r.Position, data.Length, "dns.resp.name");
            r.ReadBytes(end - r.Position, "dns.resp.name");
            var type = (DnsType)r.ReadUInt16("dns.resp.type");
            var @class = (DnsClass)r.ReadUInt16("dns.resp.class");
            uint ttl = r.ReadUInt32("dns.resp.ttl");
            int rdLengthAt = r.Offset;
            ushort rdLength = r.ReadUInt16("dns.resp.len");
            if (rdLength > r.Remaining)
                throw r.Error("dns.resp.len", $"RDLENGTH {rdLength} exceeds the {r.Remaining} octet(s) left in the message", rdLengthAt);
            var layouts = new List<NameLayout> { layout };
            byte[] rdata = RdataCodec.Decode(data, r.Position, rdLength, type, @class, layouts);
            r.ReadBytes(rdLength, "dns.resp.len");
            records.Add(new DnsRecord(name, type, @class, ttl, rdata) { Layouts = [.. layouts] });
        }
        return [.. records];
    }

    static void Expect(ref WireReader r, int count, int index, string countField, string what)
    {
        if (!r.HasData) throw r.Error(countField, $"the header declares {count} {what} but the message ends after {index}");
    }
}
