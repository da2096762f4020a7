using System.Text;

namespace EUeConformance.Protocols.Dns;

/// <summary>
/// An absolute domain name held in its uncompressed wire form (RFC 1035 §3.1: length-prefixed
/// labels ending with the zero-length root label). Labels are octets, not characters, so any name
/// read off the wire is kept exactly. Equality is octet for octet (the case a device sent is
/// evidence); DNS's case-insensitive comparison (RFC 4343) is <see cref="EqualsIgnoreCase"/>.
/// </summary>
public sealed class DnsName : IEquatable<DnsName>
{
    /// <summary>RFC 1035 §2.3.4: labels are 63 octets or less (see <see cref="DnsLabels"/>).</summary>
    public const int MaxLabelLength = DnsLabels.MaxLabelLength;
    /// <summary>RFC 1035 §2.3.4: names are 255 octets or less, counting length octets and the root.</summary>
    public const int MaxLength = DnsLabels.MaxNameLength;

    readonly byte[] _wire;

    DnsName(byte[] wire) => _wire = wire;

    public static DnsName Root { get; } = new([0]);

    /// <summary>The uncompressed wire form, root label included.</summary>
    public ReadOnlySpan<byte> Wire => _wire;
    /// <summary>Octets on the wire when uncompressed (at most 255).</summary>
    public int Length => _wire.Length;
    public bool IsRoot => _wire.Length == 1;

    public int LabelCount
    {
        get
        {
            int n = 0;
            for (int i = 0; _wire[i] != 0; i += 1 + _wire[i]) n++;
            return n;
        }
    }

    /// <summary>The labels, most specific first, root excluded.</summary>
    public IReadOnlyList<byte[]> Labels
    {
        get
        {
            var list = new List<byte[]>();
            for (int i = 0; _wire[i] != 0; i += 1 + _wire[i]) list.Add(_wire.AsSpan(i + 1, _wire[i]).ToArray());
            return list;
        }
    }

    /// <summary>The name one label up (the root's parent is the root).</summary>
    public DnsName Parent => IsRoot ? this : new(_wire[(1 + _wire[0])..]);

    /// <summary>Parses presentation format (RFC 1035 §5.1): dot-separated labels, <c>\X</c> and <c>\DDD</c> escapes; a final dot is optional; "." or "" is the root.</summary>
    public static DnsName Parse(string text) => text is "" or "." ? Root : new(DnsLabels.Encode(text));

    /// <summary>Builds a name from labels given as text (each label taken literally, no escapes).</summary>
    public static DnsName FromLabels(params string[] labels)
    {
        var wire = new List<byte>();
        foreach (var l in labels)
        {
            byte[] b = Encoding.UTF8.GetBytes(l);
            if (b.Length is 0 or > MaxLabelLength) throw new ArgumentException($"label \"{l}\" has {b.Length} octets; 1..{MaxLabelLength} allowed (RFC 1035 §2.3.4)", nameof(labels));
            wire.Add((byte)b.Length);
            wire.AddRange(b);
        }
        wire.Add(0);
        if (wire.Count > MaxLength) throw new ArgumentException($"the name is {wire.Count} octets; at most {MaxLength} (RFC 1035 §2.3.4)", nameof(labels));
        return new([.. wire]);
    }

    /// <summary>Reads an uncompressed wire-form name (no pointers), e.g. a DHCP FQDN option; throws <see cref="FormatException"/> if it is not exactly one name.</summary>
    public static DnsName FromWire(ReadOnlySpan<byte> wire)
    {
        int end = DnsLabels.Measure(wire);
        if (end != wire.Length) throw new FormatException(end < 0 ? "not a well-formed uncompressed domain name" : $"{wire.Length - end} byte(s) after the root label");
        return new(wire.ToArray());
    }

