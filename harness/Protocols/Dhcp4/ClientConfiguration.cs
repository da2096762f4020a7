using System.Buffers.Binary;
using System.Net;
using EUeConformance.Protocols.Dhcp;
using EUeConformance.Protocols.Dns;

namespace EUeConformance.Protocols.Dhcp4;

/// <summary>
/// Option 122, CableLabs Client Configuration (RFC 3495; EUE-PROV 6.4.1.1 and Table 2's
/// CL_OPTION_CCC): the TSP's DHCP servers the eUE may accept, the provisioning server, Kerberos
/// timers and realm. The sub-options are kept in order, unknown ones as bytes; the properties
/// are typed views. Values were checked by <see cref="OptionValidator"/> on decode.
/// </summary>
public sealed class ClientConfiguration : IEquatable<ClientConfiguration>
{
    public const byte PrimaryDhcpServerCode = 1, SecondaryDhcpServerCode = 2, ProvisioningServerCode = 3,
        AsReqBackoffCode = 4, ApReqBackoffCode = 5, KerberosRealmCode = 6, TicketGrantingServerUtilizationCode = 7,
        ProvisioningTimerCode = 8, SecurityTicketControlCode = 9;

    /// <summary>The realms that select the Basic and Hybrid flows; any other realm selects Secure.</summary>
    public static readonly IReadOnlyList<string> BasicRealms = ["BASIC.1", "BASIC.2"];
    public static readonly IReadOnlyList<string> HybridRealms = ["HYBRID.1", "HYBRID.2"];

    public ClientConfiguration(SubOptionList subOptions) => SubOptions = subOptions;

    public SubOptionList SubOptions { get; }

    /// <summary>Sub-option 1: TSP's primary DHCP server (EUE-PROV 6.3.2.2 reserves 0.0.0.0 and 255.255.255.255).</summary>
    public IPAddress? PrimaryDhcpServer => Address(PrimaryDhcpServerCode);
    public IPAddress? SecondaryDhcpServer => Address(SecondaryDhcpServerCode);

    /// <summary>EUE-PROV 6.3.2.2 / PKT-PROV1.5: 0.0.0.0 in sub-option 1 means the eUE must not provision.</summary>
    public bool IsDoNotProvision => IPAddress.Any.Equals(PrimaryDhcpServer);

    /// <summary>255.255.255.255 in sub-option 1: accept an OFFER from any DHCP server.</summary>
    public bool AcceptsAnyServer => IPAddress.Broadcast.Equals(PrimaryDhcpServer);

    /// <summary>Whether an OFFER from <paramref name="serverIdentifier"/> (option 54) may be accepted.</summary>
    public bool Accepts(IPAddress serverIdentifier) =>
        !IsDoNotProvision && (AcceptsAnyServer || serverIdentifier.Equals(PrimaryDhcpServer) || serverIdentifier.Equals(SecondaryDhcpServer));

    public ProvisioningServerAddress? ProvisioningServer => Find(ProvisioningServerCode) is { } s ? ProvisioningServerAddress.Decode(s.Value, Math.Max(s.Offset, 0)) : null;

    /// <summary>Sub-option 4 (RFC 3495 §5.3): AS-REQ/AS-REP backoff and retry.</summary>
    public KerberosBackoff? AsReqBackoff => Backoff(AsReqBackoffCode);
    /// <summary>Sub-option 5 (RFC 3495 §5.4): AP-REQ/AP-REP backoff and retry.</summary>
    public KerberosBackoff? ApReqBackoff => Backoff(ApReqBackoffCode);

    /// <summary>Sub-option 6 as text, e.g. "BASIC.1".</summary>
    public string? KerberosRealm => Find(KerberosRealmCode) is { } s ? DnsLabels.Decode(s.Value, Math.Max(s.Offset, 0), Dhcp4Protocol.Name, "dhcp.vendor.pc.ietf_ccc.suboption") : null;

    /// <summary>The flow the realm selects: BASIC.1/2 → Basic, HYBRID.1/2 → Hybrid, any other realm → Secure.</summary>
    public ProvisioningFlow? Flow => KerberosRealm is not { } realm ? null
        : BasicRealms.Contains(realm) ? ProvisioningFlow.Basic
        : HybridRealms.Contains(realm) ? ProvisioningFlow.Hybrid
        : ProvisioningFlow.Secure;

