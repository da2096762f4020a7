using EUeConformance.Protocols.Wire;

namespace EUeConformance.Protocols.Tftp;

/// <summary>ERROR, opcode 5 (RFC 1350 §5): an error code and a NUL-terminated message.</summary>
public sealed record TftpError(TftpErrorCode Code, string Message) : TftpPacket
{
    public override TftpOpcode Opcode => TftpOpcode.Error;

    /// <summary>RFC 2347: error 8 ends a transfer whose option negotiation one side refuses.</summary>
    public static TftpError OptionNegotiationRefused(string message) => new(TftpErrorCode.OptionNegotiationRefused, message);

    internal static TftpError DecodeBody(ref WireReader r)
    {
        var code = (TftpErrorCode)r.ReadUInt16("tftp.error.code");
        string message = TftpStrings.Read(ref r, "tftp.error.message");
        NoTrailingBytes(ref r, "ERROR message");
        return new TftpError(code, message);
    }

    private protected override void WriteBody(WireBuffer buffer)
    {
        buffer.WriteUInt16((ushort)Code);
        TftpStrings.Write(buffer, Message, "error message");
    }
}
