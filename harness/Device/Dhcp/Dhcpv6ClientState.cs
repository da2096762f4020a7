namespace EUeConformance.Device.Dhcp;

/// <summary>RFC 3315 client states as this client runs them (§17, §18).</summary>
public enum Dhcpv6ClientState
{
    Idle,
    /// <summary>SOLICIT sent, gathering ADVERTISEs.</summary>
    Soliciting,
    BackingOff,
    /// <summary>REQUEST sent to the chosen server.</summary>
    Requesting,
    /// <summary>REPLY received, checking it (and running DAD on the address).</summary>
    Confirming,
    Bound,
    /// <summary>DAD found the leased address in use: DECLINE sent.</summary>
    Declining,
    Renewing,
    Rebinding,
    Stopped,
}
