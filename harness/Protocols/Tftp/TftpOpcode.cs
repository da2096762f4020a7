namespace EUeConformance.Protocols.Tftp;

/// <summary>The TFTP opcodes (RFC 1350 §5; OACK from RFC 2347). Wireshark: tftp.opcode.</summary>
public enum TftpOpcode : ushort
{
    ReadRequest = 1,
    WriteRequest = 2,
    Data = 3,
    Ack = 4,
    Error = 5,
    /// <summary>Option Acknowledgment, RFC 2347.</summary>
    OptionAck = 6,
}

/// <summary>
/// TFTP error codes: 0–7 from RFC 1350 (appendix "Error Codes"), 8 from RFC 2347 ("the transfer should be
/// terminated due to option negotiation"). A code outside this list is still carried as its number.
/// Wireshark: tftp.error.code.
/// </summary>
public enum TftpErrorCode : ushort
{
    NotDefined = 0,
    FileNotFound = 1,
    AccessViolation = 2,
    DiskFull = 3,
    IllegalOperation = 4,
    UnknownTransferId = 5,
    FileAlreadyExists = 6,
    NoSuchUser = 7,
    OptionNegotiationRefused = 8,
}
