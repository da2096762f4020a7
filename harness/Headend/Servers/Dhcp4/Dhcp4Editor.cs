using System.Globalization;
using System.Net;
using EUeConformance.Headend.Overrides;
using EUeConformance.Protocols.Dhcp;
using EUeConformance.Protocols.Dhcp4;

namespace EUeConformance.Headend.Servers.Dhcp4;

/// <summary>
/// Applies option and field overrides to a DHCPv4 message through the codec's own types: option
/// 122 (RFC 3495), 125 (RFC 3925, CableLabs' block), its CL_V4OPTION_CCCV6 sub-options, 82 (RFC 3046) and
/// 43 are edited as sub-option lists, so an altered value is framed correctly even when it is wrong.
/// </summary>
public static class Dhcp4Editor
{
    public static DhcpMessage Apply(DhcpMessage message, IReadOnlyList<Override> edits)
    {
        foreach (var e in edits)
            message = e switch
            {
                OmitOption o => Edit(message, o.Path, null),
                SetOption s => Edit(message, s.Path, s.Value),
                SetField f => SetField(message, f.Field, f.Value),
                _ => message,
            };
        return message;
    }

    /// <summary>Removes (<paramref name="value"/> null) or sets the option at <paramref name="path"/>.</summary>
    public static DhcpMessage Edit(DhcpMessage message, OptionPath path, byte[]? value)
    {
        byte code = checked((byte)path.Top);
        if (path.IsLeaf) return value is null ? message.WithoutOption(code) : message.WithOption(new DhcpOption(code, value));
        var current = message.GetOption(code);
        byte[]? inner = code switch
        {
            DhcpOptionCode.ViVendorSpecificInformation => EditVendor(current?.ToArray(), path.Rest, value),
            _ => EditSubOptions(current?.ToArray() ?? [], SpaceOf(code), path.Rest, value),
        };
        return inner is null ? message.WithoutOption(code) : message.WithOption(new DhcpOption(code, inner));
    }

    static OptionSpace SpaceOf(byte code) => code switch
    {
        DhcpOptionCode.CableLabsClientConfiguration => OptionSpaces.CableLabsClientConfiguration,
        DhcpOptionCode.RelayAgentInformation => OptionSpaces.RelayAgentInformation,
        DhcpOptionCode.VendorEncapsulatedOptions => OptionSpaces.CableLabsVendorEncapsulated,
        _ => throw new ArgumentException($"option {code} has no sub-options the headend can edit (122, 125, 82, 43 have)"),
    };

    // Option 125: the CableLabs (4491) block's sub-options; other enterprises' blocks are kept.
    static byte[]? EditVendor(byte[]? value, OptionPath rest, byte[]? newValue)
    {
        var data = value is null ? new VendorIdentifyingData([]) : VendorIdentifyingData.Decode(value, 0);
        var entries = data.Entries.ToList();
        int i = entries.FindIndex(e => e.Enterprise == CableLabs.EnterpriseNumber);
        byte[] block = i >= 0 ? entries[i].Data : [];
        var edited = EditSubOptions(block, OptionSpaces.CableLabsV4, rest, newValue);
        if (edited is null) { if (i >= 0) entries.RemoveAt(i); }
        else if (i >= 0) entries[i] = new VendorData(CableLabs.EnterpriseNumber, edited);
        else entries.Add(new VendorData(CableLabs.EnterpriseNumber, edited));
        return entries.Count == 0 ? null : new VendorIdentifyingData(entries).Encode();
    }

    /// <summary>Edits a code(1) length(1) list; returns null when the list ends up empty.</summary>
    static byte[]? EditSubOptions(byte[] data, OptionSpace space, OptionPath path, byte[]? value)
    {
        var items = SubOptionList.Parse(data, space, validate: false).ToList();
        byte code = checked((byte)path.Top);
        int i = items.FindIndex(s => s.Code == code);
        byte[]? result;
        if (path.IsLeaf) result = value;
        else
        {
            var nested = space.Find(code)?.Encapsulates ?? throw new ArgumentException($"sub-option {code} of {space.Name} has no sub-options");
            result = EditSubOptions(i >= 0 ? items[i].Value : [], nested, path.Rest, value);
        }
        if (result is null) { if (i >= 0) items.RemoveAt(i); }
        else if (i >= 0) items[i] = new SubOption(code, result);
        else items.Add(new SubOption(code, result));
        return items.Count == 0 ? null : new SubOptionList(items).Encode();
    }

    /// <summary>Header fields by their RFC 2131 names.</summary>
    public static DhcpMessage SetField(DhcpMessage m, string field, string value) => field.ToLowerInvariant() switch
    {
        "op" => m with { Op = (BootOp)byte.Parse(value, CultureInfo.InvariantCulture) },
        "htype" => m with { HType = byte.Parse(value, CultureInfo.InvariantCulture) },
        "hlen" => m with { HLen = byte.Parse(value, CultureInfo.InvariantCulture) },
        "hops" => m with { Hops = byte.Parse(value, CultureInfo.InvariantCulture) },
        "xid" => m with { Xid = ParseUInt(value) },
        "secs" => m with { Secs = (ushort)ParseUInt(value) },
        "flags" => m with { Flags = (ushort)ParseUInt(value) },
        "ciaddr" => m with { CiAddr = IPAddress.Parse(value) },
        "yiaddr" => m with { YiAddr = IPAddress.Parse(value) },
        "siaddr" => m with { SiAddr = IPAddress.Parse(value) },
        "giaddr" => m with { GiAddr = IPAddress.Parse(value) },
        "chaddr" => m with { ChAddr = DhcpMessage.ChAddrOf(Convert.FromHexString(value.Replace(":", "").Replace("-", ""))) },
        "file" => m with { File = DhcpMessage.FieldOf(value, Dhcp4Protocol.FileLength) },
        "sname" => m with { SName = DhcpMessage.FieldOf(value, Dhcp4Protocol.ServerNameLength) },
        _ => throw new ArgumentException($"'{field}' is not a DHCPv4 header field (op, htype, hlen, hops, xid, secs, flags, ciaddr, yiaddr, siaddr, giaddr, chaddr, file, sname)"),
    };

    static uint ParseUInt(string v) => v.StartsWith("0x", StringComparison.OrdinalIgnoreCase)
        ? uint.Parse(v[2..], NumberStyles.HexNumber, CultureInfo.InvariantCulture) : uint.Parse(v, CultureInfo.InvariantCulture);
}
