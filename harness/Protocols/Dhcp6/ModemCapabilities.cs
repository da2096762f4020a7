namespace EUeConformance.Protocols.Dhcp6;

/// <summary>One capability of the TLV 5 block: type, and a value of up to 255 octets.</summary>
public readonly record struct CapabilityTlv(byte Type, ReadOnlyMemory<byte> Value)
{
    public static CapabilityTlv Byte(byte type, byte value) => new(type, new[] { value });
    public bool Equals(CapabilityTlv other) => Type == other.Type && Value.Span.SequenceEqual(other.Value.Span);
    public override int GetHashCode() => HashCode.Combine(Type, Value.Length);
}

/// <summary>TLV 5 sub-types an eUE reports (EUE-PROV Annex A; protocol-facts.md 1.4).</summary>
public static class EueCapability
{
    /// <summary>5.1: 0 = PacketCable 1.0, 1 = 1.5, 2 = 2.0 (EUE-PROV A.2).</summary>
    public const byte PacketCableVersion = 1;
    public const byte NumberOfTelephonyEndpoints = 2;
    /// <summary>5.3, required by EUE-PROV A.1.</summary>
    public const byte TgtSupport = 3;
    /// <summary>5.4, required by EUE-PROV A.1.</summary>
    public const byte HttpDownloadFileAccessMethodSupport = 4;
    public const byte SupportedProvisioningFlows = 18;
    /// <summary>5.26: 0 no, 1 yes; an eUE MUST include it (EUE-PROV A.2).</summary>
    public const byte CertificateBootstrappingSupport = 26;
}

/// <summary>
/// CL_OPTION_MODEM_CAPABILITIES (35): the TLV 5 capabilities as binary type(1) length(1) value,
/// without an outer type-5 header (Wireshark's dissect_cablelabs_specific_opts parses it so);
/// EUE-PROV 6.6.1 and Annex A say what an eUE reports.
/// </summary>
public sealed class ModemCapabilities(IReadOnlyList<CapabilityTlv> capabilities)
{
    public IReadOnlyList<CapabilityTlv> Capabilities { get; } = capabilities;

    /// <summary>The least an eUE reports: 5.1 = 2 (PacketCable 2.0), 5.3, 5.4 and 5.26 (EUE-PROV Annex A).</summary>
    public static ModemCapabilities Eue(bool tgtSupport = true, bool httpDownload = true, bool certificateBootstrapping = false) => new(
    [
        CapabilityTlv.Byte(EueCapability.PacketCableVersion, 2),
        CapabilityTlv.Byte(EueCapability.TgtSupport, tgtSupport ? (byte)1 : (byte)0),
        CapabilityTlv.Byte(EueCapability.HttpDownloadFileAccessMethodSupport, httpDownload ? (byte)1 : (byte)0),
        CapabilityTlv.Byte(EueCapability.CertificateBootstrappingSupport, certificateBootstrapping ? (byte)1 : (byte)0),
    ]);

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