    /// <summary>
    /// Reads a possibly compressed name at <paramref name="offset"/> of a whole DNS message (RFC 1035 §4.1.4),
    /// following pointers safely; <paramref name="end"/> is the offset just after the name's in-place part.
    /// Malformed input is a <see cref="Wire.ParseError"/> naming <paramref name="field"/>.
    /// </summary>
    public static DnsName Decompress(ReadOnlySpan<byte> message, int offset, out int end, string field = "dns.qry.name")
    {
        if (offset < 0 || offset > message.Length) throw new ArgumentOutOfRangeException(nameof(offset));
        (var name, _, end) = DnsNameDecoder.Read(message, offset, message.Length, field);
        return name;
    }

    /// <summary>For the decoder and the RDATA codec: wire bytes already known to be one well-formed name.</summary>
    internal static DnsName FromTrustedWire(ReadOnlySpan<byte> wire) => wire.Length == 1 ? Root : new(wire.ToArray());

    /// <summary>A name one label longer: <paramref name="label"/> prepended.</summary>
    public DnsName Child(string label)
    {
        byte[] b = Encoding.UTF8.GetBytes(label);
        if (b.Length is 0 or > MaxLabelLength) throw new ArgumentException($"label \"{label}\" has {b.Length} octets; 1..{MaxLabelLength} allowed", nameof(label));
        if (_wire.Length + 1 + b.Length > MaxLength) throw new ArgumentException($"the name would exceed {MaxLength} octets", nameof(label));
        return new([(byte)b.Length, .. b, .. _wire]);
    }

    /// <summary>Where label <paramref name="index"/> starts in <see cref="Wire"/> (0 = the whole name; LabelCount = the root).</summary>
    internal int LabelOffset(int index)
    {
        int i = 0;
        for (int n = 0; n < index; n++) i += 1 + _wire[i];
        return i;
    }

    /// <summary>DNS name comparison: ASCII letters compare case-insensitively, all other octets exactly (RFC 4343 §3).</summary>
    public bool EqualsIgnoreCase(DnsName? other) =>
        other is not null && _wire.Length == other._wire.Length && AsciiEqualIgnoreCase(_wire, other._wire);

    /// <summary>True if this name is <paramref name="zone"/> or below it (case-insensitively).</summary>
    public bool IsSubdomainOf(DnsName zone)
    {
        int offset = _wire.Length - zone._wire.Length;
        if (offset < 0) return false;
        // the suffix must start on a label boundary
        int i = 0;
        while (i < offset) i += 1 + _wire[i];
        return i == offset && AsciiEqualIgnoreCase(_wire.AsSpan(offset), zone._wire);
    }

    static bool AsciiEqualIgnoreCase(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b)
    {
        for (int i = 0; i < a.Length; i++)
        {
            byte x = a[i], y = b[i];
            if (x is >= (byte)'A' and <= (byte)'Z') x += 32;
            if (y is >= (byte)'A' and <= (byte)'Z') y += 32;
            if (x != y) return false;
        }
        return true;
    }

    public bool Equals(DnsName? other) => other is not null && _wire.AsSpan().SequenceEqual(other._wire);
    public override bool Equals(object? obj) => Equals(obj as DnsName);
    public override int GetHashCode()
    {
        var h = new HashCode();
        h.AddBytes(_wire);
        return h.ToHashCode();
    }
    public static bool operator ==(DnsName? a, DnsName? b) => a is null ? b is null : a.Equals(b);
    public static bool operator !=(DnsName? a, DnsName? b) => !(a == b);

    /// <summary>Presentation format with the final dot ("www.example.com.", the root is "."); '.', '\' and octets outside printable ASCII are escaped (RFC 1035 §5.1).</summary>
    public override string ToString() => IsRoot ? "." : DnsLabels.ToText(_wire) + ".";

    /// <summary>As <see cref="ToString"/> without the final dot, the way Wireshark shows names ("&lt;Root&gt;" for the root).</summary>
    public string ToDisplayString() => IsRoot ? "<Root>" : ToString()[..^1];
}
