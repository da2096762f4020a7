using System.Globalization;
using System.Text;
using EUeConformance.Protocols.Wire;

namespace EUeConformance.Protocols.Dns;

/// <summary>
/// Domain names in their uncompressed wire form (RFC 1035 §3.1): length-prefixed labels of at most
/// 63 octets, ending with the zero-length root label, 255 octets at most in all (§2.3.4). The one
/// label scanner, text reader and text writer of every codec that carries such names: <see cref="DnsName"/>
/// and the DNS RDATA codec, DHCPv4 option 122 sub-options 3 and 6 (RFC 3495 §5: no compression), and
/// DHCPv6 (RFC 3315 §8: never compressed; RFC 4704 §4.2: OPTION_FQDN may hold a partial name without
/// the root label, or nothing). Compressed names inside DNS messages are <see cref="DnsNameDecoder"/>'s.
/// Text is RFC 1035 §5.1 presentation format: labels joined by '.', with '.', '\' and octets outside
/// printable ASCII escaped (\. \\ \DDD), so text and wire forms convert both ways without loss.
/// </summary>
public static class DnsLabels
{
    /// <summary>RFC 1035 §2.3.4: labels are 63 octets or less.</summary>
    public const int MaxLabelLength = 63;
    /// <summary>RFC 1035 §2.3.4: names are 255 octets or less, counting length octets and the root.</summary>
    public const int MaxNameLength = 255;

    enum Fault { None, NoRootLabel, CompressionPointer, LabelTooLong, LabelPastEnd, NameTooLong }

    /// <summary>
    /// Checks the name at the start of <paramref name="data"/> and returns the octets it takes. Without
    /// <paramref name="allowPartial"/> the root label must come before the data ends; with it (RFC 4704
    /// §4.2) running out of data ends a partial name, and no data at all is the empty name.
    /// Throws <see cref="ParseError"/> naming <paramref name="protocol"/> and <paramref name="field"/>.
    /// </summary>
    public static int Validate(ReadOnlySpan<byte> data, int baseOffset, string protocol, string field, bool allowPartial, out bool fullyQualified)
    {
        int used = Scan(data, allowPartial, out fullyQualified, out var fault, out int at);
        if (fault != Fault.None) throw new ParseError(protocol, baseOffset + at, field, Describe(fault, data, at));
        return used;
    }

    /// <summary>As <see cref="Validate"/>, for a field that is one name and nothing else; returns whether the name is fully qualified.</summary>
    public static bool ValidateExact(ReadOnlySpan<byte> data, int baseOffset, string protocol, string field, bool allowPartial = false)
    {
        int used = Validate(data, baseOffset, protocol, field, allowPartial, out bool fullyQualified);
        if (used != data.Length)
            throw new ParseError(protocol, baseOffset + used, field, $"{data.Length - used} octet(s) after the root label");
        return fullyQualified;
    }

    /// <summary>The text of a field that is exactly one fully qualified name (checked first); "" for the root.</summary>
    public static string Decode(ReadOnlySpan<byte> data, int baseOffset, string protocol, string field)
    {
        ValidateExact(data, baseOffset, protocol, field);
        return ToText(data);
    }

    /// <summary>The length of the fully qualified name at the start of <paramref name="data"/>, or -1 if there is none (no exceptions: RDATA splitting).</summary>
    internal static int Measure(ReadOnlySpan<byte> data)
    {
        int used = Scan(data, allowPartial: false, out _, out var fault, out _);
        return fault == Fault.None ? used : -1;
    }

    /// <summary>The text of a checked wire name, with or without its root label; "" for the root or an empty field.</summary>
    public static string ToText(ReadOnlySpan<byte> wire)
    {
        var sb = new StringBuilder(wire.Length);
        int pos = 0;
        while (pos < wire.Length && wire[pos] != 0)
        {
            int len = wire[pos++];
            if (sb.Length > 0) sb.Append('.');
            foreach (byte b in wire.Slice(pos, len))
            {
                if (b is (byte)'.' or (byte)'\\') sb.Append('\\').Append((char)b);
                else if (b is < 0x21 or > 0x7E) sb.Append('\\').Append(b.ToString("D3", CultureInfo.InvariantCulture));
                else sb.Append((char)b);
            }
            pos += len;
        }
        return sb.ToString();
    }

