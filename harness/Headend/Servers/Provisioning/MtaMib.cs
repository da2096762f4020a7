using System.Net.NetworkInformation;
using EUeConformance.Protocols.Snmp;
using EUeConformance.Protocols.Snmp.Mibs;

namespace EUeConformance.Headend.Servers.Provisioning;

/// <summary>
/// The MTA MIB an eUE speaks: the CableLabs PKTC-MTA-MIB or the IETF PKTC-IETF-MTA-MIB (RFC 4682). Which
/// one PKT-EUE-DATA mandates is not settled (reference/protocol-facts.md §5.1), so the server answers in
/// the variant of the eUE's own enrollment INFORM: the objects eUE-19 SETs, the MAC and correlation ID
/// the notifications carry, and the provisioning state of the status INFORM (eUE-25).
/// </summary>
public sealed class MtaMib
{
    MtaMib(string name, MibNotification enrollment, MibNotification status, MibObject configFile, MibObject hash, MibObject key,
        ObjectIdentifier macInstance, MibObject correlationId, MibObject provisioningState)
    {
        Name = name; Enrollment = enrollment; Status = status; ConfigFile = configFile; ConfigHash = hash; ConfigKey = key;
        MacInstance = macInstance; CorrelationId = correlationId; ProvisioningState = provisioningState;
    }

    public static MtaMib CableLabs { get; } = new("PKTC-MTA-MIB", MibNames.ClabMta.PktcMtaDevProvisioningEnrollment, MibNames.ClabMta.PktcMtaDevProvisioningStatus,
        MibNames.ClabMta.PktcMtaDevConfigFile, MibNames.ClabMta.PktcMtaDevProvConfigHash, MibNames.ClabMta.PktcMtaDevProvConfigKey,
        MibNames.ClabMta.PktcMtaDevMacAddress.InstanceId(0), MibNames.ClabMta.PktcMtaDevCorrelationId, MibNames.ClabMta.PktcMtaDevProvisioningState);

    /// <summary>RFC 4682 has no MAC object of its own: the notifications carry ifPhysAddress.1.</summary>
    public static MtaMib Ietf { get; } = new("PKTC-IETF-MTA-MIB", MibNames.IetfMta.PktcMtaDevProvisioningEnrollment, MibNames.IetfMta.PktcMtaDevProvisioningStatus,
        MibNames.IetfMta.PktcMtaDevConfigFile, MibNames.IetfMta.PktcMtaDevProvConfigHash, MibNames.IetfMta.PktcMtaDevProvConfigKey,
        MibNames.IfMib.IfPhysAddress.InstanceId(1), MibNames.IetfMta.PktcMtaDevCorrelationId, MibNames.IetfMta.PktcMtaDevProvisioningState);

    public static IReadOnlyList<MtaMib> Both { get; } = [CableLabs, Ietf];

    public string Name { get; }
    public MibNotification Enrollment { get; }
    public MibNotification Status { get; }
    public MibObject ConfigFile { get; }
    public MibObject ConfigHash { get; }
    public MibObject ConfigKey { get; }
    public ObjectIdentifier MacInstance { get; }
    public MibObject CorrelationId { get; }
    public MibObject ProvisioningState { get; }

    /// <summary>The variant whose enrollment or status notification <paramref name="trapOid"/> is, and which of the two it is.</summary>
    public static (MtaMib Mib, bool Enrollment)? Classify(ObjectIdentifier? trapOid)
    {
        foreach (var mib in Both)
        {
            if (trapOid == mib.Enrollment.Id) return (mib, true);
            if (trapOid == mib.Status.Id) return (mib, false);
        }
        return null;
    }

    /// <summary>The MAC the notification names (six octets in its MAC object), or null.</summary>
    public PhysicalAddress? MacIn(IReadOnlyList<VarBind> varBinds) =>
        varBinds.FirstOrDefault(v => v.Name == MacInstance)?.Value is { Type: SnmpType.OctetString } value && value.Bytes.Length == 6
            ? new PhysicalAddress(value.Bytes.ToArray()) : null;

    /// <summary>The provisioning state the status INFORM reports (pktcMtaDevProvisioningState.0), or null.</summary>
    public int? StateIn(IReadOnlyList<VarBind> varBinds) =>
        varBinds.FirstOrDefault(v => v.Name == ProvisioningState.InstanceId(0))?.Value is { Type: SnmpType.Integer } value ? value.ToInt32() : null;

    public override string ToString() => Name;
}
