using System.Net;
using System.Net.NetworkInformation;
using EUeConformance.Device.Ecm;
using EUeConformance.Device.Eue;
using EUeConformance.Device.Eue.Flows;
using EUeConformance.Device.Eue.Ipv4;
using EUeConformance.Device.Eue.Ipv6;
using EUeConformance.Device.Options;
using EUeConformance.Protocols.Dhcp;
using EUeConformance.Protocols.Dhcp4;
using EUeConformance.Protocols.Dhcp6;
using FluentAssertions;
using Xunit;

namespace EUeConformance.Tests.Device;

/// <summary>The eUE's decisions, requirement by requirement: 6.2.1.2, 6.3.2.2, 6.3.3, 6.3.4, Table 5, 6.3.5, 6.6.1.</summary>
public sealed class EueDecisionTests
{
    static readonly IPAddress Server = IPAddress.Parse("10.0.0.1");
    static readonly DssId Dss = DssId.FromAscii("DSS-1");

    static DhcpMessage Offer(IPAddress serverId, bool withCcc = true) =>
        DhcpMessage.ReplyTo(DhcpMessage.Create(DhcpMessageType.Discover, 1, new byte[6]), DhcpMessageType.Offer, serverId, IPAddress.Parse("10.0.0.20"),
            withCcc ? [ClientConfiguration.Create(provisioningServer: ProvisioningServerAddress.FromAddress(Server), kerberosRealm: "BASIC.1").ToOption()] : []);

    static EueProvisioningOptions FromEcm(IPAddress primary) => new() { HasDhcpv4Servers = true, Dhcpv4Primary = primary };

    [Fact] // 6.3.2.2
    public void An_IPv4_eUE_accepts_an_offer_only_from_a_server_the_eCM_named() =>
        new OfferAcceptance().Accepts(Offer(IPAddress.Parse("10.9.9.9")), FromEcm(Server), out _).Should().BeFalse();

    [Fact] // 6.3.2.2
    public void With_255_255_255_255_an_IPv4_eUE_accepts_an_offer_from_any_server() =>
        new OfferAcceptance().Accepts(Offer(IPAddress.Parse("10.9.9.9")), FromEcm(IPAddress.Broadcast), out _).Should().BeTrue();

    [Fact] // PKT-PROV1.5 MTA-2
    public void An_offer_without_option_122_is_not_acceptable() =>
        new OfferAcceptance().Accepts(Offer(Server, withCcc: false), FromEcm(Server), out _).Should().BeFalse();

    [Fact] // 6.3.3, 6.6.1: option 60 "pktc2.0:" with 5.1 = 2; option 61 per RFC 4361
    public void The_IPv4_DISCOVER_names_the_eUE_pktc2_0_and_identifies_it_per_RFC_4361()
    {
        var options = new EueDhcpv4Options().Build(new DeviceIdentity(), new EueCapabilities());
        var message = DhcpMessage.Create(DhcpMessageType.Discover, 1, new byte[6], options);
        message.DeviceCapabilities!.Prefix.Should().Be("pktc2.0");
        message.DeviceCapabilities.PacketCableVersion.Should().Be(2);
        message.DeviceCapabilities.CertificateBootstrappingSupport.Should().NotBeNull();
        message.ClientIdentifier!.IsRfc4361.Should().BeTrue();
        message.ClientIdentifier.Duid.Should().Be(EueDuid.For(new DeviceIdentity().EueMac));
    }

    [Fact] // 6.3.4.1: EUI-64 link-local
    public void The_link_local_address_is_the_EUI_64_of_the_eUE_MAC() =>
        Eui64LinkLocal.For(PhysicalAddress.Parse("00-10-95-00-00-02")).Should().Be(IPAddress.Parse("fe80::210:95ff:fe00:2"));

