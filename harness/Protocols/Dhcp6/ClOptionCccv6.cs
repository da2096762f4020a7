using EUeConformance.Protocols.Dhcp;
using EUeConformance.Protocols.Dns;

namespace EUeConformance.Protocols.Dhcp6;

/// <summary>
/// CL_OPTION_CCCV6 (2171, EUE-PROV 6.4.1.4): PacketCable configuration for the eUE in IPv6 mode,
/// as sub-options framed code(2) length(2) (protocol-facts.md 2.2). To the eCM it names the eUE's
/// DHCPv6 servers (DSS_IDs in sub-options 1 and 2); to the eUE a valid ADVERTISE carries sub-options
/// 1 (the responding server's DSS_ID), 3 (provisioning server) and 6 (Kerberos realm) (eUE-3).
/// Unknown sub-options are kept as sent.
/// </summary>
public sealed class ClOptionCccv6(IReadOnlyList<Dhcp6Option> subOptions)
{
    public IReadOnlyList<Dhcp6Option> SubOptions { get; } = subOptions;

    /// <summary>The sub-options given, in code order (1..9).</summary>
    public static ClOptionCccv6 Create(
        DssId? primaryDssId = null,
        DssId? secondaryDssId = null,
        ProvSnmpEntity? provSnmpEntity = null,
        KerberosBackoff? asReqAsRepBackoff = null,
        KerberosBackoff? apReqApRepBackoff = null,
        string? kerberosRealm = null,
        byte? tgtFlag = null,
        byte? provisioningTimer = null,
        ushort? ticketControl = null)
    {
        var list = new List<Dhcp6Option>();
        if (primaryDssId is { } p) list.Add(new Dhcp6Option(ClCccv6SubOption.PrimaryDssId, p.Bytes));
        if (secondaryDssId is { } s) list.Add(new Dhcp6Option(ClCccv6SubOption.SecondaryDssId, s.Bytes));
        if (provSnmpEntity is not null) list.Add(provSnmpEntity.ToSubOption());
        if (asReqAsRepBackoff is { } asb) list.Add(new Dhcp6Option(ClCccv6SubOption.AsReqAsRepBackoff, asb.Encode()));
        if (apReqApRepBackoff is { } apb) list.Add(new Dhcp6Option(ClCccv6SubOption.ApReqApRepBackoff, apb.Encode()));
        if (kerberosRealm is not null) list.Add(new Dhcp6Option(ClCccv6SubOption.KerberosRealm, DnsLabels.Encode(kerberosRealm)));
        if (tgtFlag is { } t) list.Add(new Dhcp6Option(ClCccv6SubOption.TgtFlag, new[] { t }));
        if (provisioningTimer is { } pt) list.Add(new Dhcp6Option(ClCccv6SubOption.ProvisioningTimer, new[] { pt }));
        if (ticketControl is { } tc) list.Add(new Dhcp6Option(ClCccv6SubOption.TicketControl, new[] { (byte)(tc >> 8), (byte)tc }));
        return new ClOptionCccv6(list);
    }

    public static ClOptionCccv6 FromOption(Dhcp6Option option)
    {
        Dhcp6OptionSpaces.Vendor4491.Validate(option, ClOptionCode.Cccv6);
        return new ClOptionCccv6(option.ReadOptions(Dhcp6OptionSpaces.Cccv6));
    }

    Dhcp6Option? Find(ushort code) => Dhcp6Option.FindIn(SubOptions, code);

    /// <summary>Sub-option 1: the primary DSS_ID (to the eUE: the responding server's).</summary>
    public DssId? PrimaryDssId => Find(ClCccv6SubOption.PrimaryDssId) is { } o ? new DssId(o.Span) : null;
    /// <summary>Sub-option 2: the secondary DSS_ID; a server MUST NOT send it to the eUE, which ignores it (EUE-PROV 6.4.1.4).</summary>
    public DssId? SecondaryDssId => Find(ClCccv6SubOption.SecondaryDssId) is { } o ? new DssId(o.Span) : null;
    /// <summary>Sub-option 3: the provisioning server (PROV_SNMP_ENTITY).</summary>
    public ProvSnmpEntity? ProvSnmpEntity => Find(ClCccv6SubOption.ProvSnmpEntity) is { } o ? Dhcp6.ProvSnmpEntity.FromSubOption(o) : null;
    /// <summary>Sub-option 4: AS-REQ/AS-REP backoff and retry, as in DHCPv4 option 122.4.</summary>
    public KerberosBackoff? AsReqAsRepBackoff => Backoff(ClCccv6SubOption.AsReqAsRepBackoff);
    /// <summary>Sub-option 5: AP-REQ/AP-REP backoff and retry, as in DHCPv4 option 122.5.</summary>
    public KerberosBackoff? ApReqApRepBackoff => Backoff(ClCccv6SubOption.ApReqApRepBackoff);

    KerberosBackoff? Backoff(ushort code)
    {
        if (Find(code) is not { } o) return null;
        Dhcp6OptionSpaces.Cccv6.Validate(o);
        return KerberosBackoff.FromBytes(o.Span);
    }

    /// <summary>Sub-option 6: the Kerberos realm (e.g. BASIC.1, HYBRID.2), which selects the provisioning flow (eUE-3).</summary>
    public string? KerberosRealm
    {
        get
        {
            if (Find(ClCccv6SubOption.KerberosRealm) is not { } o) return null;
            Dhcp6OptionSpaces.Cccv6.Validate(o);
            return DnsLabels.ToText(o.Span);
        }
    }

    /// <summary>Sub-option 7: TGT utilization flags; bit 0 set = fetch a TGT.</summary>
    public byte? TgtFlag => Find(ClCccv6SubOption.TgtFlag)?.ReadUInt8("dhcpv6.packetcable.cccV6.tgt_flag");
    public bool FetchTgt => (TgtFlag & 0x01) != 0;
    /// <summary>Sub-option 8: the provisioning timer in minutes, 0..30 (0 disables it).</summary>
    public byte? ProvisioningTimer => Find(ClCccv6SubOption.ProvisioningTimer)?.ReadUInt8("dhcpv6.packetcable.cccV6.prov_timer");
    /// <summary>Sub-option 9: security ticket control; bit 0 invalidates the provisioning server ticket, bit 1 all call server tickets.</summary>
    public ushort? TicketControl => Find(ClCccv6SubOption.TicketControl)?.ReadUInt16("dhcpv6.packetcable.cccV6.sec_tcm");

    public Dhcp6Option ToOption()
    {
        var w = new Dhcp6OptionWriter();
        foreach (var o in SubOptions) w.WriteOption(o);
        return new Dhcp6Option(ClOptionCode.Cccv6, w.ToArray());
    }
}