    /// <summary>Sub-option 7: bit 0 set means fetch a TGT.</summary>
    public bool? TicketGrantingServerUtilization => Find(TicketGrantingServerUtilizationCode) is { Value.Length: 1 } s ? (s.Value[0] & 1) != 0 : null;

    /// <summary>Sub-option 8: minutes, 0..30 (0 disables the timer).</summary>
    public byte? ProvisioningTimer => Find(ProvisioningTimerCode) is { Value.Length: 1 } s ? s.Value[0] : null;

    public SecurityTicketControl? SecurityTicketControl => Find(SecurityTicketControlCode) is { Value.Length: 2 } s
        ? (SecurityTicketControl)BinaryPrimitives.ReadUInt16BigEndian(s.Value) : null;

    public static ClientConfiguration Decode(ReadOnlySpan<byte> value, int baseOffset = 0) =>
        new(SubOptionList.Parse(value, OptionSpaces.CableLabsClientConfiguration, baseOffset));

    /// <summary>Builds the sub-options in code order; null arguments are left out.</summary>
    public static ClientConfiguration Create(
        IPAddress? primaryDhcpServer = null, IPAddress? secondaryDhcpServer = null,
        ProvisioningServerAddress? provisioningServer = null,
        KerberosBackoff? asReqBackoff = null, KerberosBackoff? apReqBackoff = null,
        string? kerberosRealm = null, bool? ticketGrantingServerUtilization = null,
        byte? provisioningTimer = null, SecurityTicketControl? securityTicketControl = null)
    {
        var items = new List<SubOption>();
        if (primaryDhcpServer is not null) items.Add(new SubOption(PrimaryDhcpServerCode, Addresses.Bytes(primaryDhcpServer)));
        if (secondaryDhcpServer is not null) items.Add(new SubOption(SecondaryDhcpServerCode, Addresses.Bytes(secondaryDhcpServer)));
        if (provisioningServer is not null) items.Add(new SubOption(ProvisioningServerCode, provisioningServer.Encode()));
        if (asReqBackoff is { } asb) items.Add(new SubOption(AsReqBackoffCode, asb.Encode()));
        if (apReqBackoff is { } apb) items.Add(new SubOption(ApReqBackoffCode, apb.Encode()));
        if (kerberosRealm is not null) items.Add(new SubOption(KerberosRealmCode, DnsLabels.Encode(kerberosRealm)));
        if (ticketGrantingServerUtilization is { } tgt) items.Add(new SubOption(TicketGrantingServerUtilizationCode, [tgt ? (byte)1 : (byte)0]));
        if (provisioningTimer is { } timer) items.Add(new SubOption(ProvisioningTimerCode, [timer]));
        if (securityTicketControl is { } stc) items.Add(new SubOption(SecurityTicketControlCode, [(byte)((ushort)stc >> 8), (byte)stc]));
        return new ClientConfiguration(new SubOptionList(items));
    }

    public byte[] Encode() => SubOptions.Encode();

    public DhcpOption ToOption() => new(DhcpOptionCode.CableLabsClientConfiguration, Encode());

    SubOption? Find(byte code) => SubOptions.Find(code);

    KerberosBackoff? Backoff(byte code)
    {
        if (Find(code) is not { } s) return null;
        // A decoded sub-option was checked already; a built one is checked against the same definition (12 octets).
        OptionValidator.Validate(OptionSpaces.CableLabsClientConfiguration.Find(code)!, s.Value, Math.Max(s.Offset, 0));
        return KerberosBackoff.FromBytes(s.Value);
    }
    IPAddress? Address(byte code) => Find(code) is { Value.Length: 4 } s ? Addresses.One(s.Value) : null;

    public bool Equals(ClientConfiguration? other) => other is not null && SubOptions.Equals(other.SubOptions);
    public override bool Equals(object? obj) => Equals(obj as ClientConfiguration);
    public override int GetHashCode() => SubOptions.Count;
}
