using EUeConformance.Protocols.Wire;

namespace EUeConformance.Protocols.Dhcp4;

/// <summary>
/// One code(1) length(1) value element inside an encapsulating option (122, 125/4491, 123, 43,
/// 82) or a TLV 5 capability. The value is kept byte for byte; <see cref="Offset"/> (where the
/// value sat in the datagram, -1 if built) is evidence and takes no part in equality.
/// </summary>
public sealed class SubOption : IEquatable<SubOption>
{
    public SubOption(byte code, ReadOnlySpan<byte> value, int offset = -1)
    {
        if (value.Length > byte.MaxValue) throw new ArgumentException($"a sub-option value has at most 255 bytes, not {value.Length}", nameof(value));
        Code = code;
        Value = value.ToArray();
        Offset = offset;
    }

    public byte Code { get; }
    public byte[] Value { get; }
    public int Offset { get; }

    public bool Equals(SubOption? other) => other is not null && Code == other.Code && Value.AsSpan().SequenceEqual(other.Value);
    public override bool Equals(object? obj) => Equals(obj as SubOption);
    public override int GetHashCode() => HashCode.Combine(Code, Value.Length);
    public override string ToString() => $"{Code}:{Convert.ToHexString(Value)}";
}

/// <summary>
/// An ordered list of <see cref="SubOption"/>s as they appear on the wire, with parsing against
/// an <see cref="OptionSpace"/> (pad/end semantics, known-format validation) and encoding back.
/// </summary>
public sealed class SubOptionList : IReadOnlyList<SubOption>, IEquatable<SubOptionList>
{
    readonly List<SubOption> _items;

    public SubOptionList(IEnumerable<SubOption> items) => _items = [.. items];

    public static SubOptionList Empty { get; } = new([]);

    public int Count => _items.Count;
    public SubOption this[int index] => _items[index];
    public IEnumerator<SubOption> GetEnumerator() => _items.GetEnumerator();
    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>The first sub-option with this code.</summary>
    public SubOption? Find(byte code)
    {
        foreach (var s in _items) if (s.Code == code) return s;
        return null;
    }

    /// <summary>
    /// Parses code/length/value elements; every sub-option the space defines is checked against
    /// its format (<see cref="OptionValidator"/>), unknown ones are kept as they are.
    /// </summary>
    public static SubOptionList Parse(ReadOnlySpan<byte> data, OptionSpace space, int baseOffset = 0, bool validate = true)
    {
        var reader = new WireReader(data, Dhcp4Protocol.Name, baseOffset);
        var items = new List<SubOption>();
        while (reader.HasData)
        {
            byte code = reader.ReadByte(space.SubOptionField);
            if (space.PadAndEnd && code == 0) continue;       // RFC 2132 §3.1 / §8.4: pad
            if (space.PadAndEnd && code == 255) break;        // end of the encapsulated list
            if (!reader.HasData) throw reader.Error(space.LengthField, $"sub-option {code} has no length byte");
            int lengthAt = reader.Offset;
            byte length = reader.ReadByte(space.LengthField);
            if (length > reader.Remaining)
                throw reader.Error(space.LengthField, $"sub-option {code} length {length} overruns the {reader.Remaining} byte(s) left", lengthAt);
            int valueAt = reader.Offset;
            var value = reader.ReadBytes(length, space.LengthField);
            if (validate && space.Find(code) is { } definition)
                OptionValidator.Validate(definition, value, valueAt);
            items.Add(new SubOption(code, value, valueAt));
        }
        return new SubOptionList(items);
    }

    public void WriteTo(WireBuffer buffer)
    {
        foreach (var s in _items)
        {
            buffer.WriteByte(s.Code);
            buffer.WriteByte((byte)s.Value.Length);
            buffer.WriteBytes(s.Value);
        }
    }

    public byte[] Encode()
    {
        var buffer = new WireBuffer(_items.Sum(s => s.Value.Length + 2));
        WriteTo(buffer);
        return buffer.ToArray();
    }

    public bool Equals(SubOptionList? other) => other is not null && _items.SequenceEqual(other._items);
    public override bool Equals(object? obj) => Equals(obj as SubOptionList);
    public override int GetHashCode() => _items.Count;
    public override string ToString() => string.Join(" ", _items);
}
