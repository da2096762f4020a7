using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using EUeConformance.Device;
using EUeConformance.Headend.Database;
using EUeConformance.Headend.Overrides;
using EUeConformance.Network.Evidence;
using EUeConformance.Network.Fabric;
using EUeConformance.Protocols.Dhcp;
using EUeConformance.Protocols.Dhcp6;
using EUeConformance.Protocols.Dns;
using EUeConformance.Runner.Bindings;
using EUeConformance.Steps.Bed;

namespace EUeConformance.Steps.Ipv6;

/// <summary>
/// How the headend misbehaves, or simply differs, for the eUE's IPv6 start-up: its eUE DHCPv6 servers
/// (which identities answer, what their ADVERTISE and REPLY carry, what they answer to renewals), the router
/// (silent, or advertising with M clear), the ToD server the eCM waits for, the Configuration Server holding
/// the file back, and another node on the link already holding an address the eUE wants.
/// </summary>
[Binding]
public sealed partial class HeadendIpv6Steps(Lab lab, LabPlan plan, ScenarioContext scenario)
{
    /// <summary>A 32-octet DSS_ID for the eCM (6.4.1.4: the longest a server may send).</summary>
    public static readonly DssId LongDssId = DssId.FromAscii("PRIMARY-DSS-ID-OF-32-OCTETS-LONG");
    public static readonly DssId ThirdDssId = DssId.FromAscii("THIRD-DSS");
    public const string ThirdServer = "third";

    // ---------------------------------------------------------------- which servers answer

    [Given(@"^only the primary eUE DHCPv6 server answers$")]
    public void GivenOnlyPrimary() => plan.EueEdits.Add(e => e with { AnsweredBy = ["primary"] });

    [Given(@"^a third eUE DHCPv6 server answers too$")]
    public void GivenThirdServer() => plan.HeadendSetup.Add(h =>
        h.Database.AddEueServer(new DhcpServerIdentity(ThirdServer, LabAddresses.RogueServerV4, Duid.En(CableLabs.EnterpriseNumber, "THIRD"u8), ThirdDssId)));

    [Given(@"^the eUE's DHCPv6 servers do not answer$")]
    public void GivenSilent() => EueDhcp(Override.Silence());

    [Given(@"^the eUE's DHCPv6 servers send no REPLY$")]
    public void GivenNoReply() => EueDhcp(new Drop(MessageSelector.Sent("REPLY")));

    [Given(@"^the eUE's DHCPv6 servers ignore RENEWs$")]
    public void GivenRenewIgnored() => EueDhcp(new Drop(MessageSelector.Received("RENEW")));

    /// <summary>eUE-2: a server set to refuse the eUE says "0.0.0.0" in CL_OPTION_CCCV6 sub-option 3.</summary>
    [Given(@"^the eUE's DHCPv6 servers are told to disable the eUE$")]
    public void GivenDisable() => plan.EueEdits.Add(e => e with { Disable = true });

    /// <summary>RFC 3315 §17.1.4: a client that did not ask for Rapid Commit must not take a REPLY to its SOLICIT.</summary>
    [Given(@"^the eUE's DHCPv6 server answers the eUE's first SOLICIT with a Rapid Commit REPLY offering (\S+)$")]
    public void GivenRapidCommitReply(string address)
    {
        var first = new MessageSelector(Direction.Sent, "ADVERTISE", 1);
        EueDhcp(new SetField(first, "msg-type", ((byte)Dhcp6MessageType.Reply).ToString(CultureInfo.InvariantCulture)),
            new SetOption(first, OptionPath.Parse("14"), []),
            new SetField(first, "ia_na.address", IPAddress.Parse(address).ToString()));
        scenario["rapid-commit.address"] = IPAddress.Parse(address);
    }

    // ---------------------------------------------------------------- what one server's ADVERTISE or REPLY carries

    [Given(@"^the (primary|secondary|third) server's (ADVERTISE and REPLY|ADVERTISE|REPLY) (.+)$")]
    public void GivenServerMessage(string server, string kinds, string change)
    {
        string[] messages = kinds == "ADVERTISE and REPLY" ? ["ADVERTISE", "REPLY"] : [kinds];
        foreach (var kind in messages)
        {
            var when = MessageSelector.Sent(kind).FromIdentity(server);
            EueDhcp([.. Changes(change, when, server)]);
        }
    }

