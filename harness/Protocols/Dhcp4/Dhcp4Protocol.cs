namespace EUeConformance.Protocols.Dhcp4;

/// <summary>
/// Constants of the BOOTP/DHCPv4 wire format (RFC 951, RFC 2131 §2): the fixed header is 236
/// bytes, the magic cookie 99.130.83.99 (RFC 2132 §2) follows it, then the options field.
/// </summary>
public static class Dhcp4Protocol
{
    /// <summary>The protocol name ParseErrors carry: Wireshark's filter name for DHCPv4.</summary>
    public const string Name = "dhcp";

    public const int ServerNameOffset = 44, ServerNameLength = 64;
    public const int FileOffset = 108, FileLength = 128;
    public const int CookieOffset = 236;
    public const int OptionsOffset = 240;
    public const uint MagicCookie = 0x63825363;

    /// <summary>RFC 1542 §3.1.1 / ISC practice: a BOOTP message is at least 300 bytes long.</summary>
    public const int BootpMinimumLength = 300;

    /// <summary>RFC 2131 §2: the options field a client must be able to receive is 312 bytes (cookie included).</summary>
    public const int MinimumOptionsFieldLength = 312;
}

/// <summary>The BOOTP op field (RFC 951): 1 BOOTREQUEST, 2 BOOTREPLY.</summary>
public enum BootOp : byte
{
    BootRequest = 1,
    BootReply = 2,
}

/// <summary>Option 53 values (RFC 2132 §9.6, RFC 3203, RFC 4388).</summary>
public enum DhcpMessageType : byte
{
    Discover = 1,
    Offer = 2,
    Request = 3,
    Decline = 4,
    Ack = 5,
    Nak = 6,
    Release = 7,
    Inform = 8,
    ForceRenew = 9,
    LeaseQuery = 10,
    LeaseUnassigned = 11,
    LeaseUnknown = 12,
    LeaseActive = 13,
}

public static class DhcpMessageTypeExtensions
{
    /// <summary>RFC 2131 §4.1 / Table 2-3: which op a message of this type carries.</summary>
    public static BootOp BootOp(this DhcpMessageType type) => type switch
    {
        DhcpMessageType.Offer or DhcpMessageType.Ack or DhcpMessageType.Nak or DhcpMessageType.ForceRenew
            or DhcpMessageType.LeaseUnassigned or DhcpMessageType.LeaseUnknown or DhcpMessageType.LeaseActive => Dhcp4.BootOp.BootReply,
        _ => Dhcp4.BootOp.BootRequest,
    };
}
