using System.Net;
using System.Text;

namespace EUeConformance.Tests.Device.Interop;

/// <summary>
/// Byte layouts written out by hand from the specification (not with the harness's codecs, which the device
/// uses: the server's bytes must come from elsewhere), as hex for Kea's raw option data ("csv-format": false).
/// Needed where Kea cannot build the option from definitions: a container inside a vendor space.
/// </summary>
public static class CableLabsHex
{
    /// <summary>A DHCPv4 sub-option: 1-octet code, 1-octet length (RFC 3495, RFC 3925 style).</summary>
    public static byte[] Sub8(byte code, byte[] value) => [code, (byte)value.Length, .. value];

    /// <summary>A DHCPv6 CableLabs sub-option: 2-octet code, 2-octet length (CL_OPTION_CCC / CCCV6).</summary>
    public static byte[] Sub16(ushort code, byte[] value) => [(byte)(code >> 8), (byte)code, (byte)(value.Length >> 8), (byte)value.Length, .. value];

    /// <summary>RFC 1035 §3.1 labels, each length-prefixed, ending with the root's zero octet; case kept.</summary>
    public static byte[] DnsName(string name) =>
        [.. name.TrimEnd('.').Split('.').SelectMany(l => (byte[])[(byte)l.Length, .. Encoding.ASCII.GetBytes(l)]), 0];

    public static byte[] Ascii(string text) => Encoding.ASCII.GetBytes(text);

    public static byte[] Address(IPAddress address) => address.GetAddressBytes();

    public static string Hex(IEnumerable<byte[]> parts) => Convert.ToHexString([.. parts.SelectMany(p => p)]);
}
