using System.Globalization;
using System.Text;

namespace EUeConformance.Protocols.Snmp;

/// <summary>
/// An OBJECT IDENTIFIER as its arcs, immutable, ordered lexicographically arc by arc (the order
/// GetNext and GetBulk walk in, RFC 3416 §4.2.2). SMI limits (RFC 2578 §7.1.3): at least two arcs
/// (X.690 §8.19.4 packs the first two into one sub-identifier), at most 128, each at most 2^32-1.
/// The BER content codec is here so that a decoder can check those limits while reading and report
/// exactly which sub-identifier broke them.
/// </summary>
public sealed class ObjectIdentifier : IEquatable<ObjectIdentifier>, IComparable<ObjectIdentifier>
{
    /// <summary>RFC 2578 §7.1.3: "at most 128 sub-identifiers".</summary>
    public const int MaxArcs = 128;

    readonly uint[] _arcs;
    string? _text;

    ObjectIdentifier(uint[] arcs) => _arcs = arcs;

    public ReadOnlySpan<uint> Arcs => _arcs;
    public int Length => _arcs.Length;
    public uint this[int index] => _arcs[index];

    /// <summary>An OID from arcs; throws <see cref="ArgumentException"/> when it breaks X.690 or SMI limits.</summary>
    public static ObjectIdentifier FromArcs(ReadOnlySpan<uint> arcs)
    {
        if (Problem(arcs) is { } problem) throw new ArgumentException($"{Format(arcs)}: {problem}", nameof(arcs));
        return new ObjectIdentifier(arcs.ToArray());
    }

    public static ObjectIdentifier FromArcs(params uint[] arcs) => FromArcs(arcs.AsSpan());

    /// <summary>Parses dotted text ("1.3.6.1", a leading dot allowed); throws <see cref="ArgumentException"/> when it is not an SMI OID.</summary>
    public static ObjectIdentifier Parse(string dotted) =>
        TryParse(dotted, out var oid, out string? problem) ? oid! : throw new ArgumentException($"'{dotted}' {problem}", nameof(dotted));

    public static bool TryParse(string? dotted, out ObjectIdentifier? oid) => TryParse(dotted, out oid, out _);

    static bool TryParse(string? dotted, out ObjectIdentifier? oid, out string? problem)
    {
        oid = null;
        if (dotted is null) { problem = "is null"; return false; }
        var s = dotted.AsSpan();
        if (s.StartsWith(".")) s = s[1..];
        int count = s.Count('.') + 1;
        if (count > MaxArcs) { problem = $"has {count} arcs, more than {MaxArcs} (RFC 2578 §7.1.3)"; return false; }
        var arcs = new uint[count];
        int i = 0;
        foreach (var range in s.Split('.'))
        {
            if (!uint.TryParse(s[range], NumberStyles.None, CultureInfo.InvariantCulture, out arcs[i]))
            { problem = $"arc {i + 1} is not an unsigned 32-bit number"; return false; }
            i++;
        }
        problem = Problem(arcs);
        if (problem is not null) return false;
        oid = new ObjectIdentifier(arcs);
        return true;
    }

    static string? Problem(ReadOnlySpan<uint> arcs)
    {
        if (arcs.Length < 2) return "needs at least two arcs (X.690 §8.19.4)";
        if (arcs.Length > MaxArcs) return $"has {arcs.Length} arcs, more than {MaxArcs} (RFC 2578 §7.1.3)";
        if (arcs[0] > 2 || (arcs[0] < 2 && arcs[1] > 39)) return "has an invalid first or second arc (X.690 §8.19.4)";
        return null;
    }

    // ------------------------------------------------------------ structure

