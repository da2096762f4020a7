namespace EUeConformance.Device.Eue;

/// <summary>The eUE's flow steps (EUE-PROV 6.3.2-6.3.4, Table 5; PKT-PROV1.5 flows as adapted).</summary>
public enum EueState
{
    /// <summary>Not initialised: the eCM has not registered, or Table 4 found no usable option.</summary>
    Dormant,
    /// <summary>Told not to provision (0.0.0.0 / DSS_ID 00000000 / every ADVERTISE "0.0.0.0"); silent until reinitialised.</summary>
    Disabled,
    /// <summary>6.3.4.1: forming the EUI-64 link-local address, with DAD.</summary>
    LinkLocalAssignment,
    /// <summary>6.3.4.1: DAD found the link-local address in use: IPv6 stopped, waiting for manual intervention.</summary>
    StoppedDadConflict,
    /// <summary>6.3.4.2: RS/RA.</summary>
    RouterDiscovery,
    /// <summary>6.3.3 / PKT-PROV1.5 MTA-1..MTA-4.</summary>
    Dhcpv4,
    /// <summary>Table 5 eUE-1..eUE-4.</summary>
    Dhcpv6,
    /// <summary>6.3.2.3: Secure flow indicated but no ToD yet: stop after DHCP, retry eUE-1 1-3 times per 300 s.</summary>
    WaitingForTimeOfDay,
    /// <summary>Table 5 eUE-5..eUE-14 (DNS SRV, AS, TGS, AP): the Kerberos place, filled by a later issue.</summary>
    SecureFlowKerberos,
    /// <summary>eUE-15: enrollment INFORM (Hybrid, Secure).</summary>
    Enrolling,
    /// <summary>eUE-19: waiting for the SET of the configuration file URL and hash (Hybrid, Secure).</summary>
    AwaitingConfigFileLocation,
    /// <summary>eUE-20/21: resolving the configuration server's FQDN.</summary>
    ResolvingConfigServer,
    /// <summary>eUE-22/23: TFTP or HTTP download.</summary>
    DownloadingConfigFile,
    /// <summary>eUE-23: hash check and processing of the file.</summary>
    ProcessingConfigFile,
    /// <summary>eUE-24: the provisioning-complete syslog event.</summary>
    ReportingSyslog,
    /// <summary>eUE-25: the provisioning-status INFORM.</summary>
    ReportingStatus,
    /// <summary>Provisioning complete (pass or passWithWarnings).</summary>
    Provisioned,
    /// <summary>Provisioning complete with a failure status, or stopped (manual interaction required).</summary>
    ProvisioningFailed,
}
