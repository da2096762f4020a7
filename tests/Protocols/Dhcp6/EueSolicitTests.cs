using EUeConformance.Protocols.Dhcp;
using EUeConformance.Protocols.Dhcp6;
using FluentAssertions;
using Xunit;

namespace EUeConformance.Tests.Protocols.Dhcp6;

/// <summary>The eUE-1 SOLICIT of EUE-PROV Table 5, built, encoded, decoded and read back through the typed accessors.</summary>
public class EueSolicitTests
{
    static readonly EueSolicitParameters P = Dhcp6Samples.Parameters;

    [Fact]
    public void Every_Table_5_value_reads_back_after_a_round_trip_through_the_wire()
    {
        var m = Dhcp6Message.Decode(EueSolicit.Build(P).Encode());

        m.Type.Should().Be(Dhcp6MessageType.Solicit);
        m.TransactionId.Should().Be(P.TransactionId);
        m.ClientId.Should().Be(P.ClientDuid);
        m.IaNa!.Iaid.Should().Be(P.Iaid);
        m.IaNa.T1.Should().Be(0);
        m.IaNa.T2.Should().Be(0);
        m.ElapsedTime.Should().Be(0);
        m.ClientFqdn.Should().Be(ClientFqdn.EueSolicit, "S=1, N=0, O=0 and an empty domain name");
        m.OptionRequest.Should().Equal(Dhcp6OptionCode.Fqdn, Dhcp6OptionCode.DnsServers);
        m.VendorClass!.IsPktc20.Should().BeTrue();
        m.RapidCommit.Should().BeFalse("Rapid Commit MUST NOT be used");
        m.ServerId.Should().BeNull();

        var cl = m.CableLabs!;
        cl.DeviceType.Should().Be(P.DeviceType);
        cl.DeviceSerialNumber.Should().Be(P.DeviceSerialNumber);
        cl.HardwareVersionNumber.Should().Be(P.HardwareVersionNumber);
        cl.SoftwareVersionNumber.Should().Be(P.SoftwareVersionNumber);
        cl.BootRomVersion.Should().Be(P.BootRomVersion);
        cl.VendorOui!.Value.ToArray().Should().Equal(P.VendorOui.ToArray());
        cl.ModelNumber.Should().Be(P.ModelNumber);
        cl.VendorName.Should().Be(P.VendorName);
        cl.DeviceId!.Value.ToArray().Should().Equal(Dhcp6Samples.EueMac);
        cl.OptionRequest.Should().Equal(ClOptionCode.TftpServers, ClOptionCode.ConfigFileName, ClOptionCode.SyslogServers, ClOptionCode.Cccv6);
        var caps = cl.ModemCapabilities!;
        caps.Find(EueCapability.PacketCableVersion)!.Value.ToArray().Should().Equal(2);
        caps.Find(EueCapability.TgtSupport)!.Value.ToArray().Should().Equal(1);
        caps.Find(EueCapability.HttpDownloadFileAccessMethodSupport)!.Value.ToArray().Should().Equal(1);
        caps.Find(EueCapability.CertificateBootstrappingSupport)!.Value.ToArray().Should().Equal(1);
    }

    [Fact]
    public void The_SOLICIT_holds_exactly_the_Table_5_options_and_the_vendor_options_2_4_to_10_35_36_and_CL_ORO()
    {
        var m = EueSolicit.Build(P);
        m.Options.Select(o => o.Code).Should().Equal(
            Dhcp6OptionCode.ClientId, Dhcp6OptionCode.IaNa, Dhcp6OptionCode.ElapsedTime, Dhcp6OptionCode.Fqdn,
            Dhcp6OptionCode.Oro, Dhcp6OptionCode.VendorClass, Dhcp6OptionCode.VendorOpts);
        m.CableLabs!.Options.Select(o => o.Code).Should().Equal(1, 2, 4, 5, 6, 7, 8, 9, 10, 35, 36);
        m.VendorOptions(CableLabs.EnterpriseNumber)!.EnterpriseNumber.Should().Be(4491);
    }

