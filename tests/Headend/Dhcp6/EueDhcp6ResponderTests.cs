using System.Net;
using EUeConformance.Headend.Servers.Dhcp6;
using EUeConformance.Headend.Servers.Dns;
using EUeConformance.Protocols.Dhcp;
using EUeConformance.Protocols.Dhcp6;
using EUeConformance.Protocols.Dns;
using FluentAssertions;
using Xunit;
using static EUeConformance.Tests.Headend.Support.HeadendSamples;

namespace EUeConformance.Tests.Headend.Dhcp6;

/// <summary>The eUE's DHCPv6 servers, EUE-PROV 6.3.4.3, Table 5 (eUE-2, eUE-4) and 6.4.1.4.</summary>
public sealed class EueDhcp6ResponderTests
{
    static IReadOnlyList<Dhcp6Message> Advertises(EueDhcp6Responder s) => [.. s.Decide(EueSolicit(), From6()).Replies.Select(r => r.Message)];

    /// <summary>eUE-3: the REQUEST to the chosen server repeats the SOLICIT's options with that server's DUID.</summary>
    static Dhcp6Message RequestTo(Duid server, uint xid = 0x777) => global::EUeConformance.Protocols.Dhcp6.EueSolicit.BuildRequest(EueParameters(xid), server);

    [Fact]
    public void eUE_2_every_server_advertises_with_its_own_DUID_and_its_own_DSS_ID_in_CCCV6_sub_option_1()
    {
        var advertises = Advertises(new EueDhcp6Responder(SampleDatabase()));
        advertises.Select(a => a.ServerId).Should().Equal(Primary.Duid, Secondary.Duid);
        advertises.Select(a => a.CableLabs!.Cccv6!.PrimaryDssId).Should().Equal(PrimaryDssId, SecondaryDssId);
    }

    [Fact]
    public void Sub_option_2_never_goes_to_the_eUE_6_4_1_4()
    {
        Advertises(new EueDhcp6Responder(SampleDatabase())).Should().OnlyContain(a => a.CableLabs!.Cccv6!.SecondaryDssId == null);
    }

    [Fact]
    public void eUE_3_a_valid_ADVERTISE_has_CCCV6_sub_options_1_3_and_6()
    {
        var cccv6 = Advertises(new EueDhcp6Responder(SampleDatabase()))[0].CableLabs!.Cccv6!;
        cccv6.PrimaryDssId.Should().NotBeNull();
        cccv6.ProvSnmpEntity!.Fqdn.Should().Be("prov.example.net");
        cccv6.KerberosRealm.Should().Be(Realm);
    }

    [Fact]
    public void eUE_2_a_server_told_to_disable_the_eUE_sends_0_0_0_0_as_PROV_SNMP_ENTITY()
    {
        var cccv6 = Advertises(new EueDhcp6Responder(SampleDatabase(eue: e => e with { Disable = true })))[0].CableLabs!.Cccv6!;
        cccv6.ProvSnmpEntity!.IsShutdown.Should().BeTrue();
    }

    [Fact]
    public void The_IA_NA_address_the_eUE_leases_is_its_own_and_global()
    {
        var ia = Advertises(new EueDhcp6Responder(SampleDatabase()))[0].IaNa!;
        ia.Addresses.Single().Address.Should().Be(EueV6);
        ia.Addresses.Single().Address.IsIPv6LinkLocal.Should().BeFalse();
    }

    [Fact]
    public void eUE_4_the_REPLY_of_the_chosen_server_repeats_the_ADVERTISE_and_the_AAAA_record_is_added_6_2_2()
    {
        var zones = new DnsZoneStore(SampleDatabase().Zones);
        var server = new EueDhcp6Responder(SampleDatabase(), zones);
        var advertise = server.Decide(EueSolicit(0x777), From6()).Replies[1].Message;
        var reply = server.Decide(RequestTo(Secondary.Duid), From6()).Replies.Single();
        reply.Message.Type.Should().Be(Dhcp6MessageType.Reply);
        reply.Identity.Should().Be("secondary");
        reply.Message.Options.Should().Equal(advertise.Options);
        zones.RecordsAt(DnsName.Parse(EueFqdn)).Should().ContainSingle(r => r.Type == DnsType.Aaaa && r.Address!.Equals(EueV6));
    }

