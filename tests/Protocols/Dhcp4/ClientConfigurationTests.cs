using System.Net;
using EUeConformance.Protocols.Dhcp;
using EUeConformance.Protocols.Dhcp4;
using FluentAssertions;
using Xunit;

namespace EUeConformance.Tests.Protocols.Dhcp4;

/// <summary>Option 122, CableLabs Client Configuration (RFC 3495 §5, RFC 3594), and EUE-PROV 6.3.2.2's reserved server values.</summary>
public class ClientConfigurationTests
{
    [Fact]
    public void RFC_3495_5_1_DHCP_server_sub_options_are_code_len_4_address()
    {
        var c = ClientConfiguration.Decode(RawDhcp.Hex("01040a020001 0204c0a80101"));
        c.PrimaryDhcpServer.Should().Be(IPAddress.Parse("10.2.0.1"));
        c.SecondaryDhcpServer.Should().Be(IPAddress.Parse("192.168.1.1"));
        ClientConfiguration.Create(primaryDhcpServer: IPAddress.Parse("10.2.0.1")).Encode().Should().Equal(RawDhcp.Hex("01040a020001"));
    }

    [Fact]
    public void RFC_3495_5_2_provisioning_server_is_type_1_with_length_5_or_type_0_with_an_FQDN()
    {
        var ipv4 = ClientConfiguration.Decode(RawDhcp.Hex("030501 0a010005"));
        ipv4.ProvisioningServer!.Address.Should().Be(IPAddress.Parse("10.1.0.5"));
        ipv4.ProvisioningServer.Fqdn.Should().BeNull();

        var fqdn = ClientConfiguration.Decode(RawDhcp.Hex("031300 0470726f76076578616d706c65036e657400"));
        fqdn.ProvisioningServer!.Fqdn.Should().Be("prov.example.net");
        ProvisioningServerAddress.FromFqdn("prov.example.net").Encode().Should().Equal(RawDhcp.Hex("00 0470726f76076578616d706c65036e657400"));
        ProvisioningServerAddress.FromAddress(IPAddress.Parse("10.1.0.5")).Encode().Should().Equal(RawDhcp.Hex("01 0a010005"));
    }

    [Fact]
    public void The_realm_BASIC_1_is_encoded_as_DNS_labels_06_09_05_BASIC_01_1_00()
    {
        // protocol-facts 1.1: "06 09 05 42 41 53 49 43 01 31 00" (ISC template "\005BASIC\0011\000").
        ClientConfiguration.Create(kerberosRealm: "BASIC.1").Encode().Should().Equal(RawDhcp.Hex("0609054241534943013100"));
        ClientConfiguration.Decode(RawDhcp.Hex("0609054241534943013100")).KerberosRealm.Should().Be("BASIC.1");
    }

    [Theory]
    [InlineData("BASIC.1", ProvisioningFlow.Basic)]
    [InlineData("BASIC.2", ProvisioningFlow.Basic)]
    [InlineData("HYBRID.1", ProvisioningFlow.Hybrid)]
    [InlineData("HYBRID.2", ProvisioningFlow.Hybrid)]
    [InlineData("EXAMPLE.NET", ProvisioningFlow.Secure)]
    public void The_realm_selects_the_provisioning_flow(string realm, ProvisioningFlow flow) =>
        ClientConfiguration.Decode(ClientConfiguration.Create(kerberosRealm: realm).Encode()).Flow.Should().Be(flow);

    [Fact]
    public void Backoff_sub_options_are_three_uint32_nominal_maximum_retries()
    {
        var c = ClientConfiguration.Decode(RawDhcp.Hex("040c000000640000000a00000003 050c000000c80000001400000004"));
        c.AsReqBackoff.Should().Be(new KerberosBackoff(100, 10, 3));
        c.ApReqBackoff.Should().Be(new KerberosBackoff(200, 20, 4));
    }

    [Fact]
    public void Ticket_granting_timer_and_RFC_3594_ticket_control_are_one_one_and_two_bytes()
    {
        var c = ClientConfiguration.Decode(RawDhcp.Hex("070101 08011e 09020002"));
        c.TicketGrantingServerUtilization.Should().BeTrue();
        c.ProvisioningTimer.Should().Be(30);
        c.SecurityTicketControl.Should().Be(SecurityTicketControl.InvalidateAllCallManagementServerTickets);
    }

    [Fact]
    public void Primary_0_0_0_0_means_do_not_provision_and_255_255_255_255_any_server_EUE_PROV_6_3_2_2()
    {
        var off = ClientConfiguration.Create(primaryDhcpServer: IPAddress.Any);
        off.IsDoNotProvision.Should().BeTrue();
        off.Accepts(Samples.EueDhcpServer).Should().BeFalse();

        var any = ClientConfiguration.Create(primaryDhcpServer: IPAddress.Broadcast);
        any.AcceptsAnyServer.Should().BeTrue();
        any.Accepts(IPAddress.Parse("192.0.2.7")).Should().BeTrue();

        var named = ClientConfiguration.Create(primaryDhcpServer: Samples.EueDhcpServer, secondaryDhcpServer: IPAddress.Parse("10.2.0.2"));
        named.Accepts(IPAddress.Parse("10.2.0.2")).Should().BeTrue();
        named.Accepts(IPAddress.Parse("10.2.0.3")).Should().BeFalse();
    }

    [Fact]
    public void All_nine_sub_options_survive_a_round_trip_through_a_message()
    {
        var built = Samples.EueClientConfiguration();
        var m = DhcpMessage.Decode(Samples.EcmReply(DhcpMessageType.Ack).Encode());
        m.ClientConfiguration.Should().Be(built);
        m.ClientConfiguration!.SubOptions.Select(s => (int)s.Code).Should().Equal(1, 2, 3, 4, 5, 6, 7, 8, 9);
        m.ClientConfiguration.ProvisioningServer!.Fqdn.Should().Be("prov.example.net");
    }

    [Fact]
    public void An_unknown_sub_option_is_kept()
    {
        var c = ClientConfiguration.Decode(RawDhcp.Hex("0b03abcdef 01040a020001"));
        c.SubOptions[0].Code.Should().Be(11);
        c.SubOptions[0].Value.Should().Equal(0xAB, 0xCD, 0xEF);
        c.Encode().Should().Equal(RawDhcp.Hex("0b03abcdef 01040a020001"));
    }
}
