using EUeConformance.Protocols.Dhcp;
using EUeConformance.Protocols.Dhcp4;
using EUeConformance.Protocols.Dhcp6;

namespace EUeConformance.Device.Options;

/// <summary>
/// The capabilities the eUE reports (EUE-PROV 6.6.1, Annex A): 5.1 = 2 (PacketCable 2.0, A.2), 5.3 TGT,
/// 5.4 HTTP download (A.1), 5.26 Certificate Bootstrapping (A.2), then the optional extras (5.2 endpoints,
/// 5.18 flows). Hex-encoded after "pktc2.0:" in DHCPv4 option 60, binary in DHCPv6 CL option 35.
/// </summary>
public sealed record EueCapabilities
{
    public bool TgtSupport { get; init; } = true;
    public bool HttpDownload { get; init; } = true;
    public bool CertificateBootstrapping { get; init; }
    public byte TelephonyEndpoints { get; init; } = 2;
    /// <summary>5.18 bitmask: bit 0 Secure, bit 1 Hybrid, bit 2 Basic (EUE-PROV 6.2.1.2: all three).</summary>
    public ushort SupportedProvisioningFlows { get; init; } = 0b111;

    /// <summary>The sub-types in report order: the Annex A ones first.</summary>
    public IReadOnlyList<(byte Type, byte[] Value)> Tlvs()
    {
        var list = EueCapability.Required(TgtSupport, HttpDownload, CertificateBootstrapping)
            .Select(c => (c.Type, new[] { c.Value })).ToList();
        list.Add((EueCapability.NumberOfTelephonyEndpoints, [TelephonyEndpoints]));
        list.Add((EueCapability.SupportedProvisioningFlows, [(byte)(SupportedProvisioningFlows >> 8), (byte)SupportedProvisioningFlows]));
        return list;
    }

    // EUE-PROV 6.6.1 bullet 1: in IPv4 mode the capabilities travel in option 60 after "pktc2.0:".
    public DeviceCapabilities ForOption60() =>
        new(DeviceCapabilities.EuePrefix, new SubOptionList(Tlvs().Select(t => new SubOption(t.Type, t.Value))));

    // EUE-PROV 6.6.1 bullet 2: in IPv6 mode they travel in CL_OPTION_MODEM_CAPABILITIES (35).
    public ModemCapabilities ForClOption35() =>
        new([.. Tlvs().Select(t => new CapabilityTlv(t.Type, t.Value))]);
}