    [Fact]
    public void OPTION_FQDN_is_answered_with_the_eUE_FQDN_and_S_set_RFC_4704()
    {
        var fqdn = Advertises(new EueDhcp6Responder(SampleDatabase()))[0].ClientFqdn!;
        fqdn.DomainName.Should().Be(EueFqdn);
        fqdn.S.Should().BeTrue();
        fqdn.O.Should().BeFalse("the eUE asked for S=1 (Table 5 eUE-1), so nothing is overridden");
        fqdn.FlagViolations(FqdnSender.Server, FqdnFlags.S).Should().BeEmpty();
    }

    [Fact]
    public void The_Basic_flow_gets_TFTP_servers_and_the_file_name_in_CL_options_32_and_33()
    {
        var cl = Advertises(new EueDhcp6Responder(SampleDatabase(eue: e => e with { Flow = global::EUeConformance.Protocols.Dhcp4.ProvisioningFlow.Basic, Realm = null })))[0].CableLabs!;
        cl.TftpServers.Should().Equal(HeadendV6);
        cl.ConfigFileName.Should().Be(ConfigFileName);
        cl.Cccv6!.KerberosRealm.Should().Be("BASIC.1");
    }

    [Fact]
    public void eUE_4_a_DECLINE_is_acknowledged_and_the_next_SOLICIT_gets_another_address()
    {
        var server = new EueDhcp6Responder(SampleDatabase());
        server.Decide(EueSolicit(), From6());
        server.Decide(RequestTo(Primary.Duid), From6());
        var decline = Dhcp6Message.Create(Dhcp6MessageType.Decline, 0x888, Dhcp6Options.ClientId(EueDuid), Dhcp6Options.ServerId(Primary.Duid),
            IaNa.WithAddress(1, 0, 0, new IaAddress(EueV6, 0, 0)).ToOption());
        var reply = server.Decide(decline, From6()).Replies.Single().Message;
        reply.Status!.Value.Code.Should().Be(Dhcp6Status.Success);
        Advertises(server).Should().OnlyContain(a => a.IaNa!.Addresses.Single().Address.Equals(EueV6Spare));
    }

    [Fact]
    public void RENEW_is_answered_by_the_server_it_names_and_REBIND_by_the_one_holding_the_binding()
    {
        var server = new EueDhcp6Responder(SampleDatabase());
        server.Decide(EueSolicit(), From6());
        server.Decide(RequestTo(Secondary.Duid), From6());
        var ia = IaNa.WithAddress(1, 0, 0, new IaAddress(EueV6, 0, 0)).ToOption();
        var renew = Dhcp6Message.Create(Dhcp6MessageType.Renew, 0x901, Dhcp6Options.ClientId(EueDuid), Dhcp6Options.ServerId(Secondary.Duid), ia,
            new ClientFqdn(FqdnFlags.S, EueFqdn, true).ToOption());
        server.Decide(renew, From6()).Replies.Single().Identity.Should().Be("secondary");
        var rebind = Dhcp6Message.Create(Dhcp6MessageType.Rebind, 0x902, Dhcp6Options.ClientId(EueDuid), ia);
        var reply = server.Decide(rebind, From6()).Replies.Single();
        reply.Identity.Should().Be("secondary");
        reply.Message.IaNa!.Addresses.Single().ValidLifetime.Should().BeGreaterThan(0);
    }

    [Fact]
    public void A_SOLICIT_carrying_a_server_identifier_is_discarded_RFC_3315_15_2()
    {
        var solicit = EueSolicit().WithOptions([.. EueSolicit().Options, Dhcp6Options.ServerId(Primary.Duid)]);
        new EueDhcp6Responder(SampleDatabase()).Decide(solicit, From6()).IsSilent.Should().BeTrue();
    }

    [Fact]
    public void The_eUE_is_recognised_by_CL_OPTION_DEVICE_ID_even_with_a_DUID_that_has_no_MAC()
    {
        var p = EueParameters() with { ClientDuid = Duid.En(CableLabs.EnterpriseNumber, [7, 7, 7]) };
        var advertises = new EueDhcp6Responder(SampleDatabase()).Decide(global::EUeConformance.Protocols.Dhcp6.EueSolicit.Build(p), From6()).Replies;
        advertises.Should().HaveCount(2);
    }
}
