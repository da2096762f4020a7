using EUeConformance.Device.Ecm;
using EUeConformance.Device.Options;
using EUeConformance.Headend.Composition;
using EUeConformance.Headend.Database;
using EUeConformance.Protocols.ConfigFile;
using EUeConformance.Protocols.Dhcp4;
using EUeConformance.Runner.Profile;
using EUeConformance.Protocols.Snmp.Mibs;

namespace EUeConformance.Steps.Bed;

/// <summary>
/// What the scenario's Given steps ask of the operator's network before the device starts: the eCM's IP
/// provisioning mode (the CMTS's choice), the realm (and so the flow), what the eCM's DHCP servers hand over
/// for the eUE, the configuration file, and any misbehaviour of the headend. <see cref="Lab"/> builds the
/// provisioning database and the headend from it. Scenario-scoped: one plan per scenario.
/// </summary>
public sealed class LabPlan(DutProfile profile)
{
    /// <summary>The eCM's provisioning mode for this boot (DOCSIS: the CMTS decides); default IPv4 when the eCM has it.</summary>
    public EcmProvisioning EcmProvisioning { get; set; } = profile.Has("ecm-ipv4") ? EcmProvisioning.Ipv4 : EcmProvisioning.Ipv6;

    /// <summary>Option 122.6 / CCCV6.6: BASIC.1, BASIC.2, HYBRID.1, HYBRID.2 or a Secure realm.</summary>
    public string Realm { get; set; } = "BASIC.1";

    /// <summary>The Table 4 preference the eCM's server states (CL_V4OPTION_IP_PREF / CL_OPTION_IP_PREF); null: none.</summary>
    public Protocols.Dhcp4.IpPreference? EueIpPreference { get; set; }

    /// <summary>Whether the eCM's server hands over eUE DHCPv4 servers (122.1/122.2, CL_OPTION_CCC) and DSS_IDs (CCCV6).</summary>
    public bool GiveEueDhcpv4Servers { get; set; } = true;
    public bool GiveEueDssIds { get; set; } = true;

    public ProvisioningFlow Flow => Realm switch
    {
        "BASIC.1" or "BASIC.2" => ProvisioningFlow.Basic,
        "HYBRID.1" or "HYBRID.2" => ProvisioningFlow.Hybrid,
        _ => ProvisioningFlow.Secure,
    };

    /// <summary>Edits of the network plan every lease shares (e.g. shorter IA_NA T1/T2 so that a renewal falls inside the scenario), applied in order.</summary>
    public List<Func<NetworkPlan, NetworkPlan>> NetworkEdits { get; } = [];

    /// <summary>Edits of the standard records, applied in order.</summary>
    public List<Func<EcmRecord, EcmRecord>> EcmEdits { get; } = [];
    public List<Func<EueRecord, EueRecord>> EueEdits { get; } = [];
    /// <summary>Work on the started headend (overrides, extra servers), before the device powers on.</summary>
    public List<Action<Headend.Composition.Headend>> HeadendSetup { get; } = [];
    public HeadendServices Services { get; set; } = HeadendServices.All;
    /// <summary>UDP ports on which the headend plays the management stations a configuration file's TLV 38 names (empty: none).</summary>
    public List<int> NotificationReceiverPorts { get; } = [];

    /// <summary>
    /// The eCM's DOCSIS configuration file (CM5/CM6), served by TFTP as <see cref="LabAddresses.EcmConfigFileName"/>; null: the
    /// Configuration Server does not have it (the eCM cannot register). The content is the CMTS's business and is not judged:
    /// network access enabled (TLV 3) and the end-of-data marker.
    /// </summary>
    public byte[]? EcmConfigFile { get; set; } = [0x03, 0x01, 0x01, 0xFF];

    /// <summary>Changes to the provisioning database after the standard records are in (extra server identities, files).</summary>
    public List<Action<ProvisioningDatabase>> DatabaseEdits { get; } = [];

    /// <summary>The eUE configuration file's body (between the start and end markers).</summary>
    public Action<ConfigFileBuilder> ConfigFileBody { get; set; } = b => b.SetMib(MibNames.IetfMta.PktcMtaDevEnabled.Instance(0), true);
    /// <summary>Replaces the built file outright (malformed files, wrong hashes).</summary>
    public Func<byte[], byte[]>? ConfigFileBytes { get; set; }

    /// <summary>Asks the eUE to provision in <paramref name="mode"/>: the eCM's server states that preference (Table 4).</summary>
    public void PreferEueMode(IpAddressingMode mode) =>
        EueIpPreference = mode == IpAddressingMode.Ipv4 ? Protocols.Dhcp4.IpPreference.Ipv4 : Protocols.Dhcp4.IpPreference.Ipv6;
}
