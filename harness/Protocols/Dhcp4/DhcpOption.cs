using System.Buffers.Binary;
using System.Net;
using System.Text;
using EUeConformance.Protocols.Wire;

namespace EUeConformance.Protocols.Dhcp4;

/// <summary>
/// One logical option of a message: its code and its whole value, byte for byte. RFC 3396 §5:
/// an option sent as several instances (because it is longer than 255 bytes, or spread over the
/// options/file/sname fields) is one <see cref="DhcpOption"/> holding the concatenated value; the
/// encoder splits it again. Where the value came from in the datagram is kept for evidence and
/// error offsets (<see cref="AbsoluteOffset"/>), outside equality.
/// </summary>
public sealed class DhcpOption : IEquatable<DhcpOption>
{
    readonly byte[] _value;
    // Pairs (index in value, absolute offset in the datagram) for each instance the value came from.
    readonly int[] _segments;

    public DhcpOption(byte code, ReadOnlySpan<byte> value) : this(code, value.ToArray(), []) { }

    internal DhcpOption(byte code, byte[] value, int[] segments)
    {
        if (code is DhcpOptionCode.Pad or DhcpOptionCode.End)
            throw new ArgumentException($"code {code} is pad/end, not an option with a value", nameof(code));
        Code = code;
        _value = value;
        _segments = segments;
    }

    public byte Code { get; }
    public ReadOnlySpan<byte> Value => _value;
    public int Length => _value.Length;
    public byte[] ToArray() => (byte[])_value.Clone();

    /// <summary>The definition in the dhcp4 table, or null for an option the table does not know.</summary>
    public OptionDefinition? Definition => OptionSpaces.Dhcp4.Find(Code);
    public string Name => OptionSpaces.Dhcp4.NameOf(Code);

    /// <summary>How many wire instances the value was decoded from (1 for a built option).</summary>
    public int InstanceCount => Math.Max(1, _segments.Length / 2);

    /// <summary>Where the value starts in the datagram, or -1 for a built option.</summary>
    public int Offset => _segments.Length > 0 ? _segments[1] : -1;

    /// <summary>The datagram offset of value byte <paramref name="index"/>, following the instances it was split into.</summary>
    public int AbsoluteOffset(int index)
    {
        if (_segments.Length == 0) return index;
        int at = _segments[1] + index;
        for (int i = 0; i < _segments.Length; i += 2)
            if (_segments[i] <= index) at = _segments[i + 1] + (index - _segments[i]);
        return at;
    }

    // Typed reads. A value of the wrong size is a ParseError at the option's offset.

    public byte AsUInt8() => Fixed(1)[0];
    public ushort AsUInt16() => BinaryPrimitives.ReadUInt16BigEndian(Fixed(2));
    public uint AsUInt32() => BinaryPrimitives.ReadUInt32BigEndian(Fixed(4));
    public int AsInt32() => BinaryPrimitives.ReadInt32BigEndian(Fixed(4));
    public IPAddress AsAddress() => new(Fixed(4));
    public IReadOnlyList<IPAddress> AsAddresses()
    {
        if (_value.Length == 0 || _value.Length % 4 != 0) throw SizeError("a list of 4-byte addresses");
        return Addresses.List(_value);
    }
    public IReadOnlyList<byte> AsUInt8List() => _value;
    /// <summary>NVT ASCII; trailing NULs dropped (RFC 2132 §2).</summary>
    public string AsString() => OptionText.Decode(_value);

    ReadOnlySpan<byte> Fixed(int size) => _value.Length == size ? _value : throw SizeError($"{size} byte(s)");

    ParseError SizeError(string expected) =>
        new(Dhcp4Protocol.Name, Math.Max(Offset, 0), Definition?.Field ?? "dhcp.option.value", $"option {Code} ({Name}) should have {expected}, has {_value.Length}");

    // Factories.

    public static DhcpOption FromBytes(byte code, ReadOnlySpan<byte> value) => new(code, value);
    public static DhcpOption FromUInt8(byte code, byte value) => new(code, [value]);
    public static DhcpOption FromUInt16(byte code, ushort value) => new(code, [(byte)(value >> 8), (byte)value]);
    public static DhcpOption FromUInt32(byte code, uint value) => new(code, [(byte)(value >> 24), (byte)(value >> 16), (byte)(value >> 8), (byte)value]);
    public static DhcpOption FromInt32(byte code, int value) => FromUInt32(code, unchecked((uint)value));
    public static DhcpOption FromAddress(byte code, IPAddress address) => new(code, Addresses.Bytes(address));
    public static DhcpOption FromAddresses(byte code, params IEnumerable<IPAddress> addresses) => new(code, Addresses.Bytes(addresses));
    public static DhcpOption FromString(byte code, string text) => new(code, Encoding.ASCII.GetBytes(text));

    public static DhcpOption MessageType(DhcpMessageType type) => FromUInt8(DhcpOptionCode.DhcpMessageType, (byte)type);
    public static DhcpOption ParameterRequestList(params byte[] codes) => new(DhcpOptionCode.ParameterRequestList, codes);
    public static DhcpOption ServerIdentifier(IPAddress server) => FromAddress(DhcpOptionCode.ServerIdentifier, server);
    public static DhcpOption LeaseTime(uint seconds) => FromUInt32(DhcpOptionCode.IpAddressLeaseTime, seconds);
    public static DhcpOption OptionOverload(OptionOverload fields) => FromUInt8(DhcpOptionCode.OptionOverload, (byte)fields);

    public bool Equals(DhcpOption? other) => other is not null && Code == other.Code && _value.AsSpan().SequenceEqual(other._value);
    public override bool Equals(object? obj) => Equals(obj as DhcpOption);
    public override int GetHashCode() => HashCode.Combine(Code, _value.Length);
    public override string ToString() => $"{Code}({Name})={Convert.ToHexString(_value)}";
}

/// <summary>Option 52 values (RFC 2132 §9.3): which header fields hold options.</summary>
[Flags]
public enum OptionOverload : byte
{
    None = 0,
    File = 1,
    SName = 2,
    Both = 3,
}
