using EUeConformance.Protocols.Dhcp;

namespace EUeConformance.Protocols.Dhcp6;

/// <summary>What an eUE puts into its eUE-1 SOLICIT (EUE-PROV Table 5).</summary>
public sealed record EueSolicitParameters
{
    /// <summary>24-bit transaction ID (RFC 3315 §15.1).</summary>
    public required uint TransactionId { get; init; }
    /// <summary>OPTION_CLIENTID: any RFC 3315 §9.1 DUID.</summary>
    public required Duid ClientDuid { get; init; }
    /// <summary>The IAID of the OPTION_IA_NA (T1 = T2 = 0: the client has no preference, RFC 3315 §22.4).</summary>
    public uint Iaid { get; init; } = 1;
    /// <summary>RFC 3315 §22.9: a client MUST send OPTION_ELAPSED_TIME; 0 in the first message of an exchange.</summary>
    public ushort ElapsedTime { get; init; }
    /// <summary>CL_OPTION_DEVICE_TYPE; eUE device types begin "EDVA" (Wireshark picks eUE capability names on that prefix).</summary>
    public required string DeviceType { get; init; }
    public required string DeviceSerialNumber { get; init; }
    public required string HardwareVersionNumber { get; init; }
    public required string SoftwareVersionNumber { get; init; }
    public required string BootRomVersion { get; init; }
    /// <summary>CL_OPTION_VENDOR_OUI: 3 binary octets (or 6 hex characters).</summary>
    public required ReadOnlyMemory<byte> VendorOui { get; init; }
    public required string ModelNumber { get; init; }
    public required string VendorName { get; init; }
    /// <summary>CL_OPTION_MODEM_CAPABILITIES, with the content of EUE-PROV 6.6.1 / Annex A.</summary>
    public required ModemCapabilities ModemCapabilities { get; init; }
    /// <summary>CL_OPTION_DEVICE_ID: the eUE MAC address.</summary>
    public required ReadOnlyMemory<byte> DeviceId { get; init; }
    /// <summary>
    /// OPTION_ORO: OPTION_FQDN (39) and OPTION_DNS_SERVERS (23), as Table 5 lists them. (protocol-facts.md 2.4a also
    /// lists 16, but in Table 5 OPTION_VENDOR_CLASS "containing enterprise number 4491 and the string pktc2.0" is an
    /// option the SOLICIT carries, not one it requests; the table's line break merged the two lists.)
    /// </summary>
    public IReadOnlyList<ushort> RequestedOptions { get; init; } = [Dhcp6OptionCode.Fqdn, Dhcp6OptionCode.DnsServers];
    /// <summary>CL_OPTION_ORO: TFTP servers (32), config file name (33), syslog servers (34), CL_OPTION_CCCV6 (2171).</summary>
    public IReadOnlyList<ushort> RequestedClOptions { get; init; } = [ClOptionCode.TftpServers, ClOptionCode.ConfigFileName, ClOptionCode.SyslogServers, ClOptionCode.Cccv6];
}

/// <summary>
/// The eUE-1 DHCPv6 SOLICIT of EUE-PROV Table 5: OPTION_CLIENTID, OPTION_IA_NA, OPTION_FQDN (S=1,
/// N=0, O=0, empty name), OPTION_ORO (39, 23), OPTION_VENDOR_CLASS (4491, "pktc2.0") and
/// OPTION_VENDOR_OPTS (4491) with CableLabs options 2, 4-10, 35, 36 and CL_OPTION_ORO (32, 33, 34,
/// 2171); no Rapid Commit. Read it back with <see cref="Dhcp6Message.ClientId"/>,
/// <see cref="Dhcp6Message.IaNa"/>, <see cref="Dhcp6Message.ClientFqdn"/>, <see cref="Dhcp6Message.OptionRequest"/>,
/// <see cref="Dhcp6Message.VendorClass"/> and <see cref="Dhcp6Message.CableLabs"/>.
/// </summary>
public static class EueSolicit
{
    public static Dhcp6Message Build(EueSolicitParameters p) =>
        Dhcp6Message.Create(Dhcp6MessageType.Solicit, p.TransactionId, Options(p, Dhcp6MessageType.Solicit, null, null));

    /// <summary>
    /// The eUE-3 REQUEST to the chosen server: "the eUE MUST request the same options as the
    /// corresponding DHCPv6 SOLICIT message (eUE-1)", plus that server's OPTION_SERVERID and the IA it advertised.
    /// </summary>
    public static Dhcp6Message BuildRequest(EueSolicitParameters p, Duid serverDuid, IaNa? advertisedIa = null) =>
        Dhcp6Message.Create(Dhcp6MessageType.Request, p.TransactionId, Options(p, Dhcp6MessageType.Request, serverDuid, advertisedIa));

    static List<Dhcp6Option> Options(EueSolicitParameters p, Dhcp6MessageType type, Duid? serverDuid, IaNa? ia)
    {
        var options = new List<Dhcp6Option> { Dhcp6Options.ClientId(p.ClientDuid) };
        if (serverDuid is not null) options.Add(Dhcp6Options.ServerId(serverDuid));
        options.Add((ia ?? new IaNa(p.Iaid, 0, 0)).ToOption());
        options.Add(Dhcp6Options.ElapsedTime(p.ElapsedTime));
        options.Add(ClientFqdn.EueSolicit.ToOption());
        options.Add(Dhcp6Options.Oro([.. p.RequestedOptions]));
        options.Add(VendorClass.Pktc20.ToOption());
        options.Add(Dhcp6Options.VendorOpts(CableLabs.EnterpriseNumber,
            ClOptions.Oro([.. p.RequestedClOptions]),
            ClOptions.DeviceType(p.DeviceType),
            ClOptions.DeviceSerialNumber(p.DeviceSerialNumber),
            ClOptions.HardwareVersionNumber(p.HardwareVersionNumber),
            ClOptions.SoftwareVersionNumber(p.SoftwareVersionNumber),
            ClOptions.BootRomVersion(p.BootRomVersion),
            ClOptions.VendorOui(p.VendorOui.Span),
            ClOptions.ModelNumber(p.ModelNumber),
            ClOptions.VendorName(p.VendorName),
            ClOptions.ModemCapabilities(p.ModemCapabilities),
            ClOptions.DeviceId(p.DeviceId.Span)));
        return options;
    }
}
