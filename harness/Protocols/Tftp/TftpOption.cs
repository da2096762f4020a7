namespace EUeConformance.Protocols.Tftp;

/// <summary>
/// One option of a request or OACK (RFC 2347): a name and a value, both NUL-terminated ASCII on the wire.
/// Names compare case-insensitively (RFC 2347: "case-insensitive ASCII"); the spelling as sent is kept
/// so that re-encoding reproduces the bytes. Options nobody here knows are kept like any other.
/// </summary>
public sealed record TftpOption(string Name, string Value)
{
    public bool Is(string name) => Name.Equals(name, StringComparison.OrdinalIgnoreCase);

    public override string ToString() => $"{Name}={Value}";
}

/// <summary>The format of an option's value, in the manner of Kea's option definitions.</summary>
public enum TftpOptionFormat { Decimal }

/// <summary>One known TFTP option: its name on the wire, the RFC that defines it, and its valid range.</summary>
public sealed record TftpOptionDefinition(string Name, string Reference, TftpOptionFormat Format, long Minimum, long Maximum)
{
    /// <summary>The value as a number when it is decimal ASCII within range; otherwise null.</summary>
    public long? ParseValue(string value)
    {
        long? v = TftpOptionDefinitions.ParseDecimal(value);
        return v is { } n && n >= Minimum && n <= Maximum ? n : null;
    }
}

/// <summary>The option table: the options this suite negotiates. Others (e.g. windowsize, RFC 7440) are kept, not interpreted.</summary>
public static class TftpOptionDefinitions
{
    /// <summary>RFC 2348: "Valid values range between "8" and "65464" octets, inclusive."</summary>
    public const int BlockSizeMinimum = 8, BlockSizeMaximum = 65464;
    /// <summary>RFC 1350 §6: data blocks are 512 octets unless a blksize is negotiated.</summary>
    public const int DefaultBlockSize = 512;
    /// <summary>RFC 2349: "Valid values range between "1" and "255" seconds, inclusive."</summary>
    public const int TimeoutMinimum = 1, TimeoutMaximum = 255;

    public static readonly TftpOptionDefinition BlockSize = new("blksize", "RFC 2348", TftpOptionFormat.Decimal, BlockSizeMinimum, BlockSizeMaximum);
    public static readonly TftpOptionDefinition Timeout = new("timeout", "RFC 2349", TftpOptionFormat.Decimal, TimeoutMinimum, TimeoutMaximum);
    // RFC 2349 sets no upper bound on tsize; a signed 64-bit count is the limit here.
    public static readonly TftpOptionDefinition TransferSize = new("tsize", "RFC 2349", TftpOptionFormat.Decimal, 0, long.MaxValue);

    public static readonly IReadOnlyList<TftpOptionDefinition> All = [BlockSize, Timeout, TransferSize];

    public static TftpOptionDefinition? Find(string name) =>
        All.FirstOrDefault(d => d.Name.Equals(name, StringComparison.OrdinalIgnoreCase));

    /// <summary>Digits only (no sign, no blanks), as the RFCs' "specified in ASCII" numbers; null on anything else or overflow.</summary>
    public static long? ParseDecimal(string text)
    {
        if (text.Length is 0 or > 19) return null;
        long v = 0;
        foreach (char c in text)
        {
            if (c is < '0' or > '9') return null;
            if (v > (long.MaxValue - (c - '0')) / 10) return null;
            v = v * 10 + (c - '0');
        }
        return v;
    }
}

public static class TftpOptionListExtensions
{
    /// <summary>The first option of that name (case-insensitive), or null.</summary>
    public static TftpOption? Find(this IReadOnlyList<TftpOption> options, string name)
    {
        foreach (var o in options) if (o.Is(name)) return o;
        return null;
    }
}
