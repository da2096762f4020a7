namespace EUeConformance.Device.Dhcp;

/// <summary>RFC 2131 §4.4 client states as this client runs them.</summary>
public enum Dhcpv4ClientState
{
    Idle,
    /// <summary>DISCOVER sent, gathering OFFERs.</summary>
    Selecting,
    /// <summary>Waiting before the next DISCOVER round (retransmission or a required retry).</summary>
    BackingOff,
    /// <summary>REQUEST sent for the chosen OFFER.</summary>
    Requesting,
    Bound,
    /// <summary>T1 passed: unicast REQUEST to the leasing server.</summary>
    Renewing,
    /// <summary>T2 passed: broadcast REQUEST to any server.</summary>
    Rebinding,
    Stopped,
}