    static Dhcp6Message Advertise(string realm = "BASIC.1", DssId? dss = null, ProvSnmpEntity? entity = null, IPAddress? address = null, DssId? secondary = null) =>
        Dhcp6Message.Create(Dhcp6MessageType.Advertise, 1,
            Dhcp6Options.ServerId(Duid.Ll(1, [1, 2, 3, 4, 5, 6])),
            IaNa.WithAddress(1, 0, 0, new IaAddress(address ?? IPAddress.Parse("2001:db8::20"), 100, 200)).ToOption(),
            Dhcp6Options.VendorOpts(CableLabs.EnterpriseNumber, ClOptions.Cccv6(ClOptionCccv6.Create(primaryDssId: dss ?? Dss, secondaryDssId: secondary,
                provSnmpEntity: entity ?? ProvSnmpEntity.FromAddress(IPAddress.Parse("2001:db8::1")), kerberosRealm: realm))));

    static EueProvisioningOptions Dsss(params DssId[] ids) => new() { HasDhcpv6DssIds = true, DssIdPrimary = ids[0], DssIdSecondary = ids.Length > 1 ? ids[1] : null };

    [Fact] // Table 5 eUE-3
    public void An_ADVERTISE_from_a_server_the_eCM_did_not_name_is_not_valid() =>
        new AdvertiseSelection().Assess(Advertise(dss: DssId.FromAscii("OTHER")), Dsss(Dss)).Valid.Should().BeFalse();

    [Fact] // 6.3.2.2, 6.4.1.4: FFFFFFFF means any server
    public void With_the_all_ones_DSS_ID_any_server_is_acceptable() =>
        new AdvertiseSelection().Assess(Advertise(dss: DssId.FromAscii("OTHER")), Dsss(DssId.AnyServer)).Valid.Should().BeTrue();

    [Fact] // 6.4.1.4: sub-option 2 identifies nothing
    public void Sub_option_2_of_an_ADVERTISE_does_not_make_it_acceptable() =>
        new AdvertiseSelection().Assess(Advertise(dss: DssId.FromAscii("OTHER"), secondary: Dss), Dsss(Dss)).Valid.Should().BeFalse();

    [Fact] // 6.2.1.2 bullet 4
    public void An_ADVERTISE_offering_a_link_local_address_is_rejected() =>
        new AdvertiseSelection().Assess(Advertise(address: IPAddress.Parse("fe80::99")), Dsss(Dss)).Valid.Should().BeFalse();

    [Fact] // Table 5 eUE-3 priority
    public void Secure_beats_Hybrid_beats_Basic()
    {
        var (choice, chosen) = new AdvertiseSelection().Choose([Advertise("BASIC.1"), Advertise("HYBRID.2"), Advertise("EXAMPLE.COM")], Dsss(Dss), _ => { });
        choice.Should().Be(AdvertiseChoice.Request);
        chosen!.CableLabs!.Cccv6!.KerberosRealm.Should().Be("EXAMPLE.COM");
    }

    [Fact] // Table 5 eUE-3
    public void Only_0_0_0_0_ADVERTISEs_disable_the_eUE() =>
        new AdvertiseSelection().Choose([Advertise(entity: ProvSnmpEntity.Shutdown)], Dsss(Dss), _ => { }).Choice.Should().Be(AdvertiseChoice.Disable);

    [Fact] // Table 5 eUE-3
    public void A_0_0_0_0_ADVERTISE_loses_to_any_other() =>
        new AdvertiseSelection().Choose([Advertise("EXAMPLE.COM", entity: ProvSnmpEntity.Shutdown), Advertise("BASIC.1")], Dsss(Dss), _ => { })
            .Chosen!.CableLabs!.Cccv6!.KerberosRealm.Should().Be("BASIC.1");

