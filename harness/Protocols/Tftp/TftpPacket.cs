using System.Buffers;
using EUeConformance.Protocols.Wire;

namespace EUeConformance.Protocols.Tftp;

/// <summary>
/// A TFTP packet (RFC 1350 with the option extension of RFC 2347): RRQ, WRQ, DATA, ACK, ERROR, OACK.
/// <see cref="Decode"/> turns a UDP payload into one of the derived records and throws only
/// <see cref="ParseError"/>, with Wireshark's field names (tftp.opcode, tftp.source_file, tftp.type,
/// tftp.option.name, tftp.option.value, tftp.block, tftp.data, tftp.error.code, tftp.error.message).
/// </summary>
public abstract record TftpPacket
{
    public const string Protocol = "tftp";
    /// <summary>RFC 1350 §4: the request goes to port 69; the transfer continues between two ephemeral ports.</summary>
    public const int Port = 69;
    /// <summary>RFC 2347: "The maximum size of a request packet is 512 octets."</summary>
    public const int MaxRequestLength = 512;

    public abstract TftpOpcode Opcode { get; }

    /// <summary>
    /// Decodes one datagram. <paramref name="maxDataLength"/> bounds a DATA packet's payload: the block
    /// size in force (512 by default, the negotiated blksize after an OACK); without a session, the largest
    /// blksize RFC 2348 allows.
    /// </summary>
    public static TftpPacket Decode(ReadOnlySpan<byte> datagram, int maxDataLength = TftpOptionDefinitions.BlockSizeMaximum)
    {
        if (maxDataLength is < 0 or > TftpOptionDefinitions.BlockSizeMaximum) throw new ArgumentOutOfRangeException(nameof(maxDataLength));
        var r = new WireReader(datagram, Protocol);
        ushort opcode = r.ReadUInt16("tftp.opcode");
        return (TftpOpcode)opcode switch
        {
            TftpOpcode.ReadRequest => TftpRequest.DecodeBody(ref r, isWrite: false),
            TftpOpcode.WriteRequest => TftpRequest.DecodeBody(ref r, isWrite: true),
            TftpOpcode.Data => TftpData.DecodeBody(ref r, maxDataLength),
            TftpOpcode.Ack => TftpAck.DecodeBody(ref r),
            TftpOpcode.Error => TftpError.DecodeBody(ref r),
            TftpOpcode.OptionAck => TftpOptionAck.DecodeBody(ref r),
            _ => throw r.Error("tftp.opcode", $"unknown opcode {opcode} (RFC 1350/2347 define 1 to 6)", 0),
        };
    }

    public byte[] Encode()
    {
        var buffer = new WireBuffer();
        buffer.WriteUInt16((ushort)Opcode);
        WriteBody(buffer);
        return buffer.ToArray();
    }

    public void Encode(IBufferWriter<byte> output) => output.Write(Encode());

    private protected abstract void WriteBody(WireBuffer buffer);

    private protected static void NoTrailingBytes(ref WireReader r, string what)
    {
        if (r.HasData) throw r.Error(Protocol, $"{r.Remaining} byte(s) after the end of the {what}");
    }
}