    /// <summary>This OID followed by <paramref name="suffix"/> (an instance: object.0, column.index).</summary>
    public ObjectIdentifier Append(ReadOnlySpan<uint> suffix)
    {
        if (suffix.IsEmpty) return this;
        if (_arcs.Length + suffix.Length > MaxArcs) throw new ArgumentException($"{this} with {suffix.Length} more arcs exceeds {MaxArcs} (RFC 2578 §7.1.3)", nameof(suffix));
        var arcs = new uint[_arcs.Length + suffix.Length];
        _arcs.CopyTo(arcs, 0);
        suffix.CopyTo(arcs.AsSpan(_arcs.Length));
        return new ObjectIdentifier(arcs);
    }

    public ObjectIdentifier Append(params uint[] suffix) => Append(suffix.AsSpan());

    /// <summary>True when this OID equals <paramref name="prefix"/> or lies below it.</summary>
    public bool StartsWith(ObjectIdentifier prefix) => _arcs.AsSpan().StartsWith(prefix._arcs);

    /// <summary>The arcs after <paramref name="prefix"/> (which this OID must start with): an instance's index.</summary>
    public ReadOnlySpan<uint> After(ObjectIdentifier prefix)
    {
        if (!StartsWith(prefix)) throw new ArgumentException($"{this} is not under {prefix}", nameof(prefix));
        return _arcs.AsSpan(prefix.Length);
    }

    /// <summary>The first <paramref name="length"/> arcs.</summary>
    public ObjectIdentifier Prefix(int length) => length == _arcs.Length ? this : FromArcs(_arcs.AsSpan(0, length));

    // ------------------------------------------------------------ BER content (X.690 §8.19)

    /// <summary>Octets of the BER content: the first two arcs as one sub-identifier (40·X + Y), each in base 128.</summary>
    public int ContentLength
    {
        get
        {
            int n = SubIdentifierLength(40UL * _arcs[0] + _arcs[1]);
            for (int i = 2; i < _arcs.Length; i++) n += SubIdentifierLength(_arcs[i]);
            return n;
        }
    }

    /// <summary>Writes the minimal BER content into <paramref name="destination"/> (at least <see cref="ContentLength"/> octets); returns the octets written.</summary>
    public int WriteContent(Span<byte> destination)
    {
        int at = WriteSubIdentifier(40UL * _arcs[0] + _arcs[1], destination);
        for (int i = 2; i < _arcs.Length; i++) at += WriteSubIdentifier(_arcs[i], destination[at..]);
        return at;
    }

    /// <summary>The complete minimal BER encoding, 06 len content.</summary>
    public byte[] EncodeBer()
    {
        int length = ContentLength;
        int header = 1 + BerHeader.LengthFieldSize(length);
        var bytes = new byte[header + length];
        bytes[0] = 0x06;
        BerHeader.WriteLength(length, bytes.AsSpan(1));
        WriteContent(bytes.AsSpan(header));
        return bytes;
    }

    static int SubIdentifierLength(ulong value)
    {
        int n = 1;
        while ((value >>= 7) != 0) n++;
        return n;
    }

    static int WriteSubIdentifier(ulong value, Span<byte> destination)
    {
        int n = SubIdentifierLength(value);
        for (int i = n - 1; i >= 0; i--)
        {
            destination[i] = (byte)((byte)(value & 0x7F) | (i == n - 1 ? 0 : 0x80));
            value >>= 7;
        }
        return n;
    }

