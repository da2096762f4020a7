using System.Buffers.Binary;

namespace EUeConformance.Protocols.Wire;

/// <summary>
/// A forward-only reader of network-order fields over a span, in the manner of AsnReader: every
/// read names the field it reads, and reading past the end (or a length that exceeds what is
/// left) throws <see cref="ParseError"/> with the absolute offset, never anything else. Nested
/// structures are read through <see cref="Slice"/>, which keeps offsets absolute.
/// </summary>
public ref struct WireReader
{
    readonly ReadOnlySpan<byte> _data;
    readonly int _base;
    int _position;

    public WireReader(ReadOnlySpan<byte> data, string protocol, int baseOffset = 0)
    {
        _data = data;
        Protocol = protocol;
        _base = baseOffset;
        _position = 0;
    }

    public string Protocol { get; }
    /// <summary>Position within this reader's span.</summary>
    public readonly int Position => _position;
    /// <summary>Position from the start of the outermost datagram.</summary>
    public readonly int Offset => _base + _position;
    public readonly int Remaining => _data.Length - _position;
    public readonly bool HasData => _position < _data.Length;
    /// <summary>What has not been read yet.</summary>
    public readonly ReadOnlySpan<byte> Rest => _data[_position..];

    public byte ReadByte(string field)
    {
        Need(1, field);
        return _data[_position++];
    }

    public ushort ReadUInt16(string field)
    {
        Need(2, field);
        ushort v = BinaryPrimitives.ReadUInt16BigEndian(_data[_position..]);
        _position += 2;
        return v;
    }

    public uint ReadUInt24(string field)
    {
        Need(3, field);
        uint v = (uint)(_data[_position] << 16 | _data[_position + 1] << 8 | _data[_position + 2]);
        _position += 3;
        return v;
    }

    public uint ReadUInt32(string field)
    {
        Need(4, field);
        uint v = BinaryPrimitives.ReadUInt32BigEndian(_data[_position..]);
        _position += 4;
        return v;
    }

    public ulong ReadUInt64(string field)
    {
        Need(8, field);
        ulong v = BinaryPrimitives.ReadUInt64BigEndian(_data[_position..]);
        _position += 8;
        return v;
    }

    public ReadOnlySpan<byte> ReadBytes(int count, string field)
    {
        if (count < 0) throw Error(field, $"negative length {count}");
        Need(count, field);
        var s = _data.Slice(_position, count);
        _position += count;
        return s;
    }

    /// <summary>A reader over the next <paramref name="length"/> bytes; this reader moves past them.</summary>
    public WireReader Slice(int length, string field)
    {
        int at = Offset;
        var bytes = ReadBytes(length, field);
        return new WireReader(bytes, Protocol, at);
    }

    public ReadOnlySpan<byte> ReadRest()
    {
        var s = _data[_position..];
        _position = _data.Length;
        return s;
    }

    public readonly byte Peek(string field)
    {
        if (_position >= _data.Length) throw Error(field, "needs 1 byte, none left");
        return _data[_position];
    }

    public readonly ParseError Error(string field, string problem, int? absoluteOffset = null) =>
        new(Protocol, absoluteOffset ?? Offset, field, problem);

    readonly void Need(int count, string field)
    {
        if (count > _data.Length - _position)
            throw Error(field, $"needs {count} byte(s), only {_data.Length - _position} left");
    }
}
