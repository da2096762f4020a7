using EUeConformance.Protocols.Dhcp;

namespace EUeConformance.Protocols.Dhcp6;

/// <summary>One capability of the TLV 5 block: type, and a value of up to 255 octets.</summary>
public readonly record struct CapabilityTlv(byte Type, ReadOnlyMemory<byte> Value)
{
    public static CapabilityTlv Byte(byte type, byte value) => new(type, new[] { value });
    public bool Equals(CapabilityTlv other) => Type == other.Type && Value.Span.SequenceEqual(other.Value.Span);
    public override int GetHashCode() => HashCode.Combine(Type, Value.Length);
}

/// <summary>
/// CL_OPTION_MODEM_CAPABILITIES (35): the TLV 5 capabilities as binary type(1) length(1) value,
/// without an outer type-5 header (Wireshark's dissect_cablelabs_specific_opts parses it so);
/// EUE-PROV 6.6.1 and Annex A say what an eUE reports.
/// </summary>
public sealed class ModemCapabilities(IReadOnlyList<CapabilityTlv> capabilities)
{
    public IReadOnlyList<CapabilityTlv> Capabilities { get; } = capabilities;

    /// <summary>The least an eUE reports: 5.1 = 2 (PacketCable 2.0), 5.3, 5.4 and 5.26 (<see cref="EueCapability.Required"/>).</summary>
    public static ModemCapabilities Eue(bool tgtSupport = true, bool httpDownload = true, bool certificateBootstrapping = false) =>
        new([.. EueCapability.Required(tgtSupport, httpDownload, certificateBootstrapping).Select(c => CapabilityTlv.Byte(c.Type, c.Value))]);

    public static ModemCapabilities FromOption(Dhcp6Option option)
    {
        Dhcp6OptionSpaces.Vendor4491.Validate(option, ClOptionCode.ModemCapabilities);
        var s = option.Span;
        var list = new List<CapabilityTlv>();
        for (int pos = 0; pos < s.Length;)
        {
            int len = s[pos + 1];
            list.Add(new CapabilityTlv(s[pos], option.Data.Slice(pos + 2, len)));
            pos += 2 + len;
        }
        return new ModemCapabilities(list);
    }

    /// <summary>The value of the first capability of <paramref name="type"/>, or null.</summary>
    public ReadOnlyMemory<byte>? Find(byte type)
    {
        foreach (var c in Capabilities)
            if (c.Type == type) return c.Value;
        return null;
    }

    public byte[] Encode()
    {
        var w = new Dhcp6OptionWriter();
        foreach (var c in Capabilities)
        {
            if (c.Value.Length > byte.MaxValue) throw new ArgumentException($"capability {c.Type}: {c.Value.Length} octets do not fit a 1-octet length");
            w.WriteUInt8(c.Type);
            w.WriteUInt8((byte)c.Value.Length);
            w.WriteBytes(c.Value.Span);
        }
        return w.ToArray();
    }

    public Dhcp6Option ToOption() => new(ClOptionCode.ModemCapabilities, Encode());
}
