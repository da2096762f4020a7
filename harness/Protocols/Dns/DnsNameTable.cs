using System.Text;
using EUeConformance.Protocols.Wire;

namespace EUeConformance.Protocols.Dns;

/// <summary>
/// The encoder's compression table (RFC 1035 §4.1.4): every name suffix written so far, by its
/// offset in the message, so a later name can end in a pointer to the first occurrence of its
/// longest known suffix. Matching is octet for octet, so compression never changes a name's case.
/// Entries added while a record is tried are undone if the record is dropped for truncation.
/// </summary>
internal sealed class DnsNameTable
{
    const int MaxPointerTarget = 0x3FFF; // 14-bit offsets

    readonly Dictionary<string, int> _offsetBySuffix = new(StringComparer.Ordinal);
    readonly Dictionary<int, string> _suffixByOffset = [];
    readonly List<(string Suffix, int Offset, bool AddedSuffix)> _log = [];

    public int Mark => _log.Count;

    public void Rollback(int mark)
    {
        for (int i = _log.Count - 1; i >= mark; i--)
        {
            var (suffix, offset, addedSuffix) = _log[i];
            _suffixByOffset.Remove(offset);
            if (addedSuffix) _offsetBySuffix.Remove(suffix);
        }
        _log.RemoveRange(mark, _log.Count - mark);
    }

    /// <summary>
    /// Writes <paramref name="name"/> at absolute offset <paramref name="at"/> + what <paramref name="output"/> holds.
    /// A still-valid <paramref name="layout"/> from decoding is followed; otherwise the name is compressed against
    /// the table when <paramref name="compress"/> is set, and written out in full when not.
    /// </summary>
    public void Write(WireBuffer output, int at, DnsName name, bool compress, NameLayout? layout)
    {
        var wire = name.Wire;
        int labels = name.LabelCount, here = at + output.Length;
        int literal = labels, pointer = -1;

        bool reuse = layout is { } l && (l.IsCompressed
            ? l.LiteralLabels < labels && l.Pointer < here
              && _suffixByOffset.TryGetValue(l.Pointer, out var there) && there == Key(wire[name.LabelOffset(l.LiteralLabels)..])
            : l.LiteralLabels == labels);
        if (reuse) { literal = layout!.Value.LiteralLabels; pointer = layout.Value.Pointer; }
        else if (compress)
        {
            // the longest known suffix wins: the first label index whose suffix is in the table
            for (int i = 0; i < labels; i++)
            {
                if (_offsetBySuffix.TryGetValue(Key(wire[name.LabelOffset(i)..]), out int offset))
                { literal = i; pointer = offset; break; }
            }
        }

        int offsetInName = 0;
        for (int i = 0; i < literal; i++)
        {
            Remember(wire[offsetInName..], at + output.Length);
            int len = wire[offsetInName];
            output.WriteBytes(wire.Slice(offsetInName, 1 + len));
            offsetInName += 1 + len;
        }
        if (pointer >= 0)
        {
            Remember(wire[offsetInName..], at + output.Length);
            output.WriteUInt16((ushort)(0xC000 | pointer));
        }
        else output.WriteByte(0);
    }

    void Remember(ReadOnlySpan<byte> suffix, int offset)
    {
        if (offset > MaxPointerTarget || suffix.Length <= 1) return;
        string key = Key(suffix);
        bool added = _offsetBySuffix.TryAdd(key, offset);
        if (_suffixByOffset.TryAdd(offset, key)) _log.Add((key, offset, added));
        else if (added) _log.Add((key, -1, true));
    }

    static string Key(ReadOnlySpan<byte> suffix) => Encoding.Latin1.GetString(suffix);
}
