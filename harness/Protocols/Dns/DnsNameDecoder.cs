using EUeConformance.Protocols.Wire;

namespace EUeConformance.Protocols.Dns;

/// <summary>
/// How a name was laid out in the message it was decoded from: <see cref="LiteralLabels"/> labels
/// written out, then either the root label (<see cref="Pointer"/> = -1) or a compression pointer to
/// <see cref="Pointer"/>. The encoder reuses a layout when it is still valid, so that re-encoding a
/// decoded message reproduces its bytes, whatever compression choices its sender made.
/// </summary>
internal readonly record struct NameLayout(int LiteralLabels, int Pointer)
{
    public bool IsCompressed => Pointer >= 0;
}

/// <summary>
/// Reads one possibly-compressed name (RFC 1035 §4.1.4) out of a whole message, defensively: a
/// pointer may not leave the message, land in the header, point back into the name being read
/// (a loop, or the middle of one of its labels), or revisit a target; labels are at most 63
/// octets and the expanded name at most 255. Every failure is a <see cref="ParseError"/> at the
/// offending octet.
/// </summary>
internal static class DnsNameDecoder
{
    const int HeaderLength = 12;
    const int MaxPointers = 128;

    /// <summary>
    /// Reads the name starting at <paramref name="start"/>; its in-place part must end by
    /// <paramref name="limit"/> (the end of the RDATA holding it, or of the message). Returns the
    /// name, its layout, and the offset just after its in-place part.
    /// </summary>
    public static (DnsName Name, NameLayout Layout, int End) Read(ReadOnlySpan<byte> message, int start, int limit, string field)
    {
        Span<byte> wire = stackalloc byte[DnsName.MaxLength];
        Span<int> visited = stackalloc int[MaxPointers];
        Span<int> segmentLabels = stackalloc int[DnsName.MaxLength / 2 + 1];
        int segmentLabelCount = 0, pointers = 0;
        int length = 0, literalLabels = 0, firstPointer = -1, end = -1;
        int segmentStart = start, pos = start;
        bool jumped = false;

        while (true)
        {
            int bound = jumped ? message.Length : limit;
            if (pos >= bound)
                throw Error(pos, field, jumped ? "name runs past the end of the message" : limit < message.Length
                    ? "name runs past the end of its RDATA" : "name runs past the end of the message");
            byte b = message[pos];
            switch (b & 0xC0)
            {
                case 0x00 when b == 0:
                    if (length + 1 > DnsName.MaxLength) throw Error(pos, field, $"name exceeds {DnsName.MaxLength} octets (RFC 1035 §2.3.4)");
                    wire[length++] = 0;
                    if (!jumped) end = pos + 1;
                    return (DnsName.FromTrustedWire(wire[..length]), new NameLayout(literalLabels, firstPointer), end);

                case 0x00:
                    if (pos + 1 + b > bound)
                        throw Error(pos, field, $"label of {b} octets runs past the end of the {(jumped || limit >= message.Length ? "message" : "RDATA")}");
                    if (length + 1 + b + 1 > DnsName.MaxLength) throw Error(pos, field, $"name exceeds {DnsName.MaxLength} octets (RFC 1035 §2.3.4)");
                    segmentLabels[segmentLabelCount++] = pos;
                    message.Slice(pos, 1 + b).CopyTo(wire[length..]);
                    length += 1 + b;
                    pos += 1 + b;
                    if (!jumped) literalLabels++;
                    break;

                case 0xC0:
                    if (pos + 2 > bound) throw Error(pos, field, "compression pointer cut short");
                    int target = (b & 0x3F) << 8 | message[pos + 1];
                    if (!jumped) { firstPointer = target; end = pos + 2; }
                    if (target >= message.Length)
                        throw Error(pos, field, $"compression pointer to offset {target} points past the end of the message ({message.Length} bytes)");
                    if (target < HeaderLength)
                        throw Error(pos, field, $"compression pointer to offset {target} points into the header");
                    if (target >= segmentStart && target <= pos + 1)
                    {
                        bool onLabel = target == pos || segmentLabels[..segmentLabelCount].Contains(target);
                        throw Error(pos, field, onLabel
                            ? $"compression pointer loop: offset {target} is part of the name being read"
                            : $"compression pointer to offset {target} points into the middle of a label of the name being read");
                    }
                    if (visited[..pointers].Contains(target)) throw Error(pos, field, $"compression pointer loop: offset {target} was already visited");
                    if (pointers == MaxPointers) throw Error(pos, field, $"more than {MaxPointers} compression pointers in one name");
                    visited[pointers++] = target;
                    jumped = true;
                    segmentStart = pos = target;
                    segmentLabelCount = 0;
                    break;

                default:
                    throw Error(pos, field, $"label length octet 0x{b:X2}: a label has at most {DnsName.MaxLabelLength} octets; " +
                        $"the {(b & 0xC0) switch { 0x40 => "0x40 (extended label, RFC 6891 §5)", _ => "0x80 (reserved)" }} label type is not supported");
            }
        }
    }

    static ParseError Error(int offset, string field, string problem) => new("dns", offset, field, problem);
}