    [Fact]
    public void The_eUE_3_REQUEST_asks_for_the_same_options_as_the_SOLICIT_and_names_the_server()
    {
        var solicit = EueSolicit.Build(P);
        var request = Dhcp6Message.Decode(Dhcp6Samples.Request().Encode());
        request.Type.Should().Be(Dhcp6MessageType.Request);
        request.ServerId.Should().Be(Dhcp6Samples.ServerDuid);
        request.OptionRequest.Should().Equal(solicit.OptionRequest);
        request.CableLabs!.OptionRequest.Should().Equal(solicit.CableLabs!.OptionRequest);
        request.IaNa!.Addresses.Single().Address.Should().Be(Dhcp6Samples.AssignedAddress);
    }

    [Fact]
    public void The_ADVERTISE_and_REPLY_carry_CCCV6_with_the_responding_DSS_ID_the_provisioning_server_and_the_realm()
    {
        foreach (var m in new[] { Dhcp6Samples.Advertise(), Dhcp6Samples.Reply() })
        {
            var decoded = Dhcp6Message.Decode(m.Encode());
            var cccv6 = decoded.CableLabs!.Cccv6!;
            cccv6.PrimaryDssId!.Value.Matches(DssId.FromAscii(Dhcp6Samples.DssIdText)).Should().BeTrue();
            cccv6.SecondaryDssId.Should().BeNull("a server MUST NOT send sub-option 2 to the eUE");
            cccv6.ProvSnmpEntity!.Fqdn.Should().Be(Dhcp6Samples.ProvisioningServerFqdn);
            cccv6.KerberosRealm.Should().Be("BASIC.1");
            cccv6.AsReqAsRepBackoff.Should().Be(new KerberosBackoff(10_000, 100, 3));
            cccv6.ApReqApRepBackoff.Should().Be(new KerberosBackoff(5_000, 60, 5));
            cccv6.FetchTgt.Should().BeTrue();
            cccv6.ProvisioningTimer.Should().Be(10);
            cccv6.TicketControl.Should().Be(3);
            decoded.CableLabs.TftpServers.Should().Equal(Dhcp6Samples.TftpServer);
            decoded.CableLabs.SyslogServers.Should().Equal(Dhcp6Samples.SyslogServer);
            decoded.CableLabs.ConfigFileName.Should().Be("eue-0001.cfg");
            decoded.DnsServers.Should().Equal(Dhcp6Samples.DnsServer);
            decoded.IaNa!.Addresses.Single().Address.Should().Be(Dhcp6Samples.AssignedAddress);
        }
        Dhcp6Message.Decode(Dhcp6Samples.Reply().Encode()).ReconfigureAccept.Should().BeTrue();
        Dhcp6Message.Decode(Dhcp6Samples.Advertise().Encode()).Preference.Should().Be(255);
    }

    [Fact]
    public void The_relayed_SOLICIT_comes_out_of_RELAY_FORW_with_its_offsets_in_the_outer_datagram()
    {
        var relay = Dhcp6Message.Decode(Dhcp6Samples.RelayForw().Encode());
        relay.IsRelay.Should().BeTrue();
        relay.HopCount.Should().Be(0);
        relay.LinkAddress.Should().Be(Dhcp6Samples.RelayLinkAddress);
        relay.PeerAddress.Should().Be(Dhcp6Samples.EueLinkLocal);
        relay.InterfaceId!.Value.ToArray().Should().Equal("cable-mac1"u8.ToArray());
        var inner = relay.RelayedMessage!;
        inner.Should().Be(Dhcp6Samples.Solicit());
        // 34 (relay header) + 14 (interface-id option) + 4 (relay-msg header) = 52: the inner message starts there.
        inner.Options[0].Offset.Should().Be(52 + 4);
        inner.CableLabs!.DeviceType.Should().Be("EDVA");
    }

    [Fact]
    public void RECONFIGURE_names_the_message_to_send()
    {
        var m = Dhcp6Message.Decode(Dhcp6Samples.Reconfigure().Encode());
        m.ReconfigureMessage.Should().Be(Dhcp6MessageType.Renew);
        m.Find(Dhcp6OptionCode.Auth)!.Value.Length.Should().Be(11 + 17);
    }
}
