namespace EUeConformance.Protocols.Tftp;

/// <summary>The transfer modes of RFC 1350 §5 (the mode field is case-insensitive).</summary>
public enum TftpMode { NetAscii, Octet, Mail }

public static class TftpModes
{
    public const string NetAscii = "netascii", Octet = "octet", Mail = "mail";

    /// <summary>The mode a mode field names, compared case-insensitively (RFC 1350 §5: "in any combination of upper and lower case").</summary>
    public static TftpMode? Parse(string text) =>
        text.Equals(NetAscii, StringComparison.OrdinalIgnoreCase) ? TftpMode.NetAscii
        : text.Equals(Octet, StringComparison.OrdinalIgnoreCase) ? TftpMode.Octet
        : text.Equals(Mail, StringComparison.OrdinalIgnoreCase) ? TftpMode.Mail
        : null;

    public static string ToText(this TftpMode mode) => mode switch
    {
        TftpMode.NetAscii => NetAscii,
        TftpMode.Octet => Octet,
        TftpMode.Mail => Mail,
        _ => throw new ArgumentOutOfRangeException(nameof(mode)),
    };
}