    /// <summary>
    /// Decodes BER content strictly: not empty, every sub-identifier minimal (no leading 0x80,
    /// X.690 §8.19.2) and complete, at most 128 arcs, each at most 2^32-1 (RFC 2578 §7.1.3). Null,
    /// with the reason and the offset within <paramref name="content"/> where it breaks, otherwise.
    /// The arcs are counted before anything is allocated.
    /// </summary>
    public static ObjectIdentifier? TryDecodeContent(ReadOnlySpan<byte> content, out string? problem, out int problemOffset)
    {
        problem = null; problemOffset = 0;
        if (content.IsEmpty) { problem = "an OBJECT IDENTIFIER has at least one sub-identifier (X.690 §8.19.2), this one is empty"; return null; }
        int subIds = 0;
        foreach (byte b in content) if ((b & 0x80) == 0) subIds++;
        if ((content[^1] & 0x80) != 0) { problemOffset = content.Length - 1; problem = "OBJECT IDENTIFIER ends inside a sub-identifier (its last octet has bit 8 set, X.690 §8.19.2)"; return null; }
        if (subIds + 1 > MaxArcs) { problem = $"OBJECT IDENTIFIER of {subIds + 1} arcs, more than {MaxArcs} (RFC 2578 §7.1.3)"; return null; }

        var arcs = new uint[subIds + 1];
        int arc = 0, at = 0;
        while (at < content.Length)
        {
            int start = at;
            if (content[at] == 0x80) { problemOffset = at; problem = "OBJECT IDENTIFIER sub-identifier starts with 0x80: not the minimal encoding (X.690 §8.19.2)"; return null; }
            ulong value = 0;
            while (true)
            {
                byte b = content[at++];
                value = (value << 7) | (byte)(b & 0x7F);
                // The first sub-identifier may reach 2^32-1 + 80 (arc 2.(2^32-1)); any other, 2^32-1.
                if (value > uint.MaxValue + 80UL) { problemOffset = start; problem = "OBJECT IDENTIFIER arc exceeds 2^32-1 (RFC 2578 §7.1.3)"; return null; }
                if ((b & 0x80) == 0) break;
            }
            if (arc == 0)
            {
                (arcs[0], ulong second) = value < 40 ? (0u, value) : value < 80 ? (1u, value - 40) : (2u, value - 80);
                if (second > uint.MaxValue) { problemOffset = start; problem = "OBJECT IDENTIFIER second arc exceeds 2^32-1 (RFC 2578 §7.1.3)"; return null; }
                arcs[1] = (uint)second;
                arc = 2;
            }
            else
            {
                if (value > uint.MaxValue) { problemOffset = start; problem = $"OBJECT IDENTIFIER arc {value} exceeds 2^32-1 (RFC 2578 §7.1.3)"; return null; }
                arcs[arc++] = (uint)value;
            }
        }
        return new ObjectIdentifier(arcs);
    }

    // ------------------------------------------------------------ equality, order, text

    public bool Equals(ObjectIdentifier? other) => other is not null && _arcs.AsSpan().SequenceEqual(other._arcs);
    public override bool Equals(object? obj) => Equals(obj as ObjectIdentifier);

    public override int GetHashCode()
    {
        var h = new HashCode();
        foreach (uint a in _arcs) h.Add(a);
        return h.ToHashCode();
    }

    /// <summary>Lexicographic by arcs: a prefix sorts before everything under it (RFC 3416 §4.2.2).</summary>
    public int CompareTo(ObjectIdentifier? other) => other is null ? 1 : _arcs.AsSpan().SequenceCompareTo(other._arcs);

    public static bool operator ==(ObjectIdentifier? a, ObjectIdentifier? b) => a is null ? b is null : a.Equals(b);
    public static bool operator !=(ObjectIdentifier? a, ObjectIdentifier? b) => !(a == b);
    public static bool operator <(ObjectIdentifier a, ObjectIdentifier b) => a.CompareTo(b) < 0;
    public static bool operator >(ObjectIdentifier a, ObjectIdentifier b) => a.CompareTo(b) > 0;
    public static bool operator <=(ObjectIdentifier a, ObjectIdentifier b) => a.CompareTo(b) <= 0;
    public static bool operator >=(ObjectIdentifier a, ObjectIdentifier b) => a.CompareTo(b) >= 0;

    /// <summary>Dotted form without a leading dot, as net-snmp's -On prints it minus the dot.</summary>
    public override string ToString() => _text ??= Format(_arcs);

    static string Format(ReadOnlySpan<uint> arcs)
    {
        var sb = new StringBuilder(arcs.Length * 4);
        for (int i = 0; i < arcs.Length; i++)
        {
            if (i > 0) sb.Append('.');
            sb.Append(arcs[i].ToString(CultureInfo.InvariantCulture));
        }
        return sb.ToString();
    }
}
