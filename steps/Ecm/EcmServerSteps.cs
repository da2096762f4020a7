using System.Net;
using EUeConformance.Device.Options;
using EUeConformance.Headend.Overrides;
using EUeConformance.Network.Evidence;
using EUeConformance.Protocols.Dhcp;
using EUeConformance.Protocols.Dhcp4;
using EUeConformance.Protocols.Dhcp6;
using EUeConformance.Runner.Bindings;
using EUeConformance.Steps.Bed;
using static EUeConformance.Steps.Bed.LabAddresses;
using static EUeConformance.Steps.Ecm.EcmBed;

namespace EUeConformance.Steps.Ecm;

/// <summary>
/// The eCM's DOCSIS DHCP servers as the scenario shapes them (EUE-PROV 6.3.1 Tables 2 and 3, 6.3.2.1 Table 4,
/// 6.4.1): which E-UE options their replies carry, which eUE servers and DSS_IDs they name, which preference they
/// state, a second server that competes with the first, and their failures (silence, wrong transaction ids,
/// ignored requests, a NAK). "The eCM's DHCP server" means the server of every family the eCM provisions in;
/// "the eCM's IPv4/IPv6 DHCP server" one of a dual-stack eCM's two.
/// </summary>
[Binding]
public sealed class EcmServerSteps(EcmBed ecm)
{
    const string Information = "eUE DHCPv4 server addresses and eUE DHCPv6 DSS_IDs|eUE DHCPv4 server addresses|eUE DHCPv6 DSS_IDs|no eUE server information";

    /// <summary>
    /// Table 4's inputs: which eUE server information the eCM's server hands over (the rest is left out of its
    /// OFFER/ACK or ADVERTISE/REPLY), and whether it states a preference. Without a stated preference the IP_PREF
    /// option is left out even when both are sent (Table 2 CM2 makes that a server fault; Table 4 still has a row for it).
    /// </summary>
    [Given(@"^the eCM's DHCP server hands over (" + Information + @")(?: only)?(?: with (a preference for (IPv4|IPv6)|no preference))?$")]
    public void GivenHandsOver(string information, string? preference, string? preferred)
    {
        bool v4 = information.StartsWith("eUE DHCPv4", StringComparison.Ordinal);
        bool v6 = information.Contains("DSS_IDs", StringComparison.Ordinal);
        if (!string.IsNullOrEmpty(preferred)) ecm.Plan.PreferEueMode(Mode(preferred));
        foreach (var family in ecm.EcmFamilies)
        {
            var (servers, dss, pref) = EuePaths(family);
            ecm.EditEcmReplies(family, kind =>
            {
                var edits = new List<Override>();
                if (!v4) edits.Add(Omit(kind, servers));
                if (!v6) edits.Add(Omit(kind, dss));
                if (!v4 || !v6 || preference == "no preference") edits.Add(Omit(kind, pref));
                return edits;
            });
        }
    }

    /// <summary>After a dormant eUE: the overrides go, the database's usual options come back (the next boot sees them).</summary>
    [When(@"^the eCM's DHCP server hands over its usual eUE server information again$")]
    public void WhenUsualInformation()
    {
        foreach (var family in ecm.EcmFamilies)
            (family == IpAddressingMode.Ipv4 ? ecm.Lab.Headend.EcmDhcpV4.Overrides : ecm.Lab.Headend.EcmDhcpV6.Overrides).Clear();
    }

    /// <summary>Table 4: the server's preference (CL_V4OPTION_IP_PREF / CL_OPTION_IP_PREF) in every reply.</summary>
    [Given(@"^the eCM's DHCP server prefers the eUE in (IPv4|IPv6) mode$")]
    public void GivenPrefers(string mode) => ecm.Plan.PreferEueMode(Mode(mode));

