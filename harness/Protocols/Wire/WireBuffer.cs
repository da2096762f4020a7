using System.Buffers;
using System.Buffers.Binary;

namespace EUeConformance.Protocols.Wire;

/// <summary>
/// A growable output buffer for encoders: network-order writes, and reserved length fields that
/// are filled in once the enclosed data is written (DHCP options, DNS RDATA, TLVs). Copy the
/// result to any <see cref="IBufferWriter{T}"/> with <see cref="CopyTo"/>.
/// </summary>
public sealed class WireBuffer(int capacity = 512)
{
    byte[] _bytes = new byte[capacity];
    int _length;

    public int Length => _length;
    public ReadOnlySpan<byte> WrittenSpan => _bytes.AsSpan(0, _length);
    public byte[] ToArray() => WrittenSpan.ToArray();
    public void Clear() => _length = 0;

    public void WriteByte(byte value) => Grow(1)[0] = value;
    public void WriteUInt16(ushort value) => BinaryPrimitives.WriteUInt16BigEndian(Grow(2), value);
    public void WriteUInt24(uint value)
    {
        var s = Grow(3);
        s[0] = (byte)(value >> 16); s[1] = (byte)(value >> 8); s[2] = (byte)value;
    }
    public void WriteUInt32(uint value) => BinaryPrimitives.WriteUInt32BigEndian(Grow(4), value);
    public void WriteUInt64(ulong value) => BinaryPrimitives.WriteUInt64BigEndian(Grow(8), value);
    public void WriteBytes(ReadOnlySpan<byte> value) => value.CopyTo(Grow(value.Length));

    /// <summary>Reserves <paramref name="size"/> (1 or 2) bytes for a length; returns where they are.</summary>
    public int ReserveLength(int size)
    {
        if (size is not (1 or 2 or 4)) throw new ArgumentOutOfRangeException(nameof(size));
        Grow(size).Clear();
        return _length - size;
    }

    /// <summary>Fills a reserved length with the number of bytes written since it.</summary>
    public void FillLength(int at, int size)
    {
        int value = _length - at - size;
        int max = size switch { 1 => byte.MaxValue, 2 => ushort.MaxValue, _ => int.MaxValue };
        if (value > max) throw new InvalidOperationException($"{value} bytes do not fit a {size}-byte length field");
        var s = _bytes.AsSpan(at, size);
        switch (size)
        {
            case 1: s[0] = (byte)value; break;
            case 2: BinaryPrimitives.WriteUInt16BigEndian(s, (ushort)value); break;
            default: BinaryPrimitives.WriteUInt32BigEndian(s, (uint)value); break;
        }
    }

    public void CopyTo(IBufferWriter<byte> output) => output.Write(WrittenSpan);

    Span<byte> Grow(int count)
    {
        if (_length + count > _bytes.Length) Array.Resize(ref _bytes, Math.Max(_bytes.Length * 2, _length + count));
        var s = _bytes.AsSpan(_length, count);
        _length += count;
        return s;
    }
}
