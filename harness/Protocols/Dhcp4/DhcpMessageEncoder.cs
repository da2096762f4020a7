using System.Buffers.Binary;

namespace EUeConformance.Protocols.Dhcp4;

/// <summary>
/// <see cref="DhcpMessage"/> → bytes. A decoded message whose options still match its
/// <see cref="DhcpWireLayout"/> is replayed exactly; any other message is laid out canonically:
/// options in list order, each split into instances of at most 255 bytes (RFC 3396 §5), and with
/// option 52 the options field fills first, then file, then sname (RFC 3396 §5, RFC 2131 §4.1),
/// an option being split across fields where it does not fit; each field ends with the end option.
/// </summary>
static class DhcpMessageEncoder
{
    sealed class Field(int capacity)
    {
        public readonly int Capacity = capacity;
        public readonly List<byte> Bytes = [];
        public int Room => Capacity - Bytes.Count - 1; // one byte stays for the end option
    }

    public static byte[] Encode(DhcpMessage m, DhcpEncodingSettings settings)
    {
        var overload = m.Overload;
        if (overload.HasFlag(OptionOverload.File) && m.File is not null)
            throw new InvalidOperationException("option 52 makes the file field carry options: leave File null");
        if (overload.HasFlag(OptionOverload.SName) && m.SName is not null)
            throw new InvalidOperationException("option 52 makes the sname field carry options: leave SName null");

        byte[] options, file, sname;
        if (m.Layout is { } layout && layout.Describes(m.Options, overload))
        {
            var cursors = new Dictionary<byte, int>();
            options = Replay(layout.OptionsField, m, cursors);
            file = layout.File is null ? m.File! : Replay(layout.File, m, cursors);
            sname = layout.SName is null ? m.SName! : Replay(layout.SName, m, cursors);
        }
        else
        {
            (options, file, sname) = Canonical(m, overload, settings);
        }

        int length = Dhcp4Protocol.OptionsOffset + options.Length;
        var bytes = new byte[length];
        var s = bytes.AsSpan();
        s[0] = (byte)m.Op;
        s[1] = m.HType;
        s[2] = m.HLen;
        s[3] = m.Hops;
        BinaryPrimitives.WriteUInt32BigEndian(s[4..], m.Xid);
        BinaryPrimitives.WriteUInt16BigEndian(s[8..], m.Secs);
        BinaryPrimitives.WriteUInt16BigEndian(s[10..], m.Flags);
        Addresses.Write(s[12..], m.CiAddr);
        Addresses.Write(s[16..], m.YiAddr);
        Addresses.Write(s[20..], m.SiAddr);
        Addresses.Write(s[24..], m.GiAddr);
        m.ChAddr.CopyTo(s[28..]);
        sname.CopyTo(s[Dhcp4Protocol.ServerNameOffset..]);
        file.CopyTo(s[Dhcp4Protocol.FileOffset..]);
        BinaryPrimitives.WriteUInt32BigEndian(s[Dhcp4Protocol.CookieOffset..], Dhcp4Protocol.MagicCookie);
        options.CopyTo(s[Dhcp4Protocol.OptionsOffset..]);
        return bytes;
    }

    /// <summary>Writes a field as the decoder saw it, taking each instance's bytes from the option's value in turn.</summary>
    static byte[] Replay(IReadOnlyList<LayoutElement> elements, DhcpMessage m, Dictionary<byte, int> cursors)
    {
        var bytes = new List<byte>();
        foreach (var e in elements)
            switch (e.Kind)
            {
                case LayoutElementKind.Pad: for (int i = 0; i < e.Length; i++) bytes.Add(0); break;
                case LayoutElementKind.End: bytes.Add(DhcpOptionCode.End); break;
                case LayoutElementKind.Trailer: bytes.AddRange(e.Bytes!); break;
                case LayoutElementKind.Instance:
                    var value = m.GetOption(e.Code)!.Value;
                    int at = cursors.GetValueOrDefault(e.Code);
                    bytes.Add(e.Code);
                    bytes.Add((byte)e.Length);
                    bytes.AddRange(value.Slice(at, e.Length));
                    cursors[e.Code] = at + e.Length;
                    break;
            }
        return [.. bytes];
    }

    static (byte[] Options, byte[] File, byte[] SName) Canonical(DhcpMessage m, OptionOverload overload, DhcpEncodingSettings settings)
    {
        var seen = new HashSet<byte>();
        foreach (var o in m.Options)
            if (!seen.Add(o.Code))
                throw new InvalidOperationException($"option {o.Code} appears twice: RFC 3396 would concatenate the two on receipt");

        var fields = new List<Field> { new(overload == OptionOverload.None ? int.MaxValue : settings.OverloadedOptionsFieldLength) };
        if (overload.HasFlag(OptionOverload.File)) fields.Add(new Field(Dhcp4Protocol.FileLength));
        if (overload.HasFlag(OptionOverload.SName)) fields.Add(new Field(Dhcp4Protocol.ServerNameLength));
        int current = 0;

        foreach (var option in m.Options)
        {
            var rest = option.Value;
            bool first = true;
            while (first || rest.Length > 0)
            {
                var field = fields[current];
                // An instance needs its code and length, and a non-empty piece unless the value is empty.
                int piece = Math.Min(Math.Min(rest.Length, byte.MaxValue), field.Room - 2);
                if (field.Room < 2 || (piece <= 0 && rest.Length > 0))
                {
                    if (++current == fields.Count)
                        throw new InvalidOperationException($"the options do not fit the fields option 52 makes available (at option {option.Code})");
                    continue;
                }
                if (option.Code == DhcpOptionCode.OptionOverload && current != 0)
                    throw new InvalidOperationException("option 52 must sit in the options field (RFC 2131 §4.1)");
                field.Bytes.Add(option.Code);
                field.Bytes.Add((byte)piece);
                for (int i = 0; i < piece; i++) field.Bytes.Add(rest[i]);
                rest = rest[piece..];
                first = false;
            }
        }

        foreach (var f in fields) f.Bytes.Add(DhcpOptionCode.End);
        var options = fields[0].Bytes;
        int padTo = settings.MinimumLength - Dhcp4Protocol.OptionsOffset;
        while (options.Count < padTo) options.Add(DhcpOptionCode.Pad);

        int next = 1;
        byte[] file = overload.HasFlag(OptionOverload.File) ? Filled(fields[next++], Dhcp4Protocol.FileLength) : m.File ?? new byte[Dhcp4Protocol.FileLength];
        byte[] sname = overload.HasFlag(OptionOverload.SName) ? Filled(fields[next], Dhcp4Protocol.ServerNameLength) : m.SName ?? new byte[Dhcp4Protocol.ServerNameLength];
        return ([.. options], file, sname);
    }

    static byte[] Filled(Field field, int size)
    {
        var bytes = new byte[size];
        field.Bytes.CopyTo(bytes);
        return bytes;
    }
}