    /// <summary>
    /// The wire form of presentation-format <paramref name="text"/> (RFC 1035 §5.1: dot-separated labels,
    /// <c>\X</c> and <c>\DDD</c> escapes, an optional final dot; "" or "." is the root). With
    /// <paramref name="fullyQualified"/> the root label ends it; without, it is left off (an RFC 4704 §4.2
    /// partial name). Throws <see cref="FormatException"/> for text that is no name.
    /// </summary>
    public static byte[] Encode(string text, bool fullyQualified = true)
    {
        ArgumentNullException.ThrowIfNull(text);
        var wire = new List<byte>(text.Length + 2);
        if (text is not ("" or "."))
        {
            var label = new List<byte>(MaxLabelLength);
            int i = 0;
            bool ended = false;
            while (i < text.Length)
            {
                char c = text[i];
                if (c == '.')
                {
                    if (label.Count == 0) throw new FormatException($"empty label at character {i} of \"{text}\"");
                    AddLabel(wire, label, text);
                    i++;
                    if (i == text.Length) ended = true;
                    continue;
                }
                if (c == '\\')
                {
                    if (i + 1 >= text.Length) throw new FormatException($"dangling escape at the end of \"{text}\"");
                    if (char.IsAsciiDigit(text[i + 1]))
                    {
                        if (i + 3 >= text.Length || !char.IsAsciiDigit(text[i + 2]) || !char.IsAsciiDigit(text[i + 3]))
                            throw new FormatException($"\\DDD escape needs three digits at character {i} of \"{text}\"");
                        int v = (text[i + 1] - '0') * 100 + (text[i + 2] - '0') * 10 + (text[i + 3] - '0');
                        if (v > 255) throw new FormatException($"\\{v} is not an octet, at character {i} of \"{text}\"");
                        label.Add((byte)v);
                        i += 4;
                    }
                    else
                    {
                        if (text[i + 1] > 0x7F) throw new FormatException($"non-ASCII character at {i + 1} of \"{text}\"; write it as \\DDD octets");
                        label.Add((byte)text[i + 1]);
                        i += 2;
                    }
                    continue;
                }
                if (c > 0x7F) throw new FormatException($"non-ASCII character at {i} of \"{text}\"; write it as \\DDD octets");
                label.Add((byte)c);
                i++;
            }
            if (!ended) AddLabel(wire, label, text);
        }
        if (fullyQualified) wire.Add(0);
        if (wire.Count > MaxNameLength) throw new FormatException($"\"{text}\" is {wire.Count} octets on the wire; at most {MaxNameLength} (RFC 1035 §2.3.4)");
        return [.. wire];
    }

    static void AddLabel(List<byte> wire, List<byte> label, string text)
    {
        if (label.Count > MaxLabelLength) throw new FormatException($"a label of \"{text}\" has {label.Count} octets; at most {MaxLabelLength} (RFC 1035 §2.3.4)");
        wire.Add((byte)label.Count);
        wire.AddRange(label);
        label.Clear();
    }

    /// <summary>The one walk over the labels; a fault is reported with the offset (within <paramref name="data"/>) it concerns.</summary>
    static int Scan(ReadOnlySpan<byte> data, bool allowPartial, out bool fullyQualified, out Fault fault, out int faultAt)
    {
        fullyQualified = false;
        fault = Fault.None;
        faultAt = 0;
        int pos = 0;
        while (true)
        {
            if (pos >= data.Length)
            {
                if (allowPartial) return pos;
                (fault, faultAt) = (Fault.NoRootLabel, pos);
                return -1;
            }
            int len = data[pos];
            if (len == 0)
            {
                // A name that is too long as a whole is reported at its start.
                if (pos + 1 > MaxNameLength) { fault = Fault.NameTooLong; return -1; }
                fullyQualified = true;
                return pos + 1;
            }
            if (len > MaxLabelLength)
            {
                (fault, faultAt) = ((len & 0xC0) == 0xC0 ? Fault.CompressionPointer : Fault.LabelTooLong, pos);
                return -1;
            }
            if (pos + 1 + len > data.Length)
            {
                (fault, faultAt) = (Fault.LabelPastEnd, pos);
                return -1;
            }
            pos += 1 + len;
            if (pos > MaxNameLength) { fault = Fault.NameTooLong; return -1; }
        }
    }

    static string Describe(Fault fault, ReadOnlySpan<byte> data, int at) => fault switch
    {
        Fault.NoRootLabel => "domain name ends without its root label",
        // RFC 1035 §4.1.4 pointers belong to DNS messages; RFC 3315 §8 and RFC 3495 §5 forbid them in DHCP.
        Fault.CompressionPointer => $"compression pointer (label octet 0x{data[at]:X2}) in a name that must not be compressed",
        Fault.LabelTooLong => $"label length {data[at]} exceeds {MaxLabelLength} (RFC 1035 §2.3.4)",
        Fault.LabelPastEnd => $"label of {data[at]} octets runs past the end ({data.Length - at - 1} left)",
        Fault.NameTooLong => $"encoded domain name exceeds {MaxNameLength} octets (RFC 1035 §2.3.4)",
        _ => throw new ArgumentOutOfRangeException(nameof(fault)),
    };
}
