using System.Text;
using EUeConformance.Protocols.Tftp;
using EUeConformance.Protocols.Wire;
using Xunit;

namespace EUeConformance.Tests.Protocols.Tftp;

/// <summary>Datagrams written the way the RFCs draw them: opcodes and block numbers as 16-bit words, strings with their NULs.</summary>
static class TftpBytes
{
    public static byte[] Of(params object[] parts)
    {
        var bytes = new List<byte>();
        foreach (var part in parts)
            switch (part)
            {
                case ushort word: bytes.Add((byte)(word >> 8)); bytes.Add((byte)word); break;
                case int word: bytes.Add((byte)(word >> 8)); bytes.Add((byte)word); break;
                case string text: bytes.AddRange(Encoding.Latin1.GetBytes(text)); break;
                case byte[] raw: bytes.AddRange(raw); break;
                default: throw new ArgumentException(part.GetType().Name);
            }
        return [.. bytes];
    }

    public static ParseError Rejects(byte[] datagram, int maxDataLength = TftpOptionDefinitions.BlockSizeMaximum) =>
        Assert.Throws<ParseError>(() => TftpPacket.Decode(datagram, maxDataLength));
}
