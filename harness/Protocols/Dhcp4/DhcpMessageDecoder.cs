using EUeConformance.Protocols.Wire;

namespace EUeConformance.Protocols.Dhcp4;

/// <summary>
/// Bytes → <see cref="DhcpMessage"/>. Structure first (header, cookie, the options field and,
/// when option 52 says so, the file and sname fields), then RFC 3396 §5 concatenation of all
/// instances of each option in field order options → file → sname, then every option the tables
/// define is checked against its format, CableLabs composites included. Only ParseError escapes,
/// and no length from the wire sizes an allocation beyond the input.
/// </summary>
static class DhcpMessageDecoder
{
    const string P = Dhcp4Protocol.Name;

    readonly record struct Instance(byte Code, int ValueOffset, int Length);

    public static DhcpMessage Decode(ReadOnlySpan<byte> data)
    {
        var r = new WireReader(data, P);
        byte op = r.ReadByte("dhcp.type");
        if (op is not ((byte)BootOp.BootRequest or (byte)BootOp.BootReply))
            throw r.Error("dhcp.type", $"op {op} is neither 1 (BOOTREQUEST) nor 2 (BOOTREPLY)", 0);
        byte htype = r.ReadByte("dhcp.hw.type");
        byte hlen = r.ReadByte("dhcp.hw.len");
        if (hlen > 16) throw r.Error("dhcp.hw.len", $"hlen {hlen} exceeds the 16-byte chaddr field", 2);
        byte hops = r.ReadByte("dhcp.hops");
        uint xid = r.ReadUInt32("dhcp.id");
        ushort secs = r.ReadUInt16("dhcp.secs");
        ushort flags = r.ReadUInt16("dhcp.flags");
        var ciaddr = Addresses.One(r.ReadBytes(4, "dhcp.ip.client"));
        var yiaddr = Addresses.One(r.ReadBytes(4, "dhcp.ip.your"));
        var siaddr = Addresses.One(r.ReadBytes(4, "dhcp.ip.server"));
        var giaddr = Addresses.One(r.ReadBytes(4, "dhcp.ip.relay"));
        var chaddr = r.ReadBytes(16, "dhcp.hw.addr");
        var sname = r.ReadBytes(Dhcp4Protocol.ServerNameLength, "dhcp.server");
        var file = r.ReadBytes(Dhcp4Protocol.FileLength, "dhcp.file");
        // RFC 2131 §3: a DHCP message carries the cookie; a plain BOOTP reply without it is not ours to judge.
        if (r.ReadUInt32("dhcp.cookie") != Dhcp4Protocol.MagicCookie)
            throw r.Error("dhcp.cookie", "magic cookie is not 99.130.83.99 (RFC 2132 §2)", Dhcp4Protocol.CookieOffset);

        var instances = new List<Instance>();
        var optionsLayout = ParseField(data, Dhcp4Protocol.OptionsOffset, data.Length - Dhcp4Protocol.OptionsOffset, "options", instances);

        // RFC 2131 §4.1 / RFC 3396 §7: option 52 is only honoured in the options field.
        var overload = OptionOverload.None;
        foreach (var i in instances)
            if (i.Code == DhcpOptionCode.OptionOverload)
            {
                if (i.Length != 1 || data[i.ValueOffset] is < 1 or > 3)
                    throw new ParseError(P, i.ValueOffset, "dhcp.option.option_overload", i.Length != 1
                        ? $"option overload has 1 byte, not {i.Length}" : $"option overload value {data[i.ValueOffset]} is not 1, 2 or 3");
                overload = (OptionOverload)data[i.ValueOffset];
                break;
            }

        // RFC 3396 §5 / RFC 2131 §4.1: the file field is read before the sname field.
        IReadOnlyList<LayoutElement>? fileLayout = overload.HasFlag(OptionOverload.File)
            ? ParseField(data, Dhcp4Protocol.FileOffset, Dhcp4Protocol.FileLength, "file", instances) : null;
        IReadOnlyList<LayoutElement>? snameLayout = overload.HasFlag(OptionOverload.SName)
            ? ParseField(data, Dhcp4Protocol.ServerNameOffset, Dhcp4Protocol.ServerNameLength, "sname", instances) : null;

        var options = Concatenate(data, instances);
        Validate(options);

        return new DhcpMessage
        {
            Op = (BootOp)op, HType = htype, HLen = hlen, Hops = hops, Xid = xid, Secs = secs, Flags = flags,
            CiAddr = ciaddr, YiAddr = yiaddr, SiAddr = siaddr, GiAddr = giaddr,
            ChAddr = chaddr.ToArray(),
            SName = snameLayout is null ? sname.ToArray() : null,
            File = fileLayout is null ? file.ToArray() : null,
            Options = options,
            Layout = new DhcpWireLayout(optionsLayout, fileLayout, snameLayout),
        };
    }