    /// <summary>Table 2 CM3 / Table 3 CM3v6 note: options the eCM did not ask for, added anyway (with a preference for their mode).</summary>
    [Given(@"^the eCM's DHCP server adds unrequested (eUE DHCPv4 server addresses|eUE DHCPv6 DSS_IDs) with a preference for (IPv4|IPv6)$")]
    public void GivenAddsUnrequested(string information, string preferred)
    {
        foreach (var family in ecm.EcmFamilies)
        {
            var (servers, dss, pref) = EuePaths(family);
            ecm.EditEcmReplies(family, kind => information.Contains("DHCPv4", StringComparison.Ordinal)
                ? [Set(kind, servers, Dhcpv4ServersValue(family, HeadendV4, SecondServerV4)), Set(kind, pref, PreferenceValue(Mode(preferred)))]
                : [Set(kind, dss, DssIdsValue(family, PrimaryDssId, SecondaryDssId)), Set(kind, pref, PreferenceValue(Mode(preferred)))]);
        }
    }

    /// <summary>Table 2 CM3 / Table 3 CM3v6: no reply carries any E-UE option (the retries, then dormant).</summary>
    [Given(@"^the eCM's DHCP server's replies carry no E-UE option$")]
    public void GivenNoEueOption() => GivenHandsOver("no eUE server information", null, null);

    // ---------------------------------------------------------------- naming servers, DSS_IDs, preferences

    [Given(@"^the eCM's (?:(IPv4|IPv6) )?(DHCP server|DHCPOFFER|DHCPACK|ADVERTISE|REPLY) names only the (primary|secondary|rogue) eUE DHCP server$")]
    public void GivenNamesServer(string? family, string what, string name) =>
        NameDhcpv4Server(family, what, ecm.EueServer(name).Ipv4 ?? throw new InvalidOperationException($"'{name}' has no IPv4 address"));

    [Given(@"^the eCM's DHCP server names (0\.0\.0\.0|255\.255\.255\.255) as the only eUE DHCP server$")]
    public void GivenNamesSpecialServer(string address) => NameDhcpv4Server(null, "DHCP server", IPAddress.Parse(address));

    void NameDhcpv4Server(string? family, string what, IPAddress server)
    {
        foreach (var (f, kind) in Targets(family, what))
        {
            var path = EuePaths(f).Dhcpv4Servers;
            ecm.EditEcmReplies(f, k => [Set(k, path + ".1", server.GetAddressBytes()), Omit(k, path + ".2")], kind);
        }
    }

    [Given(@"^the eCM's (?:(IPv4|IPv6) )?(DHCP server|DHCPOFFER|DHCPACK|ADVERTISE|REPLY) names only the (primary|secondary|rogue) eUE DHCP server's DSS_ID$")]
    public void GivenNamesDss(string? family, string what, string name) => NameDss(family, what, ecm.EueServer(name).DssId.Bytes.ToArray());

    [Given(@"^the eCM's DHCP server names (00000000|FFFFFFFF) as the only eUE DSS_ID$")]
    public void GivenNamesSpecialDss(string hex) => NameDss(null, "DHCP server", Convert.FromHexString(hex));

    /// <summary>6.4.1.2: the 32-octet DSS_ID of <see cref="EcmBed.LongDssServer"/>, followed by more octets the eCM must drop.</summary>
    [Given(@"^the eCM's DHCP server names that 32-octet DSS_ID with (\d+) more octets after it as the only eUE DSS_ID$")]
    public void GivenNamesLongDss(int extra)
    {
        if (extra != LongDssTail.Length) throw new ArgumentException($"the step knows a tail of {LongDssTail.Length} octets");
        NameDss(null, "DHCP server", [.. LongDssId.Bytes.ToArray(), .. LongDssTail]);
    }

    void NameDss(string? family, string what, byte[] dss)
    {
        foreach (var (f, kind) in Targets(family, what))
        {
            var path = EuePaths(f).DssIds;
            ecm.EditEcmReplies(f, k => [Set(k, path + ".1", dss), Omit(k, path + ".2")], kind);
        }
    }

    [Given(@"^the eCM's (?:(IPv4|IPv6) )?(DHCP server|DHCPOFFER|DHCPACK|ADVERTISE|REPLY) states a preference for (IPv4|IPv6)$")]
    public void GivenStatesPreference(string? family, string what, string mode)
    {
        foreach (var (f, kind) in Targets(family, what))
            ecm.EditEcmReplies(f, k => [Set(k, EuePaths(f).Preference, PreferenceValue(Mode(mode)))], kind);
    }

