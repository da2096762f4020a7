using EUeConformance.Protocols.Wire;

namespace EUeConformance.Protocols.Tftp;

/// <summary>
/// A read or write request (RFC 1350 §5): filename, mode, then RFC 2347 options in the order sent.
/// <see cref="ModeText"/> keeps the mode as spelled (the field is case-insensitive).
/// </summary>
public abstract record TftpRequest(string Filename, string ModeText, IReadOnlyList<TftpOption> Options) : TftpPacket
{
    public TftpMode Mode => TftpModes.Parse(ModeText) ?? throw new InvalidOperationException($"'{ModeText}' is not a TFTP mode");

    internal static TftpRequest DecodeBody(ref WireReader r, bool isWrite)
    {
        // Wireshark names the RRQ's file tftp.source_file and the WRQ's tftp.destination_file.
        string fileField = isWrite ? "tftp.destination_file" : "tftp.source_file";
        if (r.Offset + r.Remaining > MaxRequestLength)
            throw r.Error(Protocol, $"a request of {r.Offset + r.Remaining} octets exceeds the 512 octets RFC 2347 allows", MaxRequestLength);
        int at = r.Offset;
        string filename = TftpStrings.Read(ref r, fileField);
        if (filename.Length == 0) throw r.Error(fileField, "empty filename", at);
        at = r.Offset;
        string mode = TftpStrings.Read(ref r, "tftp.type");
        if (TftpModes.Parse(mode) is null) throw r.Error("tftp.type", $"unknown mode '{mode}' (RFC 1350: netascii, octet or mail)", at);
        var options = TftpStrings.ReadOptions(ref r);
        return isWrite ? new TftpWriteRequest(filename, mode, options) : new TftpReadRequest(filename, mode, options);
    }

    private protected override void WriteBody(WireBuffer buffer)
    {
        if (Filename.Length == 0) throw new ArgumentException("a request needs a filename");
        if (TftpModes.Parse(ModeText) is null) throw new ArgumentException($"'{ModeText}' is not a TFTP mode");
        int start = buffer.Length - 2;
        TftpStrings.Write(buffer, Filename, "filename");
        TftpStrings.Write(buffer, ModeText, "mode");
        TftpStrings.WriteOptions(buffer, Options);
        if (buffer.Length - start > MaxRequestLength)
            throw new InvalidOperationException($"the request would take {buffer.Length - start} octets; RFC 2347 allows 512");
    }

    public virtual bool Equals(TftpRequest? other) =>
        other is not null && EqualityContract == other.EqualityContract
        && Filename == other.Filename && ModeText == other.ModeText && TftpStrings.SameOptions(Options, other.Options);

    public override int GetHashCode() => HashCode.Combine(EqualityContract, Filename, ModeText, TftpStrings.HashOptions(Options));
}

/// <summary>RRQ, opcode 1.</summary>
public sealed record TftpReadRequest(string Filename, string ModeText, IReadOnlyList<TftpOption> Options)
    : TftpRequest(Filename, ModeText, Options)
{
    public TftpReadRequest(string filename, TftpMode mode = TftpMode.Octet) : this(filename, mode.ToText(), []) { }
    public override TftpOpcode Opcode => TftpOpcode.ReadRequest;
}

/// <summary>WRQ, opcode 2.</summary>
public sealed record TftpWriteRequest(string Filename, string ModeText, IReadOnlyList<TftpOption> Options)
    : TftpRequest(Filename, ModeText, Options)
{
    public TftpWriteRequest(string filename, TftpMode mode = TftpMode.Octet) : this(filename, mode.ToText(), []) { }
    public override TftpOpcode Opcode => TftpOpcode.WriteRequest;
}
