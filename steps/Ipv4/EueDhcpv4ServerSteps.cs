using System.Globalization;
using System.Net;
using EUeConformance.Headend.Database;
using EUeConformance.Headend.Overrides;
using EUeConformance.Network.Evidence;
using EUeConformance.Protocols.Dhcp;
using EUeConformance.Runner.Bindings;
using EUeConformance.Steps.Bed;
using static EUeConformance.Steps.Bed.LabAddresses;

namespace EUeConformance.Steps.Ipv4;

/// <summary>
/// How the operator's DHCPv4 side is set up for the eUE before the E-UE starts: which eUE DHCPv4 servers the
/// eCM's server names (option 122 sub-options 1/2, CL_OPTION_CCC: 6.3.2.2), which server identities answer the
/// eUE (the primary 192.0.2.1, the secondary 192.0.2.2, a rogue 192.0.2.3 that no option names), the lease
/// times, the resolvers and syslog servers handed out, and scripted misbehaviour of the eUE's servers.
/// </summary>
[Binding]
public sealed class EueDhcpv4ServerSteps(LabPlan plan)
{
    public const string Primary = "primary", Secondary = "secondary", Rogue = "rogue";
    /// <summary>The transaction id of a foreign OFFER.</summary>
    public const string ForeignXid = "0x5EC0FFEE";

    /// <summary>"the primary server", "the secondary server", "the rogue server", or an IPv4 address.</summary>
    public static IPAddress Address(string text)
    {
        var t = text.Trim();
        if (t.StartsWith("the ", StringComparison.Ordinal)) t = t[4..];
        return t switch
        {
            "primary server" => HeadendV4,
            "secondary server" => SecondServerV4,
            "rogue server" => RogueServerV4,
            _ => IPAddress.Parse(t),
        };
    }