    /// <summary>Which server families and reply kinds a step's wording names.</summary>
    IEnumerable<(IpAddressingMode Family, string? Kind)> Targets(string? family, string what) => what switch
    {
        "DHCPOFFER" => [(IpAddressingMode.Ipv4, "OFFER")],
        "DHCPACK" => [(IpAddressingMode.Ipv4, "ACK")],
        "ADVERTISE" => [(IpAddressingMode.Ipv6, "ADVERTISE")],
        "REPLY" => [(IpAddressingMode.Ipv6, "REPLY")],
        _ when !string.IsNullOrEmpty(family) => [(Mode(family), null)],
        _ => ecm.EcmFamilies.Select(f => (f, (string?)null)),
    };

    // ---------------------------------------------------------------- a second DOCSIS server

    [Given(@"^a second DOCSIS DHCP server answers the eCM as well$")]
    public void GivenSecondServer() => ecm.Plan.DatabaseEdits.Add(db => db.AddEcmServer(SecondDocsis));

    [Given(@"^the (first|second) DOCSIS server's replies carry (option 122 only|CL_OPTION_CCC only|no E-UE option)$")]
    public void GivenServerCarries(string which, string carries)
    {
        string identity = which == "first" ? FirstDocsisServer : SecondDocsisServer;
        foreach (var family in ecm.EcmFamilies)
        {
            var (servers, dss, pref) = EuePaths(family);
            ecm.EditEcmReplies(family, kind => carries == "no E-UE option"
                ? [Omit(kind, servers, identity), Omit(kind, dss, identity), Omit(kind, pref, identity)]
                : [Omit(kind, dss, identity), Omit(kind, pref, identity)]);
        }
    }

    /// <summary>RFC 3315 §22.8 OPTION_PREFERENCE 255: a plain RFC 3315 client would take this server at once.</summary>
    [Given(@"^the (first|second) DOCSIS server's ADVERTISEs carry the highest server preference$")]
    public void GivenHighestPreference(string which) =>
        ecm.OnEcmServer(IpAddressingMode.Ipv6, Set("ADVERTISE", Dhcp6OptionCode.Preference.ToString(System.Globalization.CultureInfo.InvariantCulture), [255],
            which == "first" ? FirstDocsisServer : SecondDocsisServer));

    /// <summary>The other server's offer comes 200 ms later (well inside any offer-collection window).</summary>
    [Given(@"^the (first|second) DOCSIS server's replies arrive first$")]
    public void GivenArrivesFirst(string which)
    {
        string later = which == "first" ? SecondDocsisServer : FirstDocsisServer;
        foreach (var family in ecm.EcmFamilies)
            ecm.OnEcmServer(family, new Delay(MessageSelector.Sent(ReplyKinds(family).Offer).FromIdentity(later), TimeSpan.FromMilliseconds(200)));
    }

    // ---------------------------------------------------------------- failures (DOCSIS / RFC 2131 / RFC 3315 behaviour)

    [Given(@"^the eCM's DHCP server does not answer the eCM$")]
    public void GivenSilent()
    {
        foreach (var family in ecm.EcmFamilies) ecm.OnEcmServer(family, Override.Silence());
    }

    /// <summary>RFC 2131 §4.4.1: an OFFER whose xid is not the DISCOVER's answers nothing.</summary>
    [Given(@"^the eCM's DHCP server answers with DHCPOFFERs carrying another transaction id$")]
    public void GivenWrongXid() => ecm.OnEcmServer(IpAddressingMode.Ipv4, Override.AlterField("OFFER", "xid", "0x0BADF00D"));

    [Given(@"^the eCM's DHCP server ignores every (DHCPREQUEST|DHCPv6 REQUEST) of the eCM$")]
    public void GivenIgnoresRequest(string which) =>
        ecm.OnEcmServer(which == "DHCPREQUEST" ? IpAddressingMode.Ipv4 : IpAddressingMode.Ipv6, new Drop(MessageSelector.Received("REQUEST")));

