using System.Net;
using System.Net.NetworkInformation;
using EUeConformance.Protocols.Snmp;
using EUeConformance.Protocols.Snmp.Usm;

namespace EUeConformance.Headend.Servers.Provisioning;

/// <summary>One notification the SNMP entity accepted: when, from whom, how it was secured, what it says.</summary>
/// <param name="Mib">The MTA MIB whose enrollment or status notification it is; null for any other notification.</param>
/// <param name="IsEnrollment">pktcMtaDevProvisioningEnrollment (eUE-15) rather than the status notification (eUE-25).</param>
public sealed record ProvisioningNotification(DateTimeOffset At, IPEndPoint From, SnmpVersion Version, string? Community, string? UserName,
    UsmSecurityLevel? Level, SnmpPdu Pdu, ObjectIdentifier? TrapOid, MtaMib? Mib, bool IsEnrollment, PhysicalAddress? Mac)
{
    public bool IsInform => Pdu.Type == PduType.InformRequest;
    public bool IsStatus => Mib is not null && !IsEnrollment;

    /// <summary>The value of a varbind by instance OID, or null.</summary>
    public SnmpValue? this[ObjectIdentifier name] => Pdu.VarBinds.FirstOrDefault(v => v.Name == name)?.Value;
}

/// <summary>
/// What the SNMP entity did for one enrollment (eUE-15 → eUE-16/17 → eUE-19) and what the eUE reported after
/// (eUE-25): the enrollment INFORM, the eUE it names, the GET answer, the SET it sent and how the eUE
/// answered it (or why it was not sent), and the provisioning state the status INFORM carried.
/// </summary>
public sealed record ProvisioningEnrollment(ProvisioningNotification Inform)
{
    public PhysicalAddress? Mac => Inform.Mac;

    /// <summary>The eUE's agent the GET and SET go to.</summary>
    public IPEndPoint? Agent { get; init; }

    /// <summary>eUE-16/17: the varbinds of the GET Response.</summary>
    public IReadOnlyList<VarBind>? Capabilities { get; init; }

    /// <summary>eUE-19: the varbinds of the SET as sent (after the overrides).</summary>
    public IReadOnlyList<VarBind>? Set { get; init; }

    /// <summary>The eUE's Response to the SET.</summary>
    public Pdu? SetResponse { get; init; }

    /// <summary>Why a GET or SET failed (timeout, report, error-status) or was not sent.</summary>
    public string? Problem { get; init; }

    /// <summary>eUE-25: pktcMtaDevProvisioningState as the status INFORM reported it (1 pass, 3 failConfigFileError…).</summary>
    public int? ReportedState { get; init; }

    /// <summary>The status INFORM itself, when it came.</summary>
    public ProvisioningNotification? Status { get; init; }

    /// <summary>The SET was answered noError.</summary>
    public bool Configured => SetResponse is { ErrorStatus: SnmpErrorStatus.NoError };
}
