namespace EUeConformance.Protocols.ConfigFile;

/// <summary>One sub-TLV of TLV 38 or 43: type(1) length(1) value, kept as raw bytes.</summary>
public sealed class SubTlv : IEquatable<SubTlv>
{
    readonly byte[] _value;

    public SubTlv(byte type, ReadOnlySpan<byte> value)
    {
        if (value.Length > byte.MaxValue) throw new ArgumentOutOfRangeException(nameof(value), "a sub-TLV value has a 1-byte length");
        Type = type;
        _value = value.ToArray();
    }

    public byte Type { get; }
    public ReadOnlySpan<byte> Value => _value;
    public int EncodedLength => 2 + _value.Length;

    internal void WriteTo(List<byte> output)
    {
        output.Add(Type);
        output.Add((byte)_value.Length);
        output.AddRange(_value);
    }

    public bool Equals(SubTlv? other) => other is not null && Type == other.Type && _value.AsSpan().SequenceEqual(other._value);
    public override bool Equals(object? obj) => Equals(obj as SubTlv);
    public override int GetHashCode()
    {
        var h = new HashCode();
        h.Add(Type); h.AddBytes(_value);
        return h.ToHashCode();
    }
    public override string ToString() => $"{Type}: {Convert.ToHexString(_value)}";
}

/// <summary>Splits the value of TLV 38 or 43 into 1-byte-type, 1-byte-length sub-TLVs.</summary>
static class SubTlvSplitter
{
    /// <summary>
    /// Returns the complete sub-TLVs with their absolute offsets; a sub-TLV that runs past the
    /// parent's value is reported as <see cref="ConfigFileProblemKind.TruncatedSubTlv"/> and ends the split.
    /// </summary>
    public static List<(SubTlv Tlv, int Offset)> Split(ReadOnlySpan<byte> value, int baseOffset, byte parentType,
        string lengthField, List<ConfigFileProblem> problems)
    {
        var list = new List<(SubTlv, int)>();
        int pos = 0;
        while (pos < value.Length)
        {
            byte type = value[pos];
            if (value.Length - pos < 2)
            {
                problems.Add(new(baseOffset + pos, parentType, $"sub-TLV {parentType}.{type} has no length byte", ConfigFileProblemKind.TruncatedSubTlv, ConfigFileProblemSeverity.Error, lengthField, type));
                break;
            }
            int length = value[pos + 1];
            if (length > value.Length - pos - 2)
            {
                problems.Add(new(baseOffset + pos, parentType, $"sub-TLV {parentType}.{type} length {length} runs past the end of TLV {parentType} ({value.Length - pos - 2} byte(s) left)", ConfigFileProblemKind.TruncatedSubTlv, ConfigFileProblemSeverity.Error, lengthField, type));
                break;
            }
            list.Add((new SubTlv(type, value.Slice(pos + 2, length)), baseOffset + pos));
            pos += 2 + length;
        }
        return list;
    }
}
