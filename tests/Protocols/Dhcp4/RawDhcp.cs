using System.Buffers.Binary;

namespace EUeConformance.Tests.Protocols.Dhcp4;

/// <summary>
/// Builds DHCPv4 datagrams byte by byte, independently of the codec under test, the way a
/// capture would show them: a header, the cookie, options written as hex, optional overloaded
/// file/sname fields, and trailing padding.
/// </summary>
static class RawDhcp
{
    public static readonly byte[] CmMac = Convert.FromHexString("001095000001");
    public static readonly byte[] EueMac = Convert.FromHexString("001095000002");

    /// <param name="options">Options field after the cookie, as hex (spaces allowed), end option included.</param>
    public static byte[] Build(byte op, uint xid, byte[] mac, string options, ushort flags = 0, string yiaddr = "00000000",
        string siaddr = "00000000", string giaddr = "00000000", byte[]? sname = null, byte[]? file = null, int padTo = 300, byte hops = 0, ushort secs = 0)
    {
        var optionBytes = Hex(options);
        int length = Math.Max(240 + optionBytes.Length, padTo);
        var d = new byte[length];
        d[0] = op; d[1] = 1; d[2] = (byte)mac.Length; d[3] = hops;
        BinaryPrimitives.WriteUInt32BigEndian(d.AsSpan(4), xid);
        BinaryPrimitives.WriteUInt16BigEndian(d.AsSpan(8), secs);
        BinaryPrimitives.WriteUInt16BigEndian(d.AsSpan(10), flags);
        Hex(yiaddr).CopyTo(d, 16);
        Hex(siaddr).CopyTo(d, 20);
        Hex(giaddr).CopyTo(d, 24);
        mac.CopyTo(d, 28);
        sname?.CopyTo(d, 44);
        file?.CopyTo(d, 108);
        d[236] = 99; d[237] = 130; d[238] = 83; d[239] = 99;
        optionBytes.CopyTo(d, 240);
        return d;
    }

    public static byte[] Hex(string hex) => Convert.FromHexString(hex.Replace(" ", "").Replace("\n", ""));

    /// <summary>A field of <paramref name="size"/> bytes starting with <paramref name="hex"/>, zero-filled.</summary>
    public static byte[] Field(string hex, int size)
    {
        var f = new byte[size];
        Hex(hex).CopyTo(f, 0);
        return f;
    }

    public static string Ascii(string text) => Convert.ToHexString(System.Text.Encoding.ASCII.GetBytes(text));
}
