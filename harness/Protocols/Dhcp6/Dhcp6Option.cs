using System.Buffers.Binary;
using System.Net;
using System.Text;
using EUeConformance.Protocols.Wire;

namespace EUeConformance.Protocols.Dhcp6;

/// <summary>
/// One option as it is on the wire: a code and its data, in whichever space holds it (dhcp6,
/// vendor-4491, cl-ccc, cl-cccv6). A decoded option's data is a slice of the datagram, and
/// <see cref="Offset"/> says where its code sits there (-1 for an option built in code), so that a
/// verdict can point at the bytes. Equality compares code and data only.
/// </summary>
public readonly struct Dhcp6Option : IEquatable<Dhcp6Option>
{
    public const int MaxDataLength = ushort.MaxValue;

    public Dhcp6Option(ushort code, ReadOnlyMemory<byte> data) : this(code, data, -1)
    {
        if (data.Length > MaxDataLength) throw new ArgumentException($"option {code}: {data.Length} octets do not fit a 2-octet length", nameof(data));
    }

    internal Dhcp6Option(ushort code, ReadOnlyMemory<byte> data, int offset, OptionSpace? checkedIn = null)
    {
        Code = code;
        Data = data;
        Offset = offset;
        CheckedIn = checkedIn;
    }

    /// <summary>The space whose definition this option's data was checked against when decoded; null when built in code.</summary>
    internal OptionSpace? CheckedIn { get; }

    public ushort Code { get; }
    public ReadOnlyMemory<byte> Data { get; }
    public ReadOnlySpan<byte> Span => Data.Span;
    public int Length => Data.Length;
    /// <summary>Offset of the option code in the outermost datagram; -1 when built in code.</summary>
    public int Offset { get; }
    /// <summary>Offset of the data in the outermost datagram (0-based within the data when built in code).</summary>
    public int DataOffset => Offset < 0 ? 0 : Offset + 4;
    /// <summary>Code, length and data.</summary>
    public int EncodedLength => 4 + Data.Length;

    // Typed reads: each checks the length, so an option built by hand with the wrong size gives a
    // ParseError, as a decoded one would have.

    public byte ReadUInt8(string field = "dhcpv6.option.value") { Need(1, field); return Span[0]; }
    public ushort ReadUInt16(string field = "dhcpv6.option.value") { Need(2, field); return BinaryPrimitives.ReadUInt16BigEndian(Span); }
    public uint ReadUInt32(string field = "dhcpv6.option.value") { Need(4, field); return BinaryPrimitives.ReadUInt32BigEndian(Span); }
    public int ReadInt32(string field = "dhcpv6.option.value") { Need(4, field); return BinaryPrimitives.ReadInt32BigEndian(Span); }
    public IPAddress ReadIpv4Address(string field = "dhcpv6.option.value") { Need(4, field); return new IPAddress(Span); }
    public IPAddress ReadIpv6Address(string field = "dhcpv6.option.value") { Need(16, field); return new IPAddress(Span); }

    public ushort[] ReadUInt16Array(string field = "dhcpv6.option.value")
    {
        NeedMultiple(2, field);
        var span = Span;
        var values = new ushort[span.Length / 2];
        for (int i = 0; i < values.Length; i++) values[i] = BinaryPrimitives.ReadUInt16BigEndian(span[(2 * i)..]);
        return values;
    }

    public IPAddress[] ReadIpv6Addresses(string field = "dhcpv6.option.value")
    {
        NeedMultiple(16, field);
        var span = Span;
        var values = new IPAddress[span.Length / 16];
        for (int i = 0; i < values.Length; i++) values[i] = new IPAddress(span.Slice(16 * i, 16));
        return values;
    }

    /// <summary>The data as text, one character per octet (CableLabs strings are ASCII; Latin-1 keeps every octet).</summary>
    public string ReadString() => Encoding.Latin1.GetString(Span);

    /// <summary>The first option with <paramref name="code"/> in <paramref name="options"/> (sub-options, IA options), or null.</summary>
    public static Dhcp6Option? FindIn(IReadOnlyList<Dhcp6Option> options, ushort code)
    {
        foreach (var o in options)
            if (o.Code == code) return o;
        return null;
    }

    /// <summary>The options inside this one's data, after <paramref name="skip"/> fixed octets, checked against <paramref name="space"/>.</summary>
    public IReadOnlyList<Dhcp6Option> ReadOptions(OptionSpace? space, int skip = 0)
    {
        if (skip > Length) throw Error(DataOffset, "dhcpv6.option.length", $"needs at least {skip} octets, has {Length}");
        // A decoded option was checked with everything inside it: only the framing is read again.
        return Dhcp6OptionReader.ReadAll(Data[skip..], DataOffset + skip, space, depth: 1, alreadyChecked: CheckedIn is not null);
    }

    internal ParseError Error(int offset, string field, string problem) => new(OptionValidator.Protocol, offset, field, problem);

    void Need(int size, string field)
    {
        if (Length != size) throw Error(Math.Max(0, DataOffset - 2), field, $"option {Code}: length {Length}, needs {size}");
    }

    void NeedMultiple(int size, string field)
    {
        if (Length % size != 0) throw Error(Math.Max(0, DataOffset - 2), field, $"option {Code}: length {Length} is not a multiple of {size}");
    }

    public bool Equals(Dhcp6Option other) => Code == other.Code && Span.SequenceEqual(other.Span);
    public override bool Equals(object? obj) => obj is Dhcp6Option o && Equals(o);
    public override int GetHashCode()
    {
        var h = new HashCode();
        h.Add(Code);
        h.AddBytes(Span);
        return h.ToHashCode();
    }
    public static bool operator ==(Dhcp6Option a, Dhcp6Option b) => a.Equals(b);
    public static bool operator !=(Dhcp6Option a, Dhcp6Option b) => !a.Equals(b);

    public override string ToString() => $"{Code}:{Convert.ToHexString(Span)}";
}
