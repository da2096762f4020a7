using EUeConformance.Protocols.Dhcp6;
using FluentAssertions;
using Xunit;

namespace EUeConformance.Tests.Protocols.Dhcp6;

/// <summary>The option tables are data: their rows match the codes, names and formats of the sources cited.</summary>
public class OptionTableTests
{
    [Theory]
    [InlineData(1, "OptionClientId", OptionFormat.Duid)]
    [InlineData(3, "OptionIaNa", OptionFormat.Record)]
    [InlineData(5, "OptionIaAddr", OptionFormat.Record)]
    [InlineData(6, "OptionOro", OptionFormat.UInt16)]
    [InlineData(8, "OptionElapsedTime", OptionFormat.UInt16)]
    [InlineData(9, "OptionRelayMsg", OptionFormat.DhcpMessage)]
    [InlineData(14, "OptionRapidCommit", OptionFormat.Empty)]
    [InlineData(16, "OptionVendorClass", OptionFormat.VendorClass)]
    [InlineData(17, "OptionVendorOpts", OptionFormat.VendorOpts)]
    [InlineData(20, "OptionReconfAccept", OptionFormat.Empty)]
    [InlineData(23, "OptionDnsServers", OptionFormat.Ipv6Address)]
    [InlineData(24, "OptionDomainList", OptionFormat.Fqdn)]
    [InlineData(39, "OptionFqdn", OptionFormat.ClientFqdn)]
    public void The_dhcp6_space_defines_the_options_of_the_eUE_flows(int code, string name, OptionFormat format)
    {
        var d = Dhcp6OptionSpaces.Dhcp6[(ushort)code];
        d.Name.Should().Be(name);
        d.Format.Should().Be(format);
    }

    [Theory]
    [InlineData(1, "ClOptionOro")]
    [InlineData(2, "ClOptionDeviceType")]
    [InlineData(4, "ClOptionDeviceSerialNumber")]
    [InlineData(10, "ClOptionVendorName")]
    [InlineData(32, "ClOptionTftpServers")]
    [InlineData(35, "ClOptionModemCapabilities")]
    [InlineData(36, "ClOptionDeviceId")]
    [InlineData(39, "ClOptionIpPref")]
    [InlineData(2170, "ClOptionCcc")]
    [InlineData(2171, "ClOptionCccv6")]
    public void The_vendor_4491_space_uses_the_CL_CANN_names(int code, string name) =>
        Dhcp6OptionSpaces.Vendor4491[(ushort)code].Name.Should().Be(name);

    [Fact]
    public void CCC_and_CCCV6_encapsulate_their_own_sub_option_spaces()
    {
        Dhcp6OptionSpaces.Vendor4491[ClOptionCode.Ccc].EncapsulatedSpace.Should().BeSameAs(Dhcp6OptionSpaces.Ccc);
        Dhcp6OptionSpaces.Vendor4491[ClOptionCode.Cccv6].EncapsulatedSpace.Should().BeSameAs(Dhcp6OptionSpaces.Cccv6);
        Dhcp6OptionSpaces.Dhcp6[Dhcp6OptionCode.IaNa].EncapsulatedSpace.Should().BeSameAs(Dhcp6OptionSpaces.Dhcp6);
        Dhcp6OptionSpaces.Cccv6.Definitions.Select(d => (int)d.Code).Should().Equal(1, 2, 3, 4, 5, 6, 7, 8, 9);
        Dhcp6OptionSpaces.Ccc.Definitions.Select(d => d.Name).Should().Equal("PrimaryDhcpServer", "SecondaryDhcpServer");
        Dhcp6OptionSpaces.ForEnterprise(4491).Should().BeSameAs(Dhcp6OptionSpaces.Vendor4491);
        Dhcp6OptionSpaces.ForEnterprise(9).Should().BeNull();
    }

    [Fact]
    public void Record_sizes_follow_RFC_3315()
    {
        Dhcp6OptionSpaces.Dhcp6[Dhcp6OptionCode.IaNa].FixedSize.Should().Be(12, "IAID, T1, T2 (§22.4)");
        Dhcp6OptionSpaces.Dhcp6[Dhcp6OptionCode.IaAddr].FixedSize.Should().Be(24, "address, preferred and valid lifetimes (§22.6)");
        Dhcp6OptionSpaces.Dhcp6[Dhcp6OptionCode.Auth].FixedSize.Should().Be(11, "protocol, algorithm, RDM, replay detection (§22.11)");
        Dhcp6OptionSpaces.Cccv6[ClCccv6SubOption.AsReqAsRepBackoff].FixedSize.Should().Be(12);
    }

    [Fact]
    public void Every_definition_names_a_Wireshark_field()
    {
        foreach (var space in new[] { Dhcp6OptionSpaces.Dhcp6, Dhcp6OptionSpaces.Vendor4491, Dhcp6OptionSpaces.Ccc, Dhcp6OptionSpaces.Cccv6 })
            space.Definitions.Should().OnlyContain(d => d.Field.StartsWith("dhcpv6."), space.Name);
    }

    [Fact]
    public void A_code_the_table_does_not_know_has_no_definition() =>
        Dhcp6OptionSpaces.Dhcp6.Find(15).Should().BeNull("OPTION_USER_CLASS is framed and kept, not typed");
}
