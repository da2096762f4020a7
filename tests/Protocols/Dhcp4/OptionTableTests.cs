using EUeConformance.Protocols.Dhcp4;
using FluentAssertions;
using Xunit;

namespace EUeConformance.Tests.Protocols.Dhcp4;

/// <summary>The option tables are data, and they hold what the E-UE flows need.</summary>
public class OptionTableTests
{
    [Theory]
    [InlineData(1, "SubnetMask", OptionFormat.Ipv4Address, false)]
    [InlineData(3, "Router", OptionFormat.Ipv4Address, true)]
    [InlineData(6, "DomainNameServer", OptionFormat.Ipv4Address, true)]
    [InlineData(7, "LogServer", OptionFormat.Ipv4Address, true)]
    [InlineData(12, "HostName", OptionFormat.String, false)]
    [InlineData(15, "DomainName", OptionFormat.String, false)]
    [InlineData(43, "VendorEncapsulatedOptions", OptionFormat.Binary, false)]
    [InlineData(50, "RequestedIpAddress", OptionFormat.Ipv4Address, false)]
    [InlineData(51, "IpAddressLeaseTime", OptionFormat.UInt32, false)]
    [InlineData(52, "OptionOverload", OptionFormat.UInt8, false)]
    [InlineData(53, "DhcpMessageType", OptionFormat.UInt8, false)]
    [InlineData(54, "ServerIdentifier", OptionFormat.Ipv4Address, false)]
    [InlineData(55, "ParameterRequestList", OptionFormat.UInt8, true)]
    [InlineData(60, "VendorClassIdentifier", OptionFormat.String, false)]
    [InlineData(61, "ClientIdentifier", OptionFormat.ClientIdentifier, false)]
    [InlineData(82, "RelayAgentInformation", OptionFormat.Encapsulated, false)]
    [InlineData(122, "CableLabsClientConfiguration", OptionFormat.Encapsulated, false)]
    [InlineData(125, "ViVendorSpecificInformation", OptionFormat.ViVendorSpecific, false)]
    public void The_dhcp4_space_defines_the_options_of_the_E_UE_flows(int code, string name, OptionFormat format, bool array)
    {
        var d = OptionSpaces.Dhcp4.Find((byte)code);
        d.Should().NotBeNull();
        d!.Name.Should().Be(name);
        d.Format.Should().Be(format);
        d.Array.Should().Be(array);
    }

    [Fact]
    public void Encapsulating_options_name_their_sub_option_spaces()
    {
        OptionSpaces.Dhcp4.Find(122)!.Encapsulates.Should().BeSameAs(OptionSpaces.CableLabsClientConfiguration);
        OptionSpaces.Dhcp4.Find(82)!.Encapsulates.Should().BeSameAs(OptionSpaces.RelayAgentInformation);
        OptionSpaces.CableLabsV4.Find(123)!.Encapsulates.Should().BeSameAs(OptionSpaces.ClV4OptionCccv6);
        OptionSpaces.CableLabsClientConfiguration.Definitions.Select(d => (int)d.Code).Should().Contain([1, 2, 3, 4, 5, 6, 7, 8, 9]);
        OptionSpaces.CableLabsV4.NameOf(123).Should().Be("ClV4OptionCccv6");
        OptionSpaces.CableLabsV4.NameOf(124).Should().Be("ClV4OptionIpPref");
        OptionSpaces.CableLabsV4.NameOf(1).Should().Be("ClV4OptionOro");
    }

    [Fact]
    public void Pad_and_end_are_not_options_but_field_markers()
    {
        OptionSpaces.Dhcp4.PadAndEnd.Should().BeTrue();
        OptionSpaces.Dhcp4.Find(0).Should().BeNull();
        OptionSpaces.Dhcp4.Find(255).Should().BeNull();
        var act = () => new DhcpOption(255, [1]);
        act.Should().Throw<ArgumentException>();
    }

    [Fact]
    public void An_option_the_table_does_not_know_is_kept_byte_for_byte()
    {
        var bytes = RawDhcp.Build(1, 1, RawDhcp.CmMac, "350101 fb05 0001020304 e000 ff");
        var m = DhcpMessage.Decode(bytes);
        m.GetOption(251)!.Value.ToArray().Should().Equal(0, 1, 2, 3, 4);
        m.GetOption(251)!.Name.Should().Be("Option251");
        m.GetOption(224)!.Length.Should().Be(0);
        m.Encode().Should().Equal(bytes);
    }

    [Fact]
    public void Typed_reads_follow_the_definitions()
    {
        var m = DhcpMessage.Decode(Samples.EcmReply(DhcpMessageType.Offer).Encode());
        m.SubnetMask!.ToString().Should().Be("255.255.255.0");
        m.Routers!.Select(a => a.ToString()).Should().Equal("10.1.0.254");
        m.GetOption(DhcpOptionCode.TimeOffset)!.AsInt32().Should().Be(-18000);
        m.LogServers!.Single().ToString().Should().Be("10.1.0.5");
        m.LeaseTime.Should().Be(3600);
        m.ServerIdentifier.Should().Be(Samples.EcmDhcpServer);
    }
}
