using System.Net;
using EUeConformance.Device.Ecm;
using EUeConformance.Device.Options;
using EUeConformance.Protocols.Dhcp;
using EUeConformance.Protocols.Dhcp4;
using EUeConformance.Protocols.Dhcp6;
using FluentAssertions;
using Xunit;

namespace EUeConformance.Tests.Device;

/// <summary>EUE-PROV 6.3.1 Tables 2-3 (CM1, CM3) and 6.3.2.1 Table 4, decision by decision.</summary>
public sealed class EcmDecisionTests
{
    static readonly EueOptionRequest Dual = EueOptionRequest.For(IpModeSupport.DualStack);
    static readonly EueOptionRequest V4Only = EueOptionRequest.For(IpModeSupport.Ipv4);
    static readonly EueOptionRequest V6Only = EueOptionRequest.For(IpModeSupport.Ipv6);

    static byte[] Prl(IReadOnlyList<DhcpOption> options) => options.Single(o => o.Code == DhcpOptionCode.ParameterRequestList).ToArray();
    static DhcpOption? Option125(IReadOnlyList<DhcpOption> options) => options.SingleOrDefault(o => o.Code == DhcpOptionCode.ViVendorSpecificInformation);

    [Fact] // T2-CM1-02a/b
    public void An_eCM_asks_for_option_122_in_option_55_only_when_its_eUE_supports_IPv4()
    {
        Prl(new EcmDhcpv4Options().Build(V4Only)).Should().Contain(122);
        Prl(new EcmDhcpv4Options().Build(V6Only)).Should().NotContain(122);
    }

    [Fact] // T2-CM1-03/04
    public void An_eCM_asks_for_CCCV6_in_CL_V4OPTION_ORO_only_when_its_eUE_supports_IPv6()
    {
        Option125(new EcmDhcpv4Options().Build(V4Only)).Should().BeNull();
        var v6 = CableLabsV4Options.Decode(VendorIdentifyingData.Decode(Option125(new EcmDhcpv4Options().Build(V6Only))!.Value, 0).Find(CableLabs.EnterpriseNumber)!.Data);
        v6.Oro.Should().Equal(CableLabsV4Options.Cccv6Code);
    }

    [Fact] // T2-CM1-05a/b
    public void A_dual_stack_eUE_makes_the_eCM_ask_for_122_CCCV6_and_IP_PREF()
    {
        var options = new EcmDhcpv4Options().Build(Dual);
        Prl(options).Should().Contain(122);
        var cl = CableLabsV4Options.Decode(VendorIdentifyingData.Decode(Option125(options)!.Value, 0).Find(CableLabs.EnterpriseNumber)!.Data);
        cl.Oro.Should().Equal(CableLabsV4Options.Cccv6Code, CableLabsV4Options.IpPrefCode);
    }

    [Theory] // T3-CM1v6-01a..d
    [InlineData(IpModeSupport.Ipv4, new ushort[] { ClOptionCode.Ccc })]
    [InlineData(IpModeSupport.Ipv6, new ushort[] { ClOptionCode.Cccv6 })]
    [InlineData(IpModeSupport.DualStack, new ushort[] { ClOptionCode.Ccc, ClOptionCode.Cccv6, ClOptionCode.IpPref })]
    public void CL_OPTION_ORO_carries_exactly_the_E_UE_requests_the_eUE_modes_call_for(IpModeSupport eue, ushort[] expected) =>
        EueOptionRequest.For(eue).ClOptionOro().Should().Equal(expected);

    static EueProvisioningOptions With(bool v4 = false, bool v6 = false, byte? pref = null) => new()
    {
        HasDhcpv4Servers = v4, Dhcpv4Primary = v4 ? IPAddress.Parse("10.0.0.1") : null,
        HasDhcpv6DssIds = v6, DssIdPrimary = v6 ? DssId.FromAscii("A") : null,
        IpPreference = pref,
    };