    [Fact] // Table 5 eUE-1 / 6.3.4.3: exactly the listed options, no Rapid Commit
    public void The_SOLICIT_carries_the_Table_5_options_and_no_Rapid_Commit()
    {
        var builder = new EueSolicitBuilder();
        var solicit = builder.Solicit(builder.Parameters(new DeviceIdentity(), new EueCapabilities(), EueDuid.For(new DeviceIdentity().EueMac), 7, 0));
        solicit.RapidCommit.Should().BeFalse();
        solicit.ClientFqdn!.IsEmpty.Should().BeTrue();
        solicit.ClientFqdn.Flags.Should().Be(FqdnFlags.S);
        solicit.VendorClass!.IsPktc20.Should().BeTrue();
        solicit.CableLabs!.DeviceId!.Value.ToArray().Should().Equal(new DeviceIdentity().EueMac.GetAddressBytes());
        solicit.CableLabs.OptionRequest.Should().Equal(ClOptionCode.TftpServers, ClOptionCode.ConfigFileName, ClOptionCode.SyslogServers, ClOptionCode.Cccv6);
        solicit.CableLabs.ModemCapabilities!.Find(1)!.Value.ToArray().Should().Equal([2]);
    }

    [Fact] // 6.3.5 ¶11
    public void A_RENEW_carries_the_last_known_FQDN()
    {
        var builder = new EueSolicitBuilder();
        var p = builder.Parameters(new DeviceIdentity(), new EueCapabilities(), EueDuid.For(new DeviceIdentity().EueMac), 7, 0);
        var renew = builder.Renew(p, Duid.Ll(1, [1, 2, 3, 4, 5, 6]), null, new RenewalPolicy().RenewalFqdn("eue1.example.net"));
        renew.Type.Should().Be(Dhcp6MessageType.Renew);
        renew.ClientFqdn!.DomainName.TrimEnd('.').Should().Be("eue1.example.net");
    }

    static EueIpConfiguration Config(string address = "10.0.0.20", string dns = "10.0.0.1", string syslog = "10.0.0.1", string? file = "a.cfg") => new()
    {
        Mode = IpAddressingMode.Ipv4, Address = IPAddress.Parse(address), DnsServers = [IPAddress.Parse(dns)], SyslogServers = [IPAddress.Parse(syslog)],
        ConfigFileName = file, Reply = new object(),
    };

    [Fact] // 6.3.5 ¶3
    public void A_renewal_with_another_address_reinitialises() =>
        new RenewalPolicy().Decide(Config(), Config(address: "10.0.0.21")).Action.Should().Be(RenewalAction.Reinitialize);

    [Fact] // 6.3.5 ¶5
    public void New_DNS_and_syslog_servers_are_adopted_without_reinitialising()
    {
        var d = new RenewalPolicy().Decide(Config(), Config(dns: "10.0.0.2", syslog: "10.0.0.3"));
        d.Action.Should().Be(RenewalAction.Adopt);
        d.Configuration.DnsServers.Should().Equal(IPAddress.Parse("10.0.0.2"));
        d.Configuration.SyslogServers.Should().Equal(IPAddress.Parse("10.0.0.3"));
    }

    [Fact] // 6.3.5 ¶6
    public void A_changed_file_field_is_ignored_on_renewal()
    {
        var d = new RenewalPolicy().Decide(Config(), Config(file: "other.cfg"));
        d.Action.Should().Be(RenewalAction.Keep);
        d.Configuration.ConfigFileName.Should().Be("a.cfg");
    }

    [Theory] // 6.3.3 and eUE-22
    [InlineData(IpAddressingMode.Ipv4, true, 1448)]
    [InlineData(IpAddressingMode.Ipv4, false, null)]
    [InlineData(IpAddressingMode.Ipv6, false, 1428)]
    public void The_TFTP_blocksize_follows_the_mode(IpAddressingMode mode, bool icsBlksize, int? expected) =>
        new FlowPolicy().TftpBlockSize(mode, new DeviceIcs { TftpBlockSize = icsBlksize }).Should().Be(expected);

    [Fact] // 6.2.1.2 bullet 1
    public void The_eUE_and_the_eCM_have_different_MACs() =>
        new DeviceIdentity().EueMac.Should().NotBe(new DeviceIdentity().EcmMac);
}