    /// <summary>Reads one field's pads, instances, end and trailer; instances are appended to <paramref name="instances"/>.</summary>
    static List<LayoutElement> ParseField(ReadOnlySpan<byte> data, int start, int length, string fieldName, List<Instance> instances)
    {
        var layout = new List<LayoutElement>();
        int end = start + length, i = start;
        while (i < end)
        {
            byte code = data[i];
            if (code == DhcpOptionCode.Pad)
            {
                int run = i;
                while (i < end && data[i] == DhcpOptionCode.Pad) i++;
                layout.Add(new LayoutElement(LayoutElementKind.Pad, 0, i - run));
                continue;
            }
            if (code == DhcpOptionCode.End)
            {
                layout.Add(new LayoutElement(LayoutElementKind.End, 255, 0));
                i++;
                if (i < end) layout.Add(new LayoutElement(LayoutElementKind.Trailer, 0, end - i, data[i..end].ToArray()));
                return layout;
            }
            if (i + 1 >= end) throw new ParseError(P, i + 1, "dhcp.option.length", $"option {code} in the {fieldName} field has no length byte");
            int valueLength = data[i + 1];
            if (i + 2 + valueLength > end)
                throw new ParseError(P, i + 1, "dhcp.option.length",
                    $"option {code} length {valueLength} overruns the {end - i - 2} byte(s) left in the {fieldName} field");
            instances.Add(new Instance(code, i + 2, valueLength));
            layout.Add(new LayoutElement(LayoutElementKind.Instance, code, valueLength));
            i += 2 + valueLength;
        }
        return layout;
    }

    /// <summary>RFC 3396 §5: all instances of a code, in field order, form one value; options keep the order of their first instance.</summary>
    static List<DhcpOption> Concatenate(ReadOnlySpan<byte> data, List<Instance> instances)
    {
        var options = new List<DhcpOption>();
        var seen = new HashSet<byte>();
        for (int k = 0; k < instances.Count; k++)
        {
            byte code = instances[k].Code;
            if (!seen.Add(code)) continue;
            int total = 0, pieces = 0;
            for (int j = k; j < instances.Count; j++)
                if (instances[j].Code == code) { total += instances[j].Length; pieces++; }
            var value = new byte[total];
            var segments = new int[pieces * 2];
            int at = 0, s = 0;
            for (int j = k; j < instances.Count; j++)
            {
                if (instances[j].Code != code) continue;
                data.Slice(instances[j].ValueOffset, instances[j].Length).CopyTo(value.AsSpan(at));
                segments[s++] = at;
                segments[s++] = instances[j].ValueOffset;
                at += instances[j].Length;
            }
            options.Add(new DhcpOption(code, value, segments));
        }
        return options;
    }

    /// <summary>Checks every option the dhcp4 table defines, and the CableLabs composites, mapping offsets through splits.</summary>
    static void Validate(List<DhcpOption> options)
    {
        bool cableLabsVendor = false;
        foreach (var o in options)
            if (o.Code == DhcpOptionCode.VendorClassIdentifier)
                cableLabsVendor = o.Value.StartsWith("pktc"u8) || o.Value.StartsWith("docsis"u8);

        foreach (var o in options)
        {
            try
            {
                if (o.Definition is { } definition) OptionValidator.Validate(definition, o.Value, 0);
                if (o.Code == DhcpOptionCode.VendorClassIdentifier && DeviceCapabilities.IsCapabilityString(o.Value))
                    DeviceCapabilities.Decode(o.Value, 0);
                // Option 43's sub-option space depends on the vendor: CableLabs when option 60 says pktc/docsis.
                if (o.Code == DhcpOptionCode.VendorEncapsulatedOptions && cableLabsVendor)
                    SubOptionList.Parse(o.Value, OptionSpaces.CableLabsVendorEncapsulated, 0);
            }
            catch (ParseError e)
            {
                throw new ParseError(e.Protocol, o.AbsoluteOffset(e.Offset), e.Field, e.Problem);
            }
        }
    }
}
