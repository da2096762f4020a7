using System.Buffers;
using EUeConformance.Protocols.Wire;
using EUeConformance.Protocols.Snmp;

namespace EUeConformance.Protocols.ConfigFile;

/// <summary>
/// The eUE configuration file (EUE-PROV 6.4.2, Table 6, 6.4.2.1, 6.5), in the PKT-PROV1.5 §9.1 MTA
/// format: TLVs bracketed by FE 01 01 … FE 01 FF. The TLVs are kept in order as raw bytes, so that
/// encoding a decoded file reproduces its bytes exactly; the trailer holds what could not be split
/// into TLVs (the tail of a truncated file, or cipher padding after the end of a decrypted one).
/// </summary>
public sealed class EueConfigFile : IEquatable<EueConfigFile>
{
    readonly byte[] _trailer;

    public EueConfigFile(IEnumerable<ConfigTlv> tlvs, ReadOnlySpan<byte> trailer = default)
    {
        Tlvs = tlvs.ToList();
        _trailer = trailer.ToArray();
    }

    public IReadOnlyList<ConfigTlv> Tlvs { get; }
    public ReadOnlySpan<byte> Trailer => _trailer;

    /// <summary>Strict decode: throws <see cref="ParseError"/> at the first error (by offset); warnings are allowed.</summary>
    public static EueConfigFile Decode(ReadOnlySpan<byte> data) => ConfigFileParser.Parse(data).ThrowIfInvalid();

    /// <summary>Tolerant decode: every TLV it could read and every problem with its offset.</summary>
    public static ConfigFileParseResult Parse(ReadOnlySpan<byte> data, ConfigFileParseOptions? options = null) => ConfigFileParser.Parse(data, options);

    /// <summary>The VarBinds of the well-formed TLV 11 and TLV 64, in file order.</summary>
    public IEnumerable<VarBind> VarBinds
    {
        get
        {
            foreach (var t in Tlvs)
                if (t.TryGetVarBind(out var vb)) yield return vb!;
        }
    }

    /// <summary>The first VarBind for <paramref name="oid"/> (an instance OID such as ….7.0), or null.</summary>
    public VarBind? Find(string oid) => VarBinds.FirstOrDefault(v => v.Oid == oid);

    public IEnumerable<NotificationReceiver> NotificationReceivers =>
        Tlvs.Where(t => t.Type == ConfigTlvType.NotificationReceiver)
            .Select(t => NotificationReceiver.Parse(t.Value, Math.Max(t.ValueOffset, 0), Math.Max(t.Offset, 0), []));

    /// <summary>The TLV 43s that carry a valid vendor ID.</summary>
    public IEnumerable<VendorSpecific> VendorSpecifics =>
        Tlvs.Where(t => t.Type == ConfigTlvType.VendorSpecific)
            .Select(t => VendorSpecific.Parse(t.Value, Math.Max(t.ValueOffset, 0), Math.Max(t.Offset, 0), []))
            .Where(v => v is not null).Select(v => v!);

    public int EncodedLength => Tlvs.Sum(t => t.EncodedLength) + _trailer.Length;

    public byte[] Encode()
    {
        var buffer = new WireBuffer(Math.Max(16, EncodedLength));
        foreach (var t in Tlvs) t.WriteTo(buffer);
        buffer.WriteBytes(_trailer);
        return buffer.ToArray();
    }

    public void Encode(IBufferWriter<byte> output) => output.Write(Encode());

    /// <summary>A copy with <paramref name="tlv"/> inserted at <paramref name="index"/>.</summary>
    public EueConfigFile Insert(int index, ConfigTlv tlv)
    {
        var list = Tlvs.ToList();
        list.Insert(index, tlv);
        return new EueConfigFile(list, _trailer);
    }

    /// <summary>A copy without the TLV at <paramref name="index"/>.</summary>
    public EueConfigFile RemoveAt(int index)
    {
        var list = Tlvs.ToList();
        list.RemoveAt(index);
        return new EueConfigFile(list, _trailer);
    }

    public bool Equals(EueConfigFile? other) =>
        other is not null && Tlvs.SequenceEqual(other.Tlvs) && _trailer.AsSpan().SequenceEqual(other._trailer);

    public override bool Equals(object? obj) => Equals(obj as EueConfigFile);

    public override int GetHashCode()
    {
        var h = new HashCode();
        foreach (var t in Tlvs) h.Add(t);
        h.AddBytes(_trailer);
        return h.ToHashCode();
    }

    public override string ToString() => string.Join(Environment.NewLine, Tlvs.Select(t => t.ToString()));
}
