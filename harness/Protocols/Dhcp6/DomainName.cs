using System.Text;
using EUeConformance.Protocols.Wire;

namespace EUeConformance.Protocols.Dhcp6;

/// <summary>
/// Domain names in DHCPv6 options: RFC 1035 §3.1 labels, never compressed (RFC 3315 §8). A name
/// is fully qualified when it ends with the zero-length root label; RFC 4704 §4.2 also allows a
/// partial name (no root label) and an empty field. Text form: labels joined by '.', with '.', '\'
/// and octets outside printable ASCII escaped as in master files (\. \\ \DDD), so text and wire
/// forms convert both ways without loss.
/// </summary>
public static class DomainName
{
    /// <summary>RFC 1035 §2.3.4: 63 octets per label, 255 per encoded name.</summary>
    public const int MaxLabelLength = 63;
    public const int MaxEncodedLength = 255;

    /// <summary>
    /// Checks the name at the start of <paramref name="data"/> and returns the octets it takes.
    /// Without <paramref name="allowPartial"/> the root label must come before the data ends.
    /// </summary>
    public static int Validate(ReadOnlySpan<byte> data, int baseOffset, string protocol, string field, bool allowPartial, out bool fullyQualified)
    {
        int pos = 0;
        while (true)
        {
            if (pos >= data.Length)
            {
                if (allowPartial) { fullyQualified = false; return pos; }
                throw new ParseError(protocol, baseOffset + pos, field, "domain name ends without its root label");
            }
            int len = data[pos];
            if (len == 0)
            {
                if (pos + 1 > MaxEncodedLength)
                    throw new ParseError(protocol, baseOffset, field, $"encoded domain name of {pos + 1} octets exceeds {MaxEncodedLength} (RFC 1035 §2.3.4)");
                fullyQualified = true;
                return pos + 1;
            }
            if (len > MaxLabelLength)
                throw new ParseError(protocol, baseOffset + pos, field, (len & 0xC0) == 0xC0
                    ? "compressed domain name (RFC 3315 §8 forbids compression)"
                    : $"label length {len} exceeds {MaxLabelLength}");
            if (pos + 1 + len > data.Length)
                throw new ParseError(protocol, baseOffset + pos, field, $"label of {len} octets runs past the end ({data.Length - pos - 1} left)");
            pos += 1 + len;
            if (pos > MaxEncodedLength)
                throw new ParseError(protocol, baseOffset, field, $"encoded domain name exceeds {MaxEncodedLength} octets (RFC 1035 §2.3.4)");
        }
    }

    /// <summary>The text of a validated wire name (with or without its root label); "" for the root or an empty field.</summary>
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
                else if (b is < 0x21 or > 0x7E) sb.Append('\\').Append(b.ToString("D3"));
                else sb.Append((char)b);
            }
            pos += len;
        }
        return sb.ToString();
    }

    /// <summary>The wire form of <paramref name="name"/>; with <paramref name="fullyQualified"/> the root label ends it.</summary>
    public static byte[] ToWire(string name, bool fullyQualified = true)
    {
        var labels = ParseLabels(name);
        int length = fullyQualified ? 1 : 0;
        foreach (var l in labels) length += 1 + l.Length;
        if (length > MaxEncodedLength) throw new ArgumentException($"'{name}' encodes to {length} octets, more than {MaxEncodedLength}", nameof(name));
        var wire = new byte[length];
        int pos = 0;
        foreach (var l in labels) { wire[pos++] = (byte)l.Length; l.CopyTo(wire, pos); pos += l.Length; }
        return wire;
    }

    static List<byte[]> ParseLabels(string name)
    {
        var labels = new List<byte[]>();
        if (name is "" or ".") return labels;
        var label = new List<byte>();
        for (int i = 0; i < name.Length; i++)
        {
            char c = name[i];
            if (c == '.')
            {
                if (i == name.Length - 1) break; // a trailing dot only says "fully qualified"
                AddLabel(labels, label, name);
                continue;
            }
            if (c == '\\')
            {
                if (i + 3 < name.Length && char.IsAsciiDigit(name[i + 1]) && char.IsAsciiDigit(name[i + 2]) && char.IsAsciiDigit(name[i + 3]))
                {
                    int v = (name[i + 1] - '0') * 100 + (name[i + 2] - '0') * 10 + (name[i + 3] - '0');
                    if (v > 255) throw new ArgumentException($"escape \\{name.Substring(i + 1, 3)} is not an octet in '{name}'", nameof(name));
                    label.Add((byte)v);
                    i += 3;
                }
                else if (i + 1 < name.Length) label.Add((byte)name[++i]);
                else throw new ArgumentException($"'{name}' ends in a lone backslash", nameof(name));
                continue;
            }
            if (c > 0x7F) throw new ArgumentException($"'{name}' has a non-ASCII character; escape its octets as \\DDD", nameof(name));
            label.Add((byte)c);
        }
        AddLabel(labels, label, name);
        return labels;
    }

    static void AddLabel(List<byte[]> labels, List<byte> label, string name)
    {
        if (label.Count == 0) throw new ArgumentException($"'{name}' has an empty label", nameof(name));
        if (label.Count > MaxLabelLength) throw new ArgumentException($"'{name}' has a label longer than {MaxLabelLength} octets", nameof(name));
        labels.Add([.. label]);
        label.Clear();
    }
}
