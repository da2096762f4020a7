using EUeConformance.Network.Evidence;

namespace EUeConformance.Steps.Bed;

/// <summary>
/// The evidence services of the headend (who a message was for) and matchers over them. A DHCP message is
/// the eCM's or the eUE's by its MAC in the provisioning database, so "ecm-dhcpv4" and "eue-dhcpv4" tell the
/// two components of the E-UE apart.
/// </summary>
public static class Traffic
{
    public const string EcmDhcpv4 = "ecm-dhcpv4", EueDhcpv4 = "eue-dhcpv4", EcmDhcpv6 = "ecm-dhcpv6", EueDhcpv6 = "eue-dhcpv6";
    public const string Dns = "dns", Tftp = "tftp", Http = "http", Syslog = "syslog", TimeOfDay = "tod", Router = "ra", ProvisioningSnmp = "prov-snmp";

    /// <summary>What the device sent to <paramref name="service"/>, of <paramref name="kind"/> (e.g. "SOLICIT").</summary>
    public static Func<EvidenceEvent, bool> From(string service, string kind) =>
        e => e.Service == service && e.Direction == Direction.Received && e.Kind == kind && e.Error is null;

    /// <summary>What <paramref name="service"/> sent to the device, of <paramref name="kind"/>.</summary>
    public static Func<EvidenceEvent, bool> To(string service, string kind) =>
        e => e.Service == service && e.Direction == Direction.Sent && e.Kind == kind;

    /// <summary>Bytes from the device that did not decode as <paramref name="protocol"/> ("dhcp", "dhcpv6", "tftp", "dns", "syslog", "snmp").</summary>
    public static Func<EvidenceEvent, bool> Undecodable(string protocol) =>
        e => e.Direction == Direction.Received && e.Error is not null && e.Protocol == protocol;

    /// <summary>TFTP read requests other than the eCM's for its DOCSIS file (CM5/CM6): the eUE's.</summary>
    public static Func<EvidenceEvent, bool> EueFileRequest { get; } = e =>
        From(Tftp, "RRQ")(e) && (e.Message as Protocols.Tftp.TftpReadRequest)?.Filename.TrimStart('/') != LabAddresses.EcmConfigFileName;

    public static T Message<T>(this EvidenceEvent e) where T : class =>
        e.Message as T ?? throw new InvalidOperationException($"evidence #{e.Sequence} carries a {e.Message?.GetType().Name ?? "nothing"}, not a {typeof(T).Name}");
}