    /// <summary>The first ACK goes out as a NAK (RFC 2131 §4.3.2: option 53 = 6, no address).</summary>
    [Given(@"^the eCM's DHCP server refuses the eCM's first DHCPREQUEST with a DHCPNAK$")]
    public void GivenNak() => ecm.OnEcmServer(IpAddressingMode.Ipv4,
        new SetOption(new MessageSelector(Direction.Sent, "ACK", 1), OptionPath.Parse("53"), [(byte)DhcpMessageType.Nak]),
        new SetField(new MessageSelector(Direction.Sent, "ACK", 1), "yiaddr", "0.0.0.0"),
        new OmitOption(new MessageSelector(Direction.Sent, "ACK", 1), OptionPath.Parse("51")),
        new OmitOption(new MessageSelector(Direction.Sent, "ACK", 1), OptionPath.Parse("122")),
        new OmitOption(new MessageSelector(Direction.Sent, "ACK", 1), OptionPath.Parse("125")));

    /// <summary>RFC 3315 §18.2.1 / §17.2.2: the first REPLY's IA_NA has no address, only the status NoAddrsAvail.</summary>
    [Given(@"^the eCM's DHCP server answers the eCM's first DHCPv6 REQUEST with a REPLY that has no address$")]
    public void GivenNoAddressReply()
    {
        var first = new MessageSelector(Direction.Sent, "REPLY", 1);
        byte[] status = [0x00, (byte)Dhcp6Status.NoAddrsAvail, .. "no address for you"u8];
        ecm.OnEcmServer(IpAddressingMode.Ipv6,
            new OmitOption(first, OptionPath.Parse($"{Dhcp6OptionCode.IaNa}.{Dhcp6OptionCode.IaAddr}")),
            new SetOption(first, OptionPath.Parse($"{Dhcp6OptionCode.IaNa}.{Dhcp6OptionCode.StatusCode}"), status));
    }

    /// <summary>Table 3 is written for the four-message exchange (catalog note on CM3v6-02).</summary>
    [Given(@"^the eCM's DHCPv6 server does not honour Rapid Commit$")]
    public void GivenNoRapidCommit() => ecm.Plan.EcmEdits.Add(r => r with { AllowRapidCommit = false });

    /// <summary>CM5/CM6 fail: the Configuration Server answers the eCM's read request with "file not found".</summary>
    [Given(@"^the Configuration Server does not have the eCM's DOCSIS configuration file$")]
    public void GivenNoDocsisFile() => ecm.Plan.EcmConfigFile = null;

    // ---------------------------------------------------------------- the eUE's DHCP servers

    [Given(@"^only a rogue eUE DHCP server, one the eCM was not told about, answers the eUE$")]
    public void GivenRogueOnly()
    {
        ecm.Plan.DatabaseEdits.Add(db => db.AddEueServer(Rogue));
        ecm.Plan.EueEdits.Add(e => e with { AnsweredBy = [RogueServer] });
    }

    [Given(@"^an eUE DHCP server with a 32-octet DSS_ID answers the eUE besides the secondary one$")]
    public void GivenLongDssServer()
    {
        ecm.Plan.DatabaseEdits.Add(db => db.AddEueServer(LongDss));
        ecm.Plan.EueEdits.Add(e => e with { AnsweredBy = [LongDssServer, "secondary"] });
    }

    /// <summary>Table 5 eUE-2: every ADVERTISE says "0.0.0.0" in CL_OPTION_CCCV6 sub-option 3.</summary>
    [Given(@"^the eUE's DHCPv6 servers tell the eUE to disable itself$")]
    public void GivenDisable() => ecm.Plan.EueEdits.Add(e => e with { Disable = true });

    [Given(@"^the eUE's DHCP servers name (\S+) as the provisioning server$")]
    public void GivenProvisioningServer(string fqdn) => ecm.Plan.EueEdits.Add(e => e with { ProvisioningServerFqdn = fqdn });
}
