using System.Net;
using EUeConformance.Device.Ecm;
using EUeConformance.Device.Eue;
using EUeConformance.Device.Eue.Mib;
using EUeConformance.Device.Options;
using FluentAssertions;
using Xunit;
using Xunit.Abstractions;
using static EUeConformance.Tests.Device.Interop.LabPlan;

namespace EUeConformance.Tests.Device.Interop;

/// <summary>
/// The reference E-UE in IPv6 mode (eCM DHCPv6: EUE-PROV 6.3.1 Table 3; eUE link-local, router discovery, DHCPv6:
/// 6.3.4, Table 5) through the BASIC.2 flow against Debian's servers in network namespaces: Kea DHCPv6 with the
/// CableLabs vendor options, radvd, xinetd (RFC 868), dnsmasq, tftpd-hpa, rsyslog and snmptrapd.
/// </summary>
[Collection("InteropCollection")]
public sealed class KeaIpv6ModeTests(ITestOutputHelper output)
{
    /// <summary>The headend's EUI-64 link-local address (02:00:00:00:00:01 with the U/L bit flipped): radvd's RAs come from it.</summary>
    static readonly IPAddress RouterLinkLocal = IPAddress.Parse("fe80::ff:fe00:1");

    [Fact]
    public async Task Basic2_in_IPv6_mode_leases_from_Kea_after_radvd_resolves_with_dnsmasq_downloads_from_tftpd_hpa_logs_to_rsyslog_and_informs_snmptrapd()
    {
        await using var lab = await DebianLab.StartAsync();
        var boot = await Basic2Boot.RunAsync(lab, IpAddressingMode.Ipv6);
        output.WriteLine($"boot took {boot.BootTime.TotalSeconds:F1} s; lab folder {lab.Dir}");
        boot.Provisioned.Should().BeTrue(boot.Story());

        // ---- Kea DHCPv6: the eCM's lease with the 4491 vendor options (Table 3 CM2v6-CM4v6) ----
        var ecm = await lab.OnDeviceAsync(d => (Lease: d.Ecm.Dhcpv6!.LeasedAddress?.Address, d.Ecm.Dhcpv6.EueOptions, d.Ecm.EueInitialization, Addresses: d.EcmHost.Addresses.ToList(),
            Router: d.Ecm.RouterDiscovery!.Router));
        ecm.Lease.Should().Be(EcmV6, boot.Story());
        new IPAddress(ecm.Router!.GetAddressBytes()).Should().Be(RouterLinkLocal, "the eCM's router discovery (Table 3 CM1v6, as in DOCSIS) heard radvd");
        ecm.Addresses.Should().Contain(new EUeConformance.Network.Fabric.InterfaceAddress(EcmV6, 64), "radvd's on-link /64 makes the ToD server reachable");
        ecm.EueOptions.Dhcpv4Primary.Should().Be(ServerV4, "CL_OPTION_CCC (2170) sub-option 1");
        ecm.EueOptions.DssIdPrimary.Should().Be(EUeConformance.Protocols.Dhcp.DssId.FromAscii(DssId), "CL_OPTION_CCCV6 (2171) sub-option 1");
        ecm.EueOptions.IpPreference.Should().Be(2, "CL_OPTION_IP_PREF (39) is 2");
        ecm.EueInitialization!.Outcome.Should().Be(EueInitializationOutcome.StartIpv6, "Table 4: the preference IPv6 with DSS_IDs given");
        var tod = await lab.OnDeviceAsync(d => (d.Ecm.Time.Obtained, d.Ecm.Time.Server, d.Ecm.Time.UtcOffsetSeconds));
        tod.Should().Be((true, ServerV6, TimeOffsetSeconds), "CL options 37 and 38 from Kea; RFC 868 from xinetd (6.2.1.1)");

        // ---- radvd: the RA with M=1 the eUE acted on (6.3.4.2) ----
        var rd = await lab.OnDeviceAsync(d => (d.Eue.LinkLocalAddress, d.Eue.RouterDiscovery.Router, d.Eue.RouterDiscovery.Advertisement));
        new IPAddress(rd.LinkLocalAddress!.GetAddressBytes()).Should().Be(IPAddress.Parse("fe80::210:95ff:fe00:2"), "the eUE's EUI-64 link-local address (6.3.4.1)");
        new IPAddress(rd.Router!.GetAddressBytes()).Should().Be(RouterLinkLocal, "radvd's RA (the scope id aside)");
        rd.Advertisement!.Managed.Should().BeTrue();
        var ras = boot.Capture.Fields("icmpv6.type == 134", "ipv6.src", "icmpv6.nd.ra.flag.m", "icmpv6.opt.prefix");
        ras.Should().NotBeEmpty().And.OnlyContain(r => r[0] == RouterLinkLocal.ToString() && r[1] == "1" && r[2] == Prefix6, "radvd's RAs on the wire carry M=1 and the /64");

        // ---- Kea DHCPv6: the eUE's lease and what it parsed (Table 5 eUE-1..eUE-4) ----
        var eue = await lab.OnDeviceAsync(d => (d.Eue.Mode, Config: d.Eue.Configuration!, d.Eue.ProvisioningStatus, d.Eue.State, Addresses: d.EueHost.Addresses.Select(a => a.Address).ToList()));
        eue.Mode.Should().Be(IpAddressingMode.Ipv6);
        eue.Config.Address.Should().Be(EueV6);
        eue.Config.PrefixLength.Should().Be(64, "the on-link prefix from radvd's RA");
        eue.Addresses.Should().Contain(EueV6);
        eue.Config.KerberosRealm.Should().Be(Realm, "CCCV6 sub-option 6, the realm in DNS wire format");
        eue.Config.Flow.Should().Be(EUeConformance.Protocols.Dhcp4.ProvisioningFlow.Basic);
        eue.Config.ProvisioningServer!.Fqdn.Should().Be(ProvisioningServerFqdn, "CCCV6 sub-option 3, type 0 with the FQDN");
        eue.Config.ProvisioningTimerMinutes.Should().Be(ProvisioningTimerMinutes);
        eue.Config.DnsServers.Should().Equal(ServerV6);
        eue.Config.SyslogServers.Should().Equal(ServerV6);
        eue.Config.TftpServers.Should().Equal(ServerV6);
        eue.Config.ConfigFileName.Should().Be(ConfigFileName);
        eue.Config.Fqdn.Should().Be(EueFqdn, "OPTION_FQDN with the reservation's host name");
        eue.ProvisioningStatus.Should().Be(ProvisioningStatus.Pass);
        eue.State.Should().Be(EueState.Provisioned);

        var leases = KeaLeases.Read(lab.PathOf("kea-leases6.csv"));
        output.WriteLine(string.Join("\n", leases.Select(l => string.Join(",", l.Values))));
        leases.Should().Contain(l => l["address"] == EcmV6.ToString() && l["duid"] == KeaDhcp6.DuidLl(EcmMac));
        leases.Should().Contain(l => l["address"] == EueV6.ToString() && l["duid"] == KeaDhcp6.DuidLl(EueMac) && l["hostname"] == EueFqdn + ".", "Kea records the reserved name fully qualified");

        KeaOnTheWire.Dhcpv6(boot.Capture);
        LabChecks.Dns(lab, "AAAA", EueV6, SnmpEntityV6);
        LabChecks.Tftp(boot, EueV6, 1428);
        LabChecks.Syslog(lab, EueV6, output);
        LabChecks.Inform(lab, EueV6, output);
    }
}
