namespace EUeConformance.Protocols.Dhcp6;

/// <summary>DHCPv6 message types (RFC 3315 §5.3); the E-UE flows use all of these (EUE-PROV Table 3, Table 5, 6.3.5).</summary>
public enum Dhcp6MessageType : byte
{
    Solicit = 1,
    Advertise = 2,
    Request = 3,
    Confirm = 4,
    Renew = 5,
    Rebind = 6,
    Reply = 7,
    Release = 8,
    Decline = 9,
    Reconfigure = 10,
    InformationRequest = 11,
    RelayForw = 12,
    RelayRepl = 13,
}
