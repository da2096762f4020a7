using System.Buffers.Binary;
using System.Globalization;
using System.Net;
using System.Text;
using EUeConformance.Protocols.Wire;

namespace EUeConformance.Protocols.Dns;

/// <summary>
/// RDATA by the type table. A record keeps its RDATA in canonical form: the wire octets with every
/// domain name expanded (no pointers), so it is meaningful outside its message and compares
/// octet for octet. Decoding checks the wire RDATA field by field and expands names; encoding
/// walks the canonical form and compresses the names that may be compressed.
/// </summary>
internal static class RdataCodec
{
    /// <summary>Wire RDATA at [start, start+length) of <paramref name="message"/> to canonical form; names' layouts are appended to <paramref name="layouts"/>.</summary>
    public static byte[] Decode(ReadOnlySpan<byte> message, int start, int length, DnsType type, DnsClass @class, List<NameLayout> layouts)
    {
        var rdata = message.Slice(start, length);
        var def = DnsTypeDefinitions.Find(type);
        // RFC 2136 §2.4.1, §2.4.3, §2.5.2, §2.5.3: prerequisites and deletions of class ANY or NONE carry no RDATA, whatever the type.
        if (def is null || (length == 0 && @class is DnsClass.Any or DnsClass.None && type != DnsType.Opt)) return rdata.ToArray();

        int end = start + length, pos = start;
        var canonical = new WireBuffer(Math.Max(16, length + 16));
        foreach (var field in def.Fields)
        {
            switch (field.Format)
            {
                case RdataFieldFormat.UInt16: canonical.WriteBytes(Take(message, ref pos, end, 2, field, def)); break;
                case RdataFieldFormat.UInt32: canonical.WriteBytes(Take(message, ref pos, end, 4, field, def)); break;
                case RdataFieldFormat.Ipv4Address: canonical.WriteBytes(Take(message, ref pos, end, 4, field, def)); break;
                case RdataFieldFormat.Ipv6Address: canonical.WriteBytes(Take(message, ref pos, end, 16, field, def)); break;
                case RdataFieldFormat.CompressibleName:
                case RdataFieldFormat.Name:
                    var (name, layout, after) = DnsNameDecoder.Read(message, pos, end, field.WiresharkField);
                    canonical.WriteBytes(name.Wire);
                    layouts.Add(layout);
                    pos = after;
                    break;
                case RdataFieldFormat.CharacterString:
                    canonical.WriteBytes(CharacterString(message, ref pos, end, field, def));
                    break;
                case RdataFieldFormat.CharacterStrings:
                    if (pos >= end) throw new ParseError("dns", pos, field.WiresharkField, $"{def.Mnemonic} RDATA needs at least one character-string (RFC 1035 §3.3.14)");
                    while (pos < end) canonical.WriteBytes(CharacterString(message, ref pos, end, field, def));
                    break;
                case RdataFieldFormat.EdnsOptions:
                    while (pos < end)
                    {
                        int at = pos;
                        if (end - pos < 4) throw new ParseError("dns", pos, "dns.opt.code", $"EDNS option header needs 4 octets, the RDATA has {end - pos} left");
                        int len = BinaryPrimitives.ReadUInt16BigEndian(message[(pos + 2)..]);
                        if (len > end - pos - 4) throw new ParseError("dns", pos + 2, "dns.opt.len", $"EDNS option length {len} exceeds the {end - pos - 4} octet(s) left in the RDATA");
                        pos += 4 + len;
                        canonical.WriteBytes(message[at..pos]);
                    }
                    break;
            }
        }
        if (pos != end)
            throw new ParseError("dns", pos, "dns.resp.len", $"{def.Mnemonic} RDATA is {length} octets but its fields end after {pos - start}");
        return canonical.ToArray();
    }

    static ReadOnlySpan<byte> Take(ReadOnlySpan<byte> message, ref int pos, int end, int count, RdataField field, DnsTypeDefinition def)
    {
        if (end - pos < count)
            throw new ParseError("dns", pos, field.WiresharkField, $"{def.Mnemonic} {field.Name} needs {count} octets, the RDATA has {end - pos} left");
        var s = message.Slice(pos, count);
        pos += count;
        return s;
    }

    static ReadOnlySpan<byte> CharacterString(ReadOnlySpan<byte> message, ref int pos, int end, RdataField field, DnsTypeDefinition def)
    {
        if (pos >= end) throw new ParseError("dns", pos, field.WiresharkField, $"{def.Mnemonic} {field.Name} is missing: the RDATA has ended");
        int len = message[pos];
        if (len > end - pos - 1)
            throw new ParseError("dns", pos, field.WiresharkField, $"{def.Mnemonic} {field.Name} length {len} exceeds the {end - pos - 1} octet(s) left in the RDATA");
        var s = message.Slice(pos, 1 + len);
        pos += 1 + len;
        return s;
    }

