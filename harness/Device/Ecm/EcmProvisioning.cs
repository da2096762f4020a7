using EUeConformance.Device.Options;

namespace EUeConformance.Device.Ecm;

/// <summary>
/// How the eCM provisions this boot (in DOCSIS the CMTS's MDD decides; here the test bed does): IPv4
/// (Table 2), IPv6 (Table 3) or both, and for both which server is the primary one, the one whose
/// PacketCable options count (EUE-PROV 6.3.1 ¶2).
/// </summary>
public sealed record EcmProvisioning(IpModeSupport Modes, IpAddressingMode Primary)
{
    public static EcmProvisioning Ipv4 { get; } = new(IpModeSupport.Ipv4, IpAddressingMode.Ipv4);
    public static EcmProvisioning Ipv6 { get; } = new(IpModeSupport.Ipv6, IpAddressingMode.Ipv6);
    public static EcmProvisioning DualStack(IpAddressingMode primary) => new(IpModeSupport.DualStack, primary);
}
