using EUeConformance.Protocols.Wire;

namespace EUeConformance.Protocols.Tftp;

/// <summary>OACK, opcode 6 (RFC 2347): the options the server accepts, with the values it accepts.</summary>
public sealed record TftpOptionAck(IReadOnlyList<TftpOption> Options) : TftpPacket
{
    public override TftpOpcode Opcode => TftpOpcode.OptionAck;

    internal static TftpOptionAck DecodeBody(ref WireReader r) => new(TftpStrings.ReadOptions(ref r));

    private protected override void WriteBody(WireBuffer buffer) => TftpStrings.WriteOptions(buffer, Options);

    public bool Equals(TftpOptionAck? other) => other is not null && TftpStrings.SameOptions(Options, other.Options);

    public override int GetHashCode() => TftpStrings.HashOptions(Options);
}
