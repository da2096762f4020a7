using System.Text;
using EUeConformance.Protocols.Wire;

namespace EUeConformance.Protocols.Dhcp4;

/// <summary>
/// RFC 1035 §3.1 names as RFC 3495 §5 requires them in option 122: length-prefixed labels of at
/// most 63 bytes ending with the zero-length root label; compression (§4.1.4) MUST NOT be used,
/// so a byte with the top two bits set is an error here, not a pointer.
/// </summary>
public static class DnsLabels
{
    /// <summary>"BASIC.1" → 05 'B' 'A' 'S' 'I' 'C' 01 '1' 00. An empty name or "." encodes as the root alone.</summary>
    public static byte[] Encode(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var buffer = new WireBuffer(name.Length + 2);
        foreach (var label in name.TrimEnd('.').Split('.', StringSplitOptions.None))
        {
            if (label.Length == 0)
            {
                if (name.Trim('.').Length == 0) break; // the root name
                throw new ArgumentException($"empty label in '{name}'", nameof(name));
            }
            var bytes = Encoding.ASCII.GetBytes(label);
            if (bytes.Length > 63) throw new ArgumentException($"label '{label}' is longer than 63 bytes (RFC 1035 §2.3.4)", nameof(name));
            buffer.WriteByte((byte)bytes.Length);
            buffer.WriteBytes(bytes);
        }
        buffer.WriteByte(0);
        return buffer.ToArray();
    }

    /// <summary>Reads a whole value as one uncompressed name; the root label must end the value exactly.</summary>
    public static string Decode(ReadOnlySpan<byte> value, int baseOffset, string field)
    {
        var reader = new WireReader(value, Dhcp4Protocol.Name, baseOffset);
        var name = new StringBuilder();
        while (true)
        {
            int at = reader.Offset;
            byte length = reader.ReadByte(field);
            if (length == 0) break;
            if (length > 63)
                throw reader.Error(field, (length & 0xC0) == 0xC0
                    ? "compression pointer in a name that RFC 3495 §5 forbids to compress"
                    : $"label length {length} exceeds 63 (RFC 1035 §2.3.4)", at);
            var label = reader.ReadBytes(length, field);
            if (name.Length > 0) name.Append('.');
            foreach (byte b in label) name.Append(b is >= 0x20 and < 0x7F ? (char)b : '?');
        }
        if (reader.HasData) throw reader.Error(field, $"{reader.Remaining} byte(s) after the root label");
        return name.ToString();
    }
}
