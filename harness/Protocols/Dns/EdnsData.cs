using System.Buffers.Binary;

namespace EUeConformance.Protocols.Dns;

/// <summary>One EDNS option (RFC 6891 §6.1.2): OPTION-CODE and OPTION-DATA, kept as octets.</summary>
public sealed class EdnsOption(ushort code, ReadOnlySpan<byte> data) : IEquatable<EdnsOption>
{
    readonly byte[] _data = data.ToArray();

    public ushort Code { get; } = code;
    public ReadOnlyMemory<byte> Data => _data;

    public bool Equals(EdnsOption? other) => other is not null && Code == other.Code && _data.AsSpan().SequenceEqual(other._data);
    public override bool Equals(object? obj) => Equals(obj as EdnsOption);
    public override int GetHashCode() => HashCode.Combine(Code, _data.Length);
    public override string ToString() => $"{Code}:{Convert.ToHexString(_data)}";
}

/// <summary>
/// The OPT pseudo-RR read as EDNS (RFC 6891 §6.1.2-§6.1.3): CLASS is the requestor's UDP payload
/// size, TTL holds EXTENDED-RCODE (8 bits), VERSION (8), DO (1) and Z (15), RDATA the options.
/// </summary>
public sealed record EdnsData(ushort UdpPayloadSize, byte ExtendedRcode, byte Version, bool DnssecOk, ushort Z, IReadOnlyList<EdnsOption> Options)
{
    /// <summary>RFC 6891 §6.2.5: a payload size below 512 is treated as 512.</summary>
    public int EffectiveUdpPayloadSize => Math.Max(512, (int)UdpPayloadSize);

    internal uint Ttl => (uint)ExtendedRcode << 24 | (uint)Version << 16 | (DnssecOk ? 0x8000u : 0) | (Z & 0x7FFFu);

    internal static EdnsData FromRecord(DnsRecord opt) => new(
        (ushort)opt.Class, (byte)(opt.Ttl >> 24), (byte)(opt.Ttl >> 16), (opt.Ttl & 0x8000) != 0, (ushort)(opt.Ttl & 0x7FFF),
        SplitOptions(opt.Data.Span));

    internal static byte[] JoinOptions(IEnumerable<EdnsOption> options)
    {
        var bytes = new List<byte>();
        foreach (var o in options)
        {
            if (o.Data.Length > ushort.MaxValue) throw new ArgumentException($"EDNS option {o.Code} has more than 65535 octets");
            bytes.Add((byte)(o.Code >> 8)); bytes.Add((byte)o.Code);
            bytes.Add((byte)(o.Data.Length >> 8)); bytes.Add((byte)o.Data.Length);
            bytes.AddRange(o.Data.Span);
        }
        return [.. bytes];
    }

    /// <summary>Splits options that are known to fit (canonical OPT RDATA); stops at anything that does not.</summary>
    internal static List<EdnsOption> SplitOptions(ReadOnlySpan<byte> rdata)
    {
        var list = new List<EdnsOption>();
        int pos = 0;
        while (rdata.Length - pos >= 4)
        {
            int len = BinaryPrimitives.ReadUInt16BigEndian(rdata[(pos + 2)..]);
            if (len > rdata.Length - pos - 4) break;
            list.Add(new EdnsOption(BinaryPrimitives.ReadUInt16BigEndian(rdata[pos..]), rdata.Slice(pos + 4, len)));
            pos += 4 + len;
        }
        return list;
    }

    public bool Equals(EdnsData? other) =>
        other is not null && UdpPayloadSize == other.UdpPayloadSize && ExtendedRcode == other.ExtendedRcode && Version == other.Version
        && DnssecOk == other.DnssecOk && Z == other.Z && Options.SequenceEqual(other.Options);

    public override int GetHashCode() => HashCode.Combine(UdpPayloadSize, ExtendedRcode, Version, DnssecOk, Z, Options.Count);
}
