using EUeConformance.Protocols.Wire;

namespace EUeConformance.Protocols.Tftp;

/// <summary>ACK, opcode 4 (RFC 1350 §5); block 0 acknowledges a WRQ, or an OACK (RFC 2347).</summary>
public sealed record TftpAck(ushort Block) : TftpPacket
{
    public override TftpOpcode Opcode => TftpOpcode.Ack;

    internal static TftpAck DecodeBody(ref WireReader r)
    {
        var ack = new TftpAck(r.ReadUInt16("tftp.block"));
        NoTrailingBytes(ref r, "ACK");
        return ack;
    }

    private protected override void WriteBody(WireBuffer buffer) => buffer.WriteUInt16(Block);
}
