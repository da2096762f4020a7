namespace EUeConformance.Device.Options;

/// <summary>
/// Which IP addressing modes a component can provision in (EUE-PROV 6.3: eCM and eUE each support
/// IPv4, IPv6 or both). A dual-stack eUE is still provisioned in only one mode at a time (6.3 ¶1).
/// </summary>
[Flags]
public enum IpModeSupport
{
    None = 0,
    Ipv4 = 1,
    Ipv6 = 2,
    DualStack = Ipv4 | Ipv6,
}

/// <summary>The one mode the eUE is initialised in (EUE-PROV 6.3.2.1, Table 4).</summary>
public enum IpAddressingMode
{
    Ipv4,
    Ipv6,
}

public static class IpModeSupportExtensions
{
    public static bool SupportsIpv4(this IpModeSupport s) => (s & IpModeSupport.Ipv4) != 0;
    public static bool SupportsIpv6(this IpModeSupport s) => (s & IpModeSupport.Ipv6) != 0;
    public static bool IsDualStack(this IpModeSupport s) => s == IpModeSupport.DualStack;
}
