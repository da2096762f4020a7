namespace EUeConformance.Protocols.Dhcp;

/// <summary>
/// TLV 5 (modem/MTA capabilities) sub-types an eUE reports (EUE-PROV 6.6.1 and Annex A; PKT-PROV1.5 for the
/// numbering): sent hex-encoded after "pktc2.0:" in DHCPv4 option 60, and as binary type/length/value in
/// DHCPv6 CL_OPTION_MODEM_CAPABILITIES. Booleans are one octet, 0 or 1.
/// </summary>
public static class EueCapability
{
    /// <summary>5.1: 0 = PacketCable 1.0, 1 = 1.5, 2 = 2.0 (EUE-PROV A.2).</summary>
    public const byte PacketCableVersion = 1;
    public const byte NumberOfTelephonyEndpoints = 2;
    /// <summary>5.3, required by EUE-PROV A.1.</summary>
    public const byte TgtSupport = 3;
    /// <summary>5.4, required by EUE-PROV A.1.</summary>
    public const byte HttpDownloadFileAccessMethodSupport = 4;
    public const byte SupportedCodecs = 11;
    /// <summary>5.18: bit 0 Secure, bit 1 Hybrid, bit 2 Basic.</summary>
    public const byte SupportedProvisioningFlows = 18;
    /// <summary>5.26: 0 no, 1 yes; an eUE MUST include it (EUE-PROV A.2).</summary>
    public const byte CertificateBootstrappingSupport = 26;

    /// <summary>
    /// The least an eUE reports, in this order: 5.1 = 2 (PacketCable 2.0), 5.3, 5.4 and 5.26 (EUE-PROV
    /// Annex A.1/A.2), each one octet. Each DHCP version wraps them in its own encoding.
    /// </summary>
    public static IReadOnlyList<(byte Type, byte Value)> Required(bool tgtSupport, bool httpDownload, bool certificateBootstrapping) =>
    [
        (PacketCableVersion, 2),
        (TgtSupport, tgtSupport ? (byte)1 : (byte)0),
        (HttpDownloadFileAccessMethodSupport, httpDownload ? (byte)1 : (byte)0),
        (CertificateBootstrappingSupport, certificateBootstrapping ? (byte)1 : (byte)0),
    ];
}