    public static IReadOnlyList<IPAddress> Addresses(string list) =>
        [.. list.Split([",", " and "], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(Address)];

    /// <summary>Adds the rogue identity (192.0.2.3, DSS_ID "ROGUE-DSS") to the eUE's DHCP servers once.</summary>
    void AddRogue()
    {
        if (plan.HeadendSetup.Contains(AddRogueIdentity)) return;
        plan.HeadendSetup.Add(AddRogueIdentity);
    }

    static void AddRogueIdentity(Headend.Composition.Headend h)
    {
        if (h.Database.FindEueServer(Rogue) is null)
            h.Database.AddEueServer(new DhcpServerIdentity(Rogue, RogueServerV4, Duid.En(CableLabs.EnterpriseNumber, [0x52, 0x4F, 0x47]), RogueDssId));
    }

    // ---- what the eCM's server hands over for the eUE (6.3.2.2) ----

    [Given(@"^the eCM's server names (.+) as the eUE's primary DHCPv4 server and no secondary$")]
    public void GivenPrimaryOnly(string server)
    {
        var address = Address(server);
        plan.EcmEdits.Add(e => e with { EueDhcpV4Primary = address, EueDhcpV4Secondary = null });
    }

    [Given(@"^the eCM's server names (.+) as the eUE's primary DHCPv4 server and (.+) as its secondary$")]
    public void GivenPrimaryAndSecondary(string primary, string secondary)
    {
        var (p, s) = (Address(primary), Address(secondary));
        plan.EcmEdits.Add(e => e with { EueDhcpV4Primary = p, EueDhcpV4Secondary = s });
    }

    // ---- which servers answer the eUE ----

    [Given(@"^a DHCPv4 server that the eCM's options do not name answers the eUE as well$")]
    public void GivenRogueAnswersToo() => AddRogue();

    [Given(@"^only the (primary|secondary|rogue) server answers the eUE$")]
    public void GivenOnlyOneAnswers(string name)
    {
        if (name == Rogue) AddRogue();
        plan.EueEdits.Add(e => e with { AnsweredBy = [name] });
    }

    [Given(@"^the (primary|secondary|rogue) server's OFFERs reach the eUE (\d+(?:\.\d+)?) s after the other servers' OFFERs$")]
    public void GivenOfferDelayed(string name, double seconds) =>
        plan.HeadendSetup.Add(h => h.EueDhcpV4.Overrides.Add(new Delay(MessageSelector.Sent("OFFER").FromIdentity(name), TimeSpan.FromSeconds(seconds))));

    // ---- leases, resolvers, syslog servers ----

    /// <summary>The network plan's lease time (option 51; T1 and T2 at RFC 2131's 0.5 and 0.875), for the eCM and the eUE alike.</summary>
    [Given(@"^the DHCPv4 leases last (\d+) seconds$")]
    public void GivenLeaseTime(uint seconds) =>
        plan.NetworkEdits.Add(n => n with { Ipv4 = (n.Ipv4 ?? new Ipv4Plan(24, HeadendV4)) with { LeaseTime = seconds, RenewalTime = null, RebindingTime = null } });

    [Given(@"^the eUE's DHCP server gives the DNS servers (.+)$")]
    public void GivenDnsServers(string list)
    {
        var v4 = Addresses(list);
        plan.EueEdits.Add(e => e with { DnsServers = [.. v4, HeadendV6] });
    }

    [Given(@"^the eUE's DHCP server gives the syslog servers (.+)$")]
    public void GivenSyslogServers(string list)
    {
        var v4 = Addresses(list);
        plan.EueEdits.Add(e => e with { SyslogServers = [.. v4, .. e.SyslogServers.Where(a => a.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6)] });
    }

    /// <summary>RFC 2131 §4.3.1 / PKT-PROV1.5 MTA-4: the ACK, not the OFFER, is what the client configures itself from.</summary>
    [Given(@"^the eUE's DHCPv4 server's ACK names (?:the )?(DNS|syslog) servers? (.+) where its OFFER named the usual ones$")]
    public void GivenAckDiffers(string kind, string list)
    {
        byte code = kind == "DNS" ? Protocols.Dhcp4.DhcpOptionCode.DomainNameServer : Protocols.Dhcp4.DhcpOptionCode.LogServer;
        var value = Addresses(list).SelectMany(a => a.GetAddressBytes()).ToArray();
        plan.HeadendSetup.Add(h => h.EueDhcpV4.Overrides.Add(new SetOption(MessageSelector.Sent("ACK"), OptionPath.Parse(code.ToString(CultureInfo.InvariantCulture)), value)));
    }

    // ---- scripted misbehaviour (RFC 2131 failure paths) ----

    [Given(@"^the eUE's DHCPv4 servers ignore its first (\d+) (DISCOVER|REQUEST)s?$")]
    public void GivenIgnored(int count, string kind) =>
        plan.HeadendSetup.Add(h =>
        {
            for (int n = 1; n <= count; n++) h.EueDhcpV4.Overrides.Add(Override.DropNth(kind, n, Direction.Received));
        });

    [Given(@"^the first OFFER the eUE receives carries a transaction id other than its DISCOVER's$")]
    public void GivenForeignXid()
    {
        plan.EueEdits.Add(e => e with { AnsweredBy = [Primary] });
        // A fixed xid: the eUE draws its own at random (RFC 2131 §4.4.1), so the two differ but for a 2^-32 chance.
        plan.HeadendSetup.Add(h => h.EueDhcpV4.Overrides.Add(new SetField(MessageSelector.Sent("OFFER", 1), "xid", ForeignXid)));
    }

    /// <summary>A DHCPNAK as RFC 2131 Table 3 builds it: yiaddr, siaddr and file empty, only 53 and 54 (and the relay echo) kept.</summary>
    [Given(@"^the eUE's DHCPv4 server answers its first REQUEST with a DHCPNAK$")]
    public void GivenNak() =>
        plan.HeadendSetup.Add(h =>
        {
            var first = MessageSelector.Sent("ACK", 1);
            h.EueDhcpV4.Overrides.Add(
                new SetOption(first, OptionPath.Parse("53"), [(byte)Protocols.Dhcp4.DhcpMessageType.Nak]),
                new SetField(first, "yiaddr", "0.0.0.0"),
                new SetField(first, "siaddr", "0.0.0.0"),
                new SetField(first, "file", ""));
            foreach (var code in new[] { 1, 3, 6, 7, 12, 15, 51, 58, 59, 81, 122 })
                h.EueDhcpV4.Overrides.Add(new OmitOption(first, OptionPath.Parse(code.ToString(CultureInfo.InvariantCulture))));
        });
}
