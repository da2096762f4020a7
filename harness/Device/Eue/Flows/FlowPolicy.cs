using EUeConformance.Device.Options;
using EUeConformance.Protocols.Dhcp4;

namespace EUeConformance.Device.Eue.Flows;

/// <summary>Flow-level choices, overridable for mutants.</summary>
public class FlowPolicy
{
    /// <summary>
    /// eUE-25 in the Basic and Hybrid flows: the ".2" realms (BASIC.2, HYBRID.2) add the provisioning-status
    /// INFORM that the ".1" ones leave out; the Secure flow always sends it. (PKT-PROV1.5 §7: protocol-facts 3.3,
    /// UNVERIFIED from a public source: one line to change if it proves otherwise.)
    /// </summary>
    public virtual bool SendsProvisioningStatusInform(ProvisioningFlow flow, string? realm) =>
        flow == ProvisioningFlow.Secure || realm is "BASIC.2" or "HYBRID.2";

    /// <summary>
    /// eUE-22 / 6.3.3: the TFTP blksize requested: 1428 over IPv6 (always sent), 1448 over IPv4 (sent when the ICS says the
    /// eUE supports the option, as the SHOULD asks).
    /// </summary>
    public virtual int? TftpBlockSize(IpAddressingMode mode, DeviceIcs ics) => mode switch
    {
        IpAddressingMode.Ipv6 => 1428,
        _ => ics.TftpBlockSize ? 1448 : null,
    };

    /// <summary>6.1.5: HTTP only with the ICS item http-config.</summary>
    public virtual bool AcceptsHttp(DeviceIcs ics) => ics.HttpConfigFile;

    /// <summary>Table 5 eUE-4 note, eUE-5: only the Secure flow looks up the realm's KDC (DNS SRV); BASIC.x and HYBRID.x do not.</summary>
    public virtual bool LooksUpKdc(ProvisioningFlow flow, IpAddressingMode mode) => flow == ProvisioningFlow.Secure;

    /// <summary>6.2.1.2 bullet 5: files the Basic flow fetches besides the eUE's own: none (never the eCM's DOCSIS file).</summary>
    public virtual IReadOnlyList<string> OtherFilesFetched(string? ecmConfigFile) => [];
}
