using System.Buffers.Binary;
using EUeConformance.Protocols.Snmp;
using EUeConformance.Protocols.Wire;

namespace EUeConformance.Protocols.ConfigFile;

/// <summary>
/// One top-level TLV of the eUE configuration file, kept as raw bytes (so that re-encoding a decoded
/// file reproduces it exactly) with typed accessors for the types Table 6 defines.
/// </summary>
public sealed class ConfigTlv : IEquatable<ConfigTlv>
{
    readonly byte[] _value;

    /// <param name="type">TLV type.</param>
    /// <param name="value">Value bytes.</param>
    /// <param name="lengthFieldSize">1 or 2; by default the size PKT-PROV1.5 §9.1 gives the type (2 for 64 and unknown types).</param>
    /// <param name="offset">Where the TLV started in a decoded file; -1 for one that was built.</param>
    public ConfigTlv(byte type, ReadOnlySpan<byte> value, int? lengthFieldSize = null, int offset = -1)
    {
        LengthFieldSize = lengthFieldSize ?? ConfigTlvType.LengthFieldSize(type);
        if (LengthFieldSize is not (1 or 2)) throw new ArgumentOutOfRangeException(nameof(lengthFieldSize), "1 or 2");
        if (value.Length > (LengthFieldSize == 1 ? byte.MaxValue : ushort.MaxValue))
            throw new ArgumentOutOfRangeException(nameof(value), $"{value.Length} bytes do not fit a {LengthFieldSize}-byte length");
        Type = type;
        _value = value.ToArray();
        Offset = offset;
    }

    public byte Type { get; }
    public int LengthFieldSize { get; }
    public ReadOnlySpan<byte> Value => _value;
    public ReadOnlyMemory<byte> ValueMemory => _value;
    /// <summary>Offset of the type byte in the decoded file, -1 when built.</summary>
    public int Offset { get; }
    public int ValueOffset => Offset < 0 ? -1 : Offset + 1 + LengthFieldSize;
    public int EncodedLength => 1 + LengthFieldSize + _value.Length;

    public ConfigTlvDefinition? Definition => ConfigTlvSpaces.Find(ConfigTlvSpaces.TopLevel, Type);
    public bool IsStartOfFile => Type == ConfigTlvType.FileDelimiter && _value is [ConfigTlvType.StartOfFileValue];
    public bool IsEndOfFile => Type == ConfigTlvType.FileDelimiter && _value is [ConfigTlvType.EndOfFileValue];
    public bool IsVarBind => Type is ConfigTlvType.SnmpMibObject or ConfigTlvType.SnmpMibObjectLong;

    public static ConfigTlv StartOfFile() => new(ConfigTlvType.FileDelimiter, [ConfigTlvType.StartOfFileValue]);
    public static ConfigTlv EndOfFile() => new(ConfigTlvType.FileDelimiter, [ConfigTlvType.EndOfFileValue]);

    /// <summary>
    /// TLV 11 when the encoded VarBind is at most 254 bytes, else TLV 64 (PKT-PROV1.5 §9.1: TLV 64 MUST
    /// be used above 254; EUE-PROV Table 6 note: TLV 11 is recommended wherever possible).
    /// </summary>
    public static ConfigTlv ForVarBind(VarBind varBind)
    {
        byte[] encoded = varBind.Encode();
        return new(encoded.Length <= MaxTlv11VarBind ? ConfigTlvType.SnmpMibObject : ConfigTlvType.SnmpMibObjectLong, encoded);
    }

    /// <summary>The largest VarBind PKT-PROV1.5 §9.1 lets TLV 11 carry.</summary>
    public const int MaxTlv11VarBind = 254;

    public static ConfigTlv ForNotificationReceiver(NotificationReceiver receiver) => new(ConfigTlvType.NotificationReceiver, receiver.EncodeValue());
    public static ConfigTlv ForVendorSpecific(VendorSpecific vendor) => new(ConfigTlvType.VendorSpecific, vendor.EncodeValue());

    /// <summary>The VarBind of TLV 11/64; throws <see cref="ParseError"/> with the absolute offset when malformed.</summary>
    public VarBind GetVarBind()
    {
        if (!IsVarBind) throw new InvalidOperationException($"TLV {Type} does not carry a VarBind");
        return VarBind.Decode(_value, Math.Max(ValueOffset, 0), ConfigFileFields.VarBinds);
    }

    public bool TryGetVarBind(out VarBind? varBind)
    {
        varBind = DecodeVarBind(out _);
        return varBind is not null;
    }

    /// <summary>The VarBind, or null and why; decoded once, since the parser, accessors and evidence all ask.</summary>
    internal VarBind? DecodeVarBind(out ParseError? error)
    {
        if (!_varBindDecoded)
        {
            _varBind = IsVarBind ? VarBind.TryDecode(_value, Math.Max(ValueOffset, 0), ConfigFileFields.VarBinds, out _varBindError) : null;
            _varBindDecoded = true;
        }
        error = _varBindError;
        return _varBind;
    }

    VarBind? _varBind;
    ParseError? _varBindError;
    bool _varBindDecoded;

    public NotificationReceiver GetNotificationReceiver()
    {
        if (Type != ConfigTlvType.NotificationReceiver) throw new InvalidOperationException($"TLV {Type} is not a notification receiver");
        return NotificationReceiver.Decode(_value, Math.Max(ValueOffset, 0));
    }

    public VendorSpecific GetVendorSpecific()
    {
        if (Type != ConfigTlvType.VendorSpecific) throw new InvalidOperationException($"TLV {Type} is not vendor specific");
        return VendorSpecific.Decode(_value, Math.Max(ValueOffset, 0));
    }

    public void WriteTo(WireBuffer output)
    {
        output.WriteByte(Type);
        if (LengthFieldSize == 1) output.WriteByte((byte)_value.Length);
        else output.WriteUInt16((ushort)_value.Length);
        output.WriteBytes(_value);
    }

    /// <summary>Equal when type, length field size and value are; the offset is not compared.</summary>
    public bool Equals(ConfigTlv? other) =>
        other is not null && Type == other.Type && LengthFieldSize == other.LengthFieldSize && _value.AsSpan().SequenceEqual(other._value);

    public override bool Equals(object? obj) => Equals(obj as ConfigTlv);

    public override int GetHashCode()
    {
        var h = new HashCode();
        h.Add(Type); h.Add(LengthFieldSize); h.AddBytes(_value);
        return h.ToHashCode();
    }

    public override string ToString()
    {
        string head = $"TLV {Type} ({Definition?.Name ?? "unknown"}, {_value.Length} bytes)";
        if (IsStartOfFile) return head + ": eUE Start of File";
        if (IsEndOfFile) return head + ": eUE End of File";
        if (TryGetVarBind(out var vb)) return $"{head}: {vb}";
        return $"{head}: {Convert.ToHexString(_value)}";
    }

    internal static int ReadLength(ReadOnlySpan<byte> header, int size) =>
        size == 1 ? header[0] : BinaryPrimitives.ReadUInt16BigEndian(header);
}
