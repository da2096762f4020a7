namespace EUeConformance.Device.Eue.Ipv6;

public enum RouterDiscoveryState
{
    Idle,
    /// <summary>RS sent; waiting for a valid RA (M=1).</summary>
    Soliciting,
    /// <summary>A valid RA arrived.</summary>
    Done,
    /// <summary>No valid RA within the retries: IPv6 provisioning failed (6.3.4.2 ¶5).</summary>
    Failed,
}
