using System.Net;
using System.Net.NetworkInformation;

namespace EUeConformance.Device.Eue.Ipv6;

/// <summary>
/// EUE-PROV 6.3.4.1 bullets 1-2: the eUE's link-local address is fe80::/64 with the modified EUI-64 interface
/// identifier of its own MAC (RFC 2462 §5.3, RFC 3513 Appendix A: FF-FE in the middle, universal/local bit inverted).
/// </summary>
public static class Eui64LinkLocal
{
    public static IPAddress For(PhysicalAddress mac)
    {
        var m = mac.GetAddressBytes();
        if (m.Length != 6) throw new ArgumentException("an EUI-48 MAC has 6 octets", nameof(mac));
        var a = new byte[16];
        a[0] = 0xFE; a[1] = 0x80;
        a[8] = (byte)(m[0] ^ 0x02); a[9] = m[1]; a[10] = m[2]; a[11] = 0xFF; a[12] = 0xFE; a[13] = m[3]; a[14] = m[4]; a[15] = m[5];
        return new IPAddress(a);
    }
}
