using EUeConformance.Protocols.Wire;

namespace EUeConformance.Protocols.Tftp;

/// <summary>DATA, opcode 3 (RFC 1350 §5): a block number and 0 to blksize bytes; a short block ends the transfer.</summary>
public sealed record TftpData(ushort Block, ReadOnlyMemory<byte> Payload) : TftpPacket
{
    public override TftpOpcode Opcode => TftpOpcode.Data;

    /// <summary>RFC 1350 §6 / RFC 2348: a block shorter than the block size is the last one.</summary>
    public bool IsLast(int blockSize) => Payload.Length < blockSize;

    internal static TftpData DecodeBody(ref WireReader r, int maxDataLength)
    {
        ushort block = r.ReadUInt16("tftp.block");
        if (r.Remaining > maxDataLength)
            throw r.Error("tftp.data", $"{r.Remaining} data bytes exceed the block size of {maxDataLength}", r.Offset + maxDataLength);
        return new TftpData(block, r.ReadRest().ToArray());
    }

    private protected override void WriteBody(WireBuffer buffer)
    {
        if (Payload.Length > TftpOptionDefinitions.BlockSizeMaximum)
            throw new ArgumentException($"{Payload.Length} bytes exceed the largest block RFC 2348 allows ({TftpOptionDefinitions.BlockSizeMaximum})");
        buffer.WriteUInt16(Block);
        buffer.WriteBytes(Payload.Span);
    }

    public bool Equals(TftpData? other) => other is not null && Block == other.Block && Payload.Span.SequenceEqual(other.Payload.Span);

    public override int GetHashCode()
    {
        var h = new HashCode();
        h.Add(Block);
        h.AddBytes(Payload.Span);
        return h.ToHashCode();
    }
}
