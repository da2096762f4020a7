using System.Buffers.Binary;
using System.Text;
using EUeConformance.Protocols.Dhcp;

namespace EUeConformance.Protocols.Dhcp6;

/// <summary>
/// OPTION_VENDOR_CLASS (RFC 3315 §22.16): an enterprise number, then vendor-class-data items, each
/// with a 2-octet length. The eUE sends enterprise 4491 with the single item "pktc2.0" (EUE-PROV 6.6.1,
/// Table 5): <c>00 10 00 0D 00 00 11 8B 00 07 70 6B 74 63 32 2E 30</c> (protocol-facts.md 2.3).
/// </summary>
public sealed class VendorClass(uint enterpriseNumber, IReadOnlyList<ReadOnlyMemory<byte>> data)
{
    public uint EnterpriseNumber { get; } = enterpriseNumber;
    public IReadOnlyList<ReadOnlyMemory<byte>> Data { get; } = data;

    /// <summary>CableLabs (4491) with "pktc2.0", the eUE's vendor class.</summary>
    public static VendorClass Pktc20 { get; } = FromStrings(CableLabs.EnterpriseNumber, CableLabs.Pktc20);

    public static VendorClass FromStrings(uint enterpriseNumber, params string[] items)
    {
        var data = new ReadOnlyMemory<byte>[items.Length];
        for (int i = 0; i < items.Length; i++) data[i] = Encoding.Latin1.GetBytes(items[i]);
        return new VendorClass(enterpriseNumber, data);
    }

    public static VendorClass FromOption(Dhcp6Option option)
    {
        Dhcp6OptionSpaces.Dhcp6.Validate(option, Dhcp6OptionCode.VendorClass);
        var s = option.Span;
        var items = new List<ReadOnlyMemory<byte>>();
        for (int pos = 4; pos < s.Length;)
        {
            int len = BinaryPrimitives.ReadUInt16BigEndian(s[pos..]);
            items.Add(option.Data.Slice(pos + 2, len));
            pos += 2 + len;
        }
        return new VendorClass(BinaryPrimitives.ReadUInt32BigEndian(s), items);
    }

    /// <summary>The items as text.</summary>
    public IReadOnlyList<string> Strings
    {
        get
        {
            var list = new List<string>(Data.Count);
            foreach (var d in Data) list.Add(Encoding.Latin1.GetString(d.Span));
            return list;
        }
    }

    /// <summary>Whether this is CableLabs with an item "pktc2.0" (EUE-PROV 6.6.1).</summary>
    public bool IsPktc20
    {
        get
        {
            if (EnterpriseNumber != CableLabs.EnterpriseNumber) return false;
            foreach (var d in Data)
                if (d.Span.SequenceEqual("pktc2.0"u8)) return true;
            return false;
        }
    }

    public Dhcp6Option ToOption()
    {
        var w = new Dhcp6OptionWriter();
        w.WriteUInt32(EnterpriseNumber);
        foreach (var d in Data)
        {
            w.WriteUInt16(checked((ushort)d.Length));
            w.WriteBytes(d.Span);
        }
        return new Dhcp6Option(Dhcp6OptionCode.VendorClass, w.ToArray());
    }
}
