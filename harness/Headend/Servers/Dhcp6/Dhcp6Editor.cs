using System.Globalization;
using System.Net;
using EUeConformance.Headend.Overrides;
using EUeConformance.Protocols.Dhcp;
using EUeConformance.Protocols.Dhcp6;

namespace EUeConformance.Headend.Servers.Dhcp6;

/// <summary>
/// Applies option and field overrides to a DHCPv6 message through the codec's types: options nest in
/// OPTION_VENDOR_OPTS (CableLabs' options after the enterprise number), CL_OPTION_CCC/CCCV6 (code(2)
/// length(2) sub-options), OPTION_IA_NA (after IAID, T1, T2) and OPTION_IAADDR (after the address and
/// lifetimes); each level is rebuilt with its own framing, so an altered value is still framed right.
/// </summary>
public static class Dhcp6Editor
{
    public static Dhcp6Message Apply(Dhcp6Message message, IReadOnlyList<Override> edits)
    {
        foreach (var e in edits)
            message = e switch
            {
                OmitOption o => message.WithOptions(EditList(message.Options, o.Path, null, Container.Top)),
                SetOption s => message.WithOptions(EditList(message.Options, s.Path, s.Value, Container.Top)),
                SetField f => SetField(message, f.Field, f.Value),
                _ => message,
            };
        return message;
    }

    enum Container { Top, VendorOpts, ClSubOptions, IaNa, IaAddr, Leaf }

    static Container ChildOf(Container parent, ushort code) => (parent, code) switch
    {
        (Container.Top, Dhcp6OptionCode.VendorOpts) => Container.VendorOpts,
        (Container.Top, Dhcp6OptionCode.IaNa) => Container.IaNa,
        (Container.VendorOpts, ClOptionCode.Ccc or ClOptionCode.Cccv6) => Container.ClSubOptions,
        (Container.IaNa, Dhcp6OptionCode.IaAddr) => Container.IaAddr,
        _ => Container.Leaf,
    };

    static List<Dhcp6Option> EditList(IReadOnlyList<Dhcp6Option> options, OptionPath path, byte[]? value, Container container)
    {
        var list = options.ToList();
        ushort code = path.Top;
        int i = list.FindIndex(o => o.Code == code);
        Dhcp6Option? result;
        if (path.IsLeaf) result = value is null ? null : new Dhcp6Option(code, value);
        else
        {
            var child = ChildOf(container, code);
            if (child == Container.Leaf) throw new ArgumentException($"option {code} has no options inside it the headend can edit");
            Dhcp6Option? current = i >= 0 ? list[i] : null;
            result = Rebuild(code, current, child, EditList(Children(current, child), path.Rest, value, child));
        }
        if (path.IsLeaf && value is null) list.RemoveAll(o => o.Code == code);
        else if (result is null) { if (i >= 0) list.RemoveAt(i); }
        else if (i >= 0) list[i] = result.Value;
        else list.Add(result.Value);
        return list;
    }

    static IReadOnlyList<Dhcp6Option> Children(Dhcp6Option? option, Container kind) => option is not { } o ? [] : kind switch
    {
        Container.VendorOpts => o.ReadOptions(null, 4),
        Container.IaNa => o.ReadOptions(null, 12),
        Container.IaAddr => o.ReadOptions(null, 24),
        _ => o.ReadOptions(null),
    };

    static Dhcp6Option? Rebuild(ushort code, Dhcp6Option? current, Container kind, IReadOnlyList<Dhcp6Option> children)
    {
        switch (kind)
        {
            case Container.VendorOpts:
                return children.Count == 0 ? null : new VendorOptions(CableLabs.EnterpriseNumber, children).ToOption();
            case Container.IaNa:
            {
                var ia = current is { } c ? IaNa.FromOption(c) : new IaNa(1, 0, 0);
                return new IaNa(ia.Iaid, ia.T1, ia.T2, children).ToOption();
            }
            case Container.IaAddr:
            {
                var a = current is { } c ? IaAddress.FromOption(c) : throw new ArgumentException("there is no IAADDR to edit inside");
                return new IaAddress(a.Address, a.PreferredLifetime, a.ValidLifetime, children).ToOption();
            }
            default:
            {
                if (children.Count == 0) return null;
                var w = new Dhcp6OptionWriter();
                foreach (var o in children) w.WriteOption(o);
                return new Dhcp6Option(code, w.ToArray());
            }
        }
    }

    /// <summary>Fields: "xid", "msg-type" (number), and inside the first IA_NA "ia_na.address", "ia_na.t1", "ia_na.t2", "ia_na.preferred", "ia_na.valid".</summary>
    public static Dhcp6Message SetField(Dhcp6Message m, string field, string value)
    {
        switch (field.ToLowerInvariant())
        {
            case "xid": return Dhcp6Message.Create(m.Type, ParseUInt(value), m.Options);
            case "msg-type": return Dhcp6Message.Create((Dhcp6MessageType)byte.Parse(value, CultureInfo.InvariantCulture), m.TransactionId, m.Options);
            case "ia_na.address" or "ia_na.t1" or "ia_na.t2" or "ia_na.preferred" or "ia_na.valid":
            {
                int i = m.Options.ToList().FindIndex(o => o.Code == Dhcp6OptionCode.IaNa);
                if (i < 0) throw new ArgumentException($"{field}: the message has no IA_NA");
                var ia = IaNa.FromOption(m.Options[i]);
                var edited = field.ToLowerInvariant() switch
                {
                    "ia_na.t1" => new IaNa(ia.Iaid, ParseUInt(value), ia.T2, ia.Options),
                    "ia_na.t2" => new IaNa(ia.Iaid, ia.T1, ParseUInt(value), ia.Options),
                    _ => new IaNa(ia.Iaid, ia.T1, ia.T2, [.. ia.Options.Select(o => o.Code == Dhcp6OptionCode.IaAddr ? EditAddress(IaAddress.FromOption(o), field, value).ToOption() : o)]),
                };
                var options = m.Options.ToList();
                options[i] = edited.ToOption();
                return m.WithOptions(options);
            }
            default:
                throw new ArgumentException($"'{field}' is not a DHCPv6 field the headend can set (xid, msg-type, ia_na.address, ia_na.t1, ia_na.t2, ia_na.preferred, ia_na.valid)");
        }
    }

    static IaAddress EditAddress(IaAddress a, string field, string value) => field.ToLowerInvariant() switch
    {
        "ia_na.address" => new IaAddress(IPAddress.Parse(value), a.PreferredLifetime, a.ValidLifetime, a.Options),
        "ia_na.preferred" => new IaAddress(a.Address, ParseUInt(value), a.ValidLifetime, a.Options),
        _ => new IaAddress(a.Address, a.PreferredLifetime, ParseUInt(value), a.Options),
    };

    static uint ParseUInt(string v) => v.StartsWith("0x", StringComparison.OrdinalIgnoreCase)
        ? uint.Parse(v[2..], NumberStyles.HexNumber, CultureInfo.InvariantCulture) : uint.Parse(v, CultureInfo.InvariantCulture);
}