    IEnumerable<Override> Changes(string change, MessageSelector when, string server)
    {
        Match m;
        if (change == "leaves out CL_OPTION_CCCV6") { yield return new OmitOption(when, OptionPath.Parse("17.2171")); yield break; }
        if ((m = SubOptionOmitted().Match(change)).Success) { yield return new OmitOption(when, OptionPath.Parse($"17.2171.{m.Groups[1].Value}")); yield break; }
        if (change == "leaves out OPTION_SERVERID") { yield return new OmitOption(when, OptionPath.Parse("2")); yield break; }
        if (change == "carries a DSS_ID the eCM was not given") { yield return Cccv6(when, 1, LabAddresses.RogueDssId.Bytes.ToArray()); yield break; }
        if (change == "carries the primary DSS_ID in sub-option 2") { yield return Cccv6(when, 2, LabAddresses.PrimaryDssId.Bytes.ToArray()); yield break; }
        if (change == "carry 00 00 00 00 in sub-option 2") { yield return Cccv6(when, 2, [0, 0, 0, 0]); yield break; }
        if (change == "carries the \"0.0.0.0\" shutdown value in sub-option 3") { yield return Cccv6(when, 3, ProvSnmpEntity.Shutdown.Value.ToArray()); yield break; }
        if (change == "carry that DSS_ID with 2 more octets after it") { yield return Cccv6(when, 1, [.. LongDssId.Bytes.Span, .. "+2"u8]); yield break; }
        if (change == "carries a 34-octet DSS_ID that differs from it in octet 32")
        {
            byte[] differing = [.. LongDssId.Bytes.Span, .. "+2"u8];
            differing[31] ^= 0x20;
            yield return Cccv6(when, 1, differing);
            yield break;
        }
        if ((m = Realm().Match(change)).Success) { yield return Cccv6(when, 6, DnsLabels.Encode(m.Groups[1].Value)); yield break; }
        if ((m = Late().Match(change)).Success)
        {
            if (server == "primary") throw new ArgumentException("the delay is relative to the primary server's ADVERTISE");
            yield return new Delay(when, TimeSpan.FromMilliseconds(int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)));
            yield break;
        }
        // RFC 3315 §15.3: an ADVERTISE of another transaction, or without a server identifier, is discarded.
        if (change == "answers another transaction") { yield return new SetField(when, "xid", "0x5a5a5a"); yield break; }
        // RFC 3315 §17.1.3: an ADVERTISE with a Status Code of NoAddrsAvail is ignored.
        if (change == "says NoAddrsAvail")
        {
            yield return new SetOption(when, OptionPath.Parse("13"), Dhcp6Options.StatusCode(Dhcp6Status.NoAddrsAvail, "none for you").Data.ToArray());
            yield break;
        }
        // RFC 3315 §18.1.8: a REPLY whose IA_NA holds NoAddrsAvail leases nothing.
        if (change == "says NoAddrsAvail in its IA_NA")
        {
            yield return new OmitOption(when, OptionPath.Parse("3.5"));
            yield return new SetOption(when, OptionPath.Parse("3.13"), Dhcp6Options.StatusCode(Dhcp6Status.NoAddrsAvail, "none for you").Data.ToArray());
            yield break;
        }
        if ((m = LinkLocalOffer().Match(change)).Success) { yield return new SetField(when, "ia_na.address", IPAddress.Parse(m.Groups[1].Value).ToString()); yield break; }
        if ((m = TftpAndFile().Match(change)).Success)
        {
            yield return new SetOption(when, OptionPath.Parse("17.32"), IPAddress.Parse(m.Groups[1].Value).GetAddressBytes());
            yield return new SetOption(when, OptionPath.Parse("17.33"), Encoding.ASCII.GetBytes(m.Groups[2].Value));
            yield break;
        }
        throw new ArgumentException($"no headend change is known as '{change}'");
    }

    static SetOption Cccv6(MessageSelector when, int subOption, byte[] value) =>
        new(when, OptionPath.Parse($"17.2171.{subOption}"), value);

    [GeneratedRegex(@"^leaves out CL_OPTION_CCCV6 sub-option (\d)$")] private static partial Regex SubOptionOmitted();
    [GeneratedRegex(@"^signals the realm (\S+)$")] private static partial Regex Realm();
    [GeneratedRegex(@"^arrives (\d+) ms after the primary's$")] private static partial Regex Late();
    [GeneratedRegex(@"^offers the link-local address (\S+)$")] private static partial Regex LinkLocalOffer();
    [GeneratedRegex(@"^names the TFTP server (\S+) and the file (\S+)$")] private static partial Regex TftpAndFile();

    // ---------------------------------------------------------------- what the eCM is given

    [Given(@"^the eCM is given the wildcard DSS_ID$")]
    public void GivenWildcard() => plan.EcmEdits.Add(e => e with { EueDssIdPrimary = DssId.AnyServer, EueDssIdSecondary = null });

    [Given(@"^the eCM is given a 32-octet primary DSS_ID$")]
    public void GivenLongDssId() => plan.EcmEdits.Add(e => e with { EueDssIdPrimary = LongDssId });

    // ---------------------------------------------------------------- the eUE's records

    [Given(@"^the eUE's realm is the Secure realm (\S+)$")]
    public void GivenSecureRealm(string realm) => plan.Realm = realm;

    [Given(@"^the eUE's DHCPv6 server leases it (\S+)$")]
    public void GivenEueV6Address(string address) =>
        plan.EueEdits.Add(e => e with { Ipv6Addresses = [IPAddress.Parse(address)] });

    [Given(@"^the eUE's DHCPv4 server leases it (\S+) in (\S+)/(\d+) behind the router (\S+)$")]
    public void GivenEueV4Subnet(string address, string network, int prefix, string router)
    {
        if (!IPAddress.TryParse(network, out _)) throw new ArgumentException($"{network} is not an IPv4 network");
        plan.EueEdits.Add(e => e with { Ipv4Addresses = [IPAddress.Parse(address)] });
        var mask = new IPAddress(System.Buffers.Binary.BinaryPrimitives.ReverseEndianness(uint.MaxValue << (32 - prefix)));
        foreach (var kind in new[] { "OFFER", "ACK" })
            plan.HeadendSetup.Add(h => h.EueDhcpV4.Overrides.Add(
                Override.AlterOption(kind, "1", mask.GetAddressBytes()),
                Override.AlterOption(kind, "3", IPAddress.Parse(router).GetAddressBytes())));
    }

    [Given(@"^the eUE's IPv6 lease has T1 of (\d+) seconds and T2 of (\d+) seconds$")]
    public void GivenLeaseTimes(uint t1, uint t2) =>
        plan.NetworkEdits.Add(n => n with { Ipv6 = (n.Ipv6 ?? throw new InvalidOperationException("the lab has no IPv6 plan")) with { T1 = t1, T2 = t2 } });

    // ---------------------------------------------------------------- renewals (6.3.5)

    /// <summary>Overrides selected by the request (RENEW, REBIND) apply to the REPLY that answers it, and to nothing else.</summary>
    [Given(@"^the headend answers the eUE's renewals with (.+)$")]
    public void GivenRenewalAnswer(string change)
    {
        var edits = new List<Func<MessageSelector, Override>>();
        Match m;
        if ((m = RenewalAddress().Match(change)).Success)
        {
            var a = IPAddress.Parse(m.Groups[1].Value).ToString();
            edits.Add(w => new SetField(w, "ia_na.address", a));
        }
        else if ((m = RenewalDns().Match(change)).Success)
        {
            var a = IPAddress.Parse(m.Groups[1].Value);
            HoldAddress(a);
            edits.Add(w => new SetOption(w, OptionPath.Parse("23"), a.GetAddressBytes()));
        }
        else if ((m = RenewalSyslog().Match(change)).Success)
        {
            var a = IPAddress.Parse(m.Groups[1].Value);
            HoldAddress(a);
            edits.Add(w => new SetOption(w, OptionPath.Parse("17.34"), a.GetAddressBytes()));
        }
        else if ((m = TftpAndFile().Match(change.Replace("the TFTP server", "names the TFTP server", StringComparison.Ordinal))).Success)
        {
            var a = IPAddress.Parse(m.Groups[1].Value);
            var file = Encoding.ASCII.GetBytes(m.Groups[2].Value);
            edits.Add(w => new SetOption(w, OptionPath.Parse("17.32"), a.GetAddressBytes()));
            edits.Add(w => new SetOption(w, OptionPath.Parse("17.33"), file));
        }
        else if ((m = RenewalFqdn().Match(change)).Success)
        {
            var fqdn = new ClientFqdn(FqdnFlags.S, m.Groups[1].Value, true).ToOption().Data.ToArray();
            edits.Add(w => new SetOption(w, OptionPath.Parse("20"), []));
            edits.Add(w => new SetOption(w, OptionPath.Parse("39"), fqdn));
        }
        else if ((m = RenewalCccv6().Match(change)).Success)
        {
            var entity = ProvSnmpEntity.FromFqdn(m.Groups[1].Value).Value.ToArray();
            var realm = DnsLabels.Encode(m.Groups[2].Value);
            edits.Add(w => Cccv6(w, 3, entity));
            edits.Add(w => Cccv6(w, 6, realm));
        }
        else throw new ArgumentException($"no renewal answer is known as '{change}'");
        foreach (var request in new[] { "RENEW", "REBIND" })
            EueDhcp([.. edits.Select(e => e(MessageSelector.Received(request)))]);
    }

    [GeneratedRegex(@"^the address (\S+)$")] private static partial Regex RenewalAddress();
    [GeneratedRegex(@"^the DNS server (\S+)$")] private static partial Regex RenewalDns();
    [GeneratedRegex(@"^the syslog server (\S+)$")] private static partial Regex RenewalSyslog();
    [GeneratedRegex(@"^Reconfigure Accept and the FQDN (\S+)$")] private static partial Regex RenewalFqdn();
    [GeneratedRegex(@"^the provisioning server (\S+) and the realm (\S+)$")] private static partial Regex RenewalCccv6();

    /// <summary>The file is held back by ignoring read requests; <see cref="RenewalSteps"/> lets it go once the renewal is done.</summary>
    [Given(@"^the Configuration Server holds back the eUE's file until the eUE has renewed its lease$")]
    public void GivenFileHeldBack()
    {
        // Only the eUE's file: the eCM's DOCSIS file (CM5/CM6) must still come, or the eUE never starts.
        plan.HeadendSetup.Add(h => h.Tftp.Overrides.Add(new Drop(MessageSelector.Received("RRQ")
            .Matching(m => m is Protocols.Tftp.TftpReadRequest r && r.Filename.TrimStart('/') == LabAddresses.ConfigFileName))));
        scenario[RenewalSteps.FileHeldBack] = true;
    }

    // ---------------------------------------------------------------- the router and the eCM's ToD

    [Given(@"^the router does not answer$")]
    public void GivenRouterSilent() => plan.HeadendSetup.Add(h => Router(h).Overrides.Add(Override.Silence()));

    [Given(@"^the router advertises with the M flag clear$")]
    public void GivenRouterUnmanaged() => plan.HeadendSetup.Add(h => Router(h).Overrides.Add(new SetField(MessageSelector.Sent("RA"), "m", "0")));

    [Given(@"^the ToD server ignores the eCM's first (\d+) requests$")]
    public void GivenTodDrops(int count) => plan.HeadendSetup.Add(h =>
    {
        for (int i = 1; i <= count; i++) h.TimeOfDay.Overrides.Add(Override.DropNth("REQUEST", i, Direction.Received));
    });

    static Headend.Servers.Router.RouterAdvertiser Router(Headend.Composition.Headend h) =>
        h.Router ?? throw new InvalidOperationException("the headend runs no router advertiser (no IPv6 plan or service)");

    // ---------------------------------------------------------------- another node on the link

    [When(@"^the E-UE is powered on while another node already uses the eUE's link-local address$")]
    public Task WhenLinkLocalTaken()
    {
        var address = Ipv6Facts.LinkLocalOf(lab.EueMac.GetAddressBytes());
        scenario[LinkLocalSteps.ConflictAddress] = address;
        HoldAddress(address, 64);
        return lab.PowerOnAsync();
    }

    [When(@"^the E-UE is powered on while another node already uses the first IPv6 address the headend leases to the eUE$")]
    public Task WhenLeaseTaken()
    {
        plan.HeadendSetup.Add(h =>
        {
            var address = h.Database.FindEue(lab.EueMac)?.Ipv6Addresses.FirstOrDefault()
                ?? throw new InvalidOperationException("the eUE's record has no IPv6 address to lease");
            scenario[LinkLocalSteps.ConflictAddress] = address;
            Hold(h, address, 64);
        });
        return lab.PowerOnAsync();
    }

    /// <summary>See PowerSteps.ResetCursor (the reset step lives there).</summary>
    public const string ResetCursor = Dut.PowerSteps.ResetCursor;

    /// <summary>The headend takes <paramref name="address"/> on its interface (with DAD) before the device starts: it answers for it from then on.</summary>
    void HoldAddress(IPAddress address, int prefixLength = 64) => plan.HeadendSetup.Add(h => Hold(h, address, prefixLength));

    static void Hold(Headend.Composition.Headend h, IPAddress address, int prefixLength)
    {
        // Runs while the test bed starts, before the DUT is attached: on the simulation the call runs the fabric
        // to its end (one DAD period); on the real fabrics the actor thread does it.
        var result = h.Host.AssignAddressAsync(new InterfaceAddress(address, prefixLength)).GetAwaiter().GetResult();
        if (result != AddressAssignment.Assigned) throw new InvalidOperationException($"the headend could not take {address}: {result}");
    }

    void EueDhcp(params Override[] overrides) => plan.HeadendSetup.Add(h => h.EueDhcpV6.Overrides.Add(overrides));
}
