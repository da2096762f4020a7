using EUeConformance.Protocols.Wire;

namespace EUeConformance.Protocols.Dns;

/// <summary>
/// <see cref="DnsMessage"/> to wire. Each entry is laid out in a scratch buffer first and kept only
/// if the message still fits the size limit; an entry that does not fit is dropped whole, with the
/// compression table entries it added, and so is everything after it. Dropping from the question,
/// answer or authority section sets TC; dropping only additional data does not (RFC 2181 §9: TC
/// means a required RRset could not be included, not that extra information was left out). The OPT
/// record is kept whenever it fits, its room set aside first (RFC 6891 §7: a truncated response
/// still carries the responder's OPT).
/// </summary>
internal static class DnsMessageEncoder
{
    const int HeaderLength = 12;

    public static WireBuffer Encode(DnsMessage m, DnsEncodeOptions o)
    {
        if (o.MaxSize < HeaderLength) throw new ArgumentOutOfRangeException(nameof(o), $"MaxSize {o.MaxSize} cannot hold even the {HeaderLength}-octet header");
        int max = Math.Min(o.MaxSize, ushort.MaxValue);
        bool compress = o.Compress, keepLayout = o.Compress && o.KeepDecodedLayout;
        var table = new DnsNameTable();
        var body = new WireBuffer(512);
        var scratch = new WireBuffer(256);

        int reserve = m.Additionals.Where(r => r.Type == DnsType.Opt).Sum(r => r.Name.Length + 10 + r.Data.Length);
        bool truncated = m.Truncated, stopped = false;
        int qd = 0;

        foreach (var q in m.Questions)
        {
            if (stopped) break;
            int at = HeaderLength + body.Length, mark = table.Mark;
            scratch.Clear();
            table.Write(scratch, at, q.Name, compress, keepLayout ? q.Layout : null);
            scratch.WriteUInt16((ushort)q.Type);
            scratch.WriteUInt16((ushort)q.Class);
            if (Keep(body, scratch, reserve, max)) qd++;
            else { table.Rollback(mark); stopped = truncated = true; }
        }
        int an = Section(m.Answers, required: true);
        int ns = Section(m.Authorities, required: true);
        int ar = Section(m.Additionals, required: false);

        // Every entry takes at least 5 octets and the message at most 65535, so the counts fit 16 bits.
        var output = new WireBuffer(HeaderLength + body.Length);
        output.WriteUInt16(m.Id);
        output.WriteUInt16((ushort)(m.Flags & ~0x0200 | (truncated ? 0x0200 : 0)));
        output.WriteUInt16((ushort)qd);
        output.WriteUInt16((ushort)an);
        output.WriteUInt16((ushort)ns);
        output.WriteUInt16((ushort)ar);
        output.WriteBytes(body.WrittenSpan);
        return output;

        int Section(IReadOnlyList<DnsRecord> records, bool required)
        {
            int kept = 0;
            foreach (var r in records)
            {
                bool opt = r.Type == DnsType.Opt && !required;
                if (opt) reserve -= r.Name.Length + 10 + r.Data.Length;
                if (stopped && !opt) continue;
                int at = HeaderLength + body.Length, mark = table.Mark;
                scratch.Clear();
                WriteRecord(scratch, at, r, table, compress, keepLayout);
                if (Keep(body, scratch, reserve, max)) kept++;
                else
                {
                    table.Rollback(mark);
                    if (opt) continue;
                    stopped = true;
                    if (required) truncated = true;
                }
            }
            return kept;
        }
    }

    static bool Keep(WireBuffer body, WireBuffer entry, int reserve, int max)
    {
        if (HeaderLength + body.Length + entry.Length + reserve > max) return false;
        body.WriteBytes(entry.WrittenSpan);
        return true;
    }

    static void WriteRecord(WireBuffer output, int at, DnsRecord r, DnsNameTable table, bool compress, bool keepLayout)
    {
        var layouts = keepLayout ? r.Layouts : null;
        table.Write(output, at, r.Name, compress, layouts is { Length: > 0 } ? layouts[0] : null);
        output.WriteUInt16((ushort)r.Type);
        output.WriteUInt16((ushort)r.Class);
        output.WriteUInt32(r.Ttl);
        int lengthAt = output.ReserveLength(2);
        RdataCodec.Encode(output, at, r.Type, r.Data.Span, table, compress, layouts, 1);
        output.FillLength(lengthAt, 2);
    }
}