    [Fact] // T2-CM3-03
    public void An_offer_with_both_options_and_the_preference_takes_precedence()
    {
        new EcmOfferSelectionPolicy().Select([With(v4: true), With(v4: true, v6: true, pref: 2)], Dual, false).Should().Be(1);
    }

    [Fact] // T2-CM3-05
    public void Without_the_requested_options_the_eCM_retries_until_the_retries_are_spent_then_takes_any()
    {
        var policy = new EcmOfferSelectionPolicy();
        policy.Select([With()], Dual, eueRetriesExhausted: false).Should().BeNull();
        policy.Select([With()], Dual, eueRetriesExhausted: true).Should().Be(0);
    }

    [Fact] // T2-CM3-04: an option not requested is ignored
    public void An_unrequested_option_does_not_satisfy_the_eCM()
    {
        new EcmOfferSelectionPolicy().Select([With(v6: true)], V4Only, false).Should().BeNull();
    }

    [Theory] // 6.3.2.1 Table 4
    [InlineData(true, false, null, EueInitializationOutcome.StartIpv4)]
    [InlineData(false, true, null, EueInitializationOutcome.StartIpv6)]
    [InlineData(true, true, null, EueInitializationOutcome.StartIpv6)]
    [InlineData(true, true, (byte)1, EueInitializationOutcome.StartIpv4)]
    [InlineData(true, true, (byte)2, EueInitializationOutcome.StartIpv6)]
    [InlineData(false, false, null, EueInitializationOutcome.Dormant)]
    public void Table_4_decides_whether_and_in_which_mode_a_dual_stack_eUE_starts(bool v4, bool v6, byte? pref, EueInitializationOutcome expected) =>
        new EueInitializationPolicy().Decide(Dual, With(v4, v6, pref)).Outcome.Should().Be(expected);

    [Fact] // 6.3.2 ¶1: only requested options count
    public void An_IPv4_only_eUE_ignores_DSS_IDs_it_did_not_ask_for() =>
        new EueInitializationPolicy().Decide(V4Only, With(v4: false, v6: true)).Outcome.Should().Be(EueInitializationOutcome.Dormant);

    [Fact] // 6.3.2.2, 6.4.1.2
    public void Zero_address_or_zero_DSS_ID_shuts_the_eUE_down()
    {
        var policy = new EueInitializationPolicy();
        policy.Decide(V4Only, With(v4: true) with { Dhcpv4Primary = IPAddress.Any }).Outcome.Should().Be(EueInitializationOutcome.Shutdown);
        policy.Decide(V6Only, With(v6: true) with { DssIdPrimary = DssId.DoNotProvision }).Outcome.Should().Be(EueInitializationOutcome.Shutdown);
    }

    [Fact] // T2-CM4-03: the ACK is read, and only for what was requested
    public void The_eCM_reads_the_E_UE_options_of_a_DHCPv4_ACK()
    {
        var ack = DhcpMessage.ReplyTo(DhcpMessage.Create(DhcpMessageType.Request, 1, new byte[6]), DhcpMessageType.Ack, IPAddress.Parse("10.0.0.1"), IPAddress.Parse("10.0.0.10"),
            [ClientConfiguration.Create(primaryDhcpServer: IPAddress.Parse("10.0.0.2")).ToOption(),
             CableLabsV4Options.Create(cccv6: Cccv6DssIds.Create(DssId.FromAscii("X")), ipPref: IpPreference.Ipv4).ToOption()]);
        var read = EueProvisioningOptions.FromDhcpv4(ack, Dual);
        read.Dhcpv4Primary.Should().Be(IPAddress.Parse("10.0.0.2"));
        read.DssIdPrimary.Should().Be(DssId.FromAscii("X"));
        read.IpPreference.Should().Be(1);
        EueProvisioningOptions.FromDhcpv4(ack, V4Only).HasDhcpv6DssIds.Should().BeFalse();
    }
}
