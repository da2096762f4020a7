using System.Buffers.Binary;
using EUeConformance.Protocols.Wire;

namespace EUeConformance.Protocols.Dhcp6;

/// <summary>
/// Reads options framed as code(2) length(2) data from a span, in the manner of AsnReader: each
/// read checks the framing and, when the space knows the code, the data against its definition
/// (recursively through encapsulated spaces), and throws <see cref="ParseError"/> with the absolute
/// offset. It allocates nothing; <see cref="ReadAll"/> collects the options of a buffer it may slice.
/// </summary>
public ref struct Dhcp6OptionReader
{
    readonly ReadOnlySpan<byte> _data;
    readonly int _base;
    readonly OptionSpace? _space;
    readonly int _depth;
    readonly bool _checked;
    int _position;

    public Dhcp6OptionReader(ReadOnlySpan<byte> data, OptionSpace? space, int baseOffset = 0) : this(data, space, baseOffset, 0) { }

    internal Dhcp6OptionReader(ReadOnlySpan<byte> data, OptionSpace? space, int baseOffset, int depth, bool alreadyChecked = false)
    {
        if (depth > OptionValidator.MaxDepth)
            throw new ParseError(OptionValidator.Protocol, baseOffset, space?.CodeField ?? OptionValidator.GenericCodeField, $"options nested more than {OptionValidator.MaxDepth} deep");
        _data = data;
        _space = space;
        _base = baseOffset;
        _depth = depth;
        _checked = alreadyChecked;
        _position = 0;
    }

    public readonly bool HasData => _position < _data.Length;
    /// <summary>Absolute offset of the next option.</summary>
    public readonly int Offset => _base + _position;

    /// <summary>Reads the next option; false at the end of the data.</summary>
    public bool TryReadOption(out ushort code, out ReadOnlySpan<byte> data)
    {
        if (!TryReadOption(out code, out int start, out int length)) { data = default; return false; }
        data = _data.Slice(start, length);
        return true;
    }

    /// <summary>Reads the next option; its data is at [<paramref name="start"/>, +<paramref name="length"/>) of the span.</summary>
    public bool TryReadOption(out ushort code, out int start, out int length)
    {
        int left = _data.Length - _position;
        if (left <= 0) { code = 0; start = length = 0; return false; }
        if (left < 2)
            throw new ParseError(OptionValidator.Protocol, Offset, _space?.CodeField ?? OptionValidator.GenericCodeField, $"needs 2 octets for an option code, only {left} left");
        if (left < 4)
            throw new ParseError(OptionValidator.Protocol, Offset + 2, _space?.LengthField ?? OptionValidator.GenericLengthField, $"needs 2 octets for an option length, only {left - 2} left");
        code = BinaryPrimitives.ReadUInt16BigEndian(_data[_position..]);
        length = BinaryPrimitives.ReadUInt16BigEndian(_data[(_position + 2)..]);
        if (length > left - 4)
            throw new ParseError(OptionValidator.Protocol, Offset + 2, _space?.LengthField ?? OptionValidator.GenericLengthField, $"option {code}: length {length} runs past the end ({left - 4} octets left)");
        start = _position + 4;
        var definition = _space?.Find(code);
        if (definition is not null && !_checked)
            OptionValidator.Validate(_space!, definition, _data.Slice(start, length), _base + start, _depth);
        _position = start + length;
        return true;
    }

    /// <summary>Every option of <paramref name="data"/>, as slices of it (<paramref name="alreadyChecked"/>: the data was checked whole before, frame only).</summary>
    public static List<Dhcp6Option> ReadAll(ReadOnlyMemory<byte> data, int baseOffset, OptionSpace? space, int depth = 0, bool alreadyChecked = false)
    {
        var options = new List<Dhcp6Option>(8);
        var reader = new Dhcp6OptionReader(data.Span, space, baseOffset, depth, alreadyChecked);
        while (reader.TryReadOption(out ushort code, out int start, out int length))
            options.Add(new Dhcp6Option(code, data.Slice(start, length), baseOffset + start - 4, space));
        return options;
    }

    /// <summary>Checks every option of <paramref name="data"/> without keeping them.</summary>
    public static void ValidateAll(ReadOnlySpan<byte> data, int baseOffset, OptionSpace? space, int depth)
    {
        var reader = new Dhcp6OptionReader(data, space, baseOffset, depth);
        while (reader.TryReadOption(out _, out int _, out int _)) { }
    }
}
