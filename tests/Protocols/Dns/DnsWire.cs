using System.Net;
using System.Text;

namespace EUeConformance.Tests.Protocols.Dns;

/// <summary>
/// Builds expected DNS octets by hand, independently of the codec under test: labels, pointers,
/// numbers and character-strings exactly as RFC 1035 §3-4 lays them out.
/// </summary>
internal static class DnsWire
{
    public static byte[] Hex(string hex) => Convert.FromHexString(hex.Replace(" ", "").Replace("\n", ""));

    /// <summary>Labels of a dotted name without the terminating root octet (to put before a pointer).</summary>
    public static byte[] Labels(string dotted)
    {
        var bytes = new List<byte>();
        foreach (var label in dotted.Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            bytes.Add((byte)label.Length);
            bytes.AddRange(Encoding.ASCII.GetBytes(label));
        }
        return [.. bytes];
    }

    /// <summary>An uncompressed name: labels and the root octet.</summary>
    public static byte[] Name(string dotted) => [.. Labels(dotted), 0];

    public static byte[] Ptr(int offset) => [(byte)(0xC0 | offset >> 8), (byte)offset];
    public static byte[] U16(int v) => [(byte)(v >> 8), (byte)v];
    public static byte[] U32(uint v) => [(byte)(v >> 24), (byte)(v >> 16), (byte)(v >> 8), (byte)v];
    public static byte[] Str(string s) => [(byte)Encoding.ASCII.GetByteCount(s), .. Encoding.ASCII.GetBytes(s)];
    public static byte[] Ip(string address) => IPAddress.Parse(address).GetAddressBytes();

    public static byte[] Header(int id, int flags, int qd, int an, int ns, int ar) =>
        Cat(U16(id), U16(flags), U16(qd), U16(an), U16(ns), U16(ar));

    /// <summary>TYPE, CLASS, TTL, RDLENGTH and RDATA of a record (the owner name goes before it).</summary>
    public static byte[] Rr(int type, int @class, uint ttl, byte[] rdata) => Cat(U16(type), U16(@class), U32(ttl), U16(rdata.Length), rdata);

    public static byte[] Cat(params byte[][] parts) => [.. parts.SelectMany(p => p)];
}