    /// <summary>Writes canonical RDATA with its names compressed as allowed; RDATA that does not fit its type's definition is written as it is.</summary>
    public static void Encode(WireBuffer output, int at, DnsType type, ReadOnlySpan<byte> canonical, DnsNameTable table, bool compress,
        IReadOnlyList<NameLayout>? layouts, int firstLayout)
    {
        var def = DnsTypeDefinitions.Find(type);
        if (def is null || !TryParse(def, canonical, out var values))
        {
            output.WriteBytes(canonical);
            return;
        }
        int layoutIndex = firstLayout;
        for (int i = 0; i < def.Fields.Count; i++)
        {
            var field = def.Fields[i];
            if (field.Format is RdataFieldFormat.CompressibleName or RdataFieldFormat.Name)
            {
                NameLayout? layout = layouts is not null && layoutIndex < layouts.Count ? layouts[layoutIndex] : null;
                layoutIndex++;
                table.Write(output, at, (DnsName)values[i], compress && field.Format == RdataFieldFormat.CompressibleName, compress ? layout : null);
            }
            else output.WriteBytes((byte[])values[i]);
        }
    }

    /// <summary>
    /// Splits canonical RDATA into field values: names as <see cref="DnsName"/>, every other field as its
    /// wire octets (byte[]). False if the octets do not match the definition.
    /// </summary>
    public static bool TryParse(DnsTypeDefinition def, ReadOnlySpan<byte> canonical, out object[] values)
    {
        values = new object[def.Fields.Count];
        int pos = 0;
        for (int i = 0; i < def.Fields.Count; i++)
        {
            int start = pos;
            switch (def.Fields[i].Format)
            {
                case RdataFieldFormat.UInt16: pos += 2; break;
                case RdataFieldFormat.UInt32: pos += 4; break;
                case RdataFieldFormat.Ipv4Address: pos += 4; break;
                case RdataFieldFormat.Ipv6Address: pos += 16; break;
                case RdataFieldFormat.CompressibleName:
                case RdataFieldFormat.Name:
                    int n = DnsLabels.Measure(canonical[pos..]);
                    if (n < 0) return false;
                    values[i] = DnsName.FromTrustedWire(canonical.Slice(pos, n));
                    pos += n;
                    continue;
                case RdataFieldFormat.CharacterString:
                    if (pos >= canonical.Length) return false;
                    pos += 1 + canonical[pos];
                    break;
                case RdataFieldFormat.CharacterStrings:
                    if (pos >= canonical.Length) return false;
                    while (pos < canonical.Length) pos += 1 + canonical[pos];
                    break;
                case RdataFieldFormat.EdnsOptions:
                    while (pos < canonical.Length)
                    {
                        if (canonical.Length - pos < 4) return false;
                        pos += 4 + BinaryPrimitives.ReadUInt16BigEndian(canonical[(pos + 2)..]);
                    }
                    break;
            }
            if (pos > canonical.Length) return false;
            values[i] = canonical[start..pos].ToArray();
        }
        return pos == canonical.Length;
    }

    /// <summary>RDATA in presentation format (RFC 1035 §5.1; RFC 3597 §5 "\# length hex" for what has no definition).</summary>
    public static string Present(DnsType type, ReadOnlySpan<byte> canonical)
    {
        var def = DnsTypeDefinitions.Find(type);
        if (def is null || !TryParse(def, canonical, out var values))
            return canonical.Length == 0 ? @"\# 0" : $@"\# {canonical.Length} {Convert.ToHexString(canonical)}";
        var parts = new List<string>();
        for (int i = 0; i < def.Fields.Count; i++)
        {
            object v = values[i];
            parts.Add(def.Fields[i].Format switch
            {
                RdataFieldFormat.UInt16 => BinaryPrimitives.ReadUInt16BigEndian((byte[])v).ToString(CultureInfo.InvariantCulture),
                RdataFieldFormat.UInt32 => BinaryPrimitives.ReadUInt32BigEndian((byte[])v).ToString(CultureInfo.InvariantCulture),
                RdataFieldFormat.Ipv4Address or RdataFieldFormat.Ipv6Address => new IPAddress((byte[])v).ToString(),
                RdataFieldFormat.CompressibleName or RdataFieldFormat.Name => v.ToString()!,
                RdataFieldFormat.CharacterString or RdataFieldFormat.CharacterStrings => string.Join(" ", SplitStrings((byte[])v).Select(Quote)),
                RdataFieldFormat.EdnsOptions => string.Join(" ", EdnsData.SplitOptions((byte[])v).Select(o => $"{o.Code}:{Convert.ToHexString(o.Data.Span)}")),
                _ => "?",
            });
        }
        return string.Join(" ", parts.Where(p => p.Length > 0));
    }

    /// <summary>Splits consecutive character-strings (each already known to fit) into their contents.</summary>
    public static List<byte[]> SplitStrings(ReadOnlySpan<byte> strings)
    {
        var list = new List<byte[]>();
        for (int pos = 0; pos < strings.Length; pos += 1 + strings[pos]) list.Add(strings.Slice(pos + 1, strings[pos]).ToArray());
        return list;
    }

    static string Quote(byte[] s)
    {
        var sb = new StringBuilder("\"");
        foreach (byte b in s)
        {
            if (b is (byte)'"' or (byte)'\\') sb.Append('\\').Append((char)b);
            else if (b is < 0x20 or > 0x7E) sb.Append('\\').Append(b.ToString("D3", CultureInfo.InvariantCulture));
            else sb.Append((char)b);
        }
        return sb.Append('"').ToString();
    }
}
