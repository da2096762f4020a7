namespace EUeConformance.Device.Ecm;

/// <summary>The eCM's flow steps (EUE-PROV 6.3.1 Tables 2 and 3; CM5-CM10 reduced to registration).</summary>
public enum EcmState
{
    PoweredOff,
    /// <summary>CM1-CM4 / CM1v6-CM4v6: the DHCP exchange(s).</summary>
    AcquiringAddress,
    /// <summary>CM5-CM10: ToD retrieval, config file and registration, reduced to a pause plus ToD.</summary>
    Registering,
    /// <summary>CM10 complete: the eCM provides IP transport; Table 4 has decided about the eUE.</summary>
    Registered,
}
