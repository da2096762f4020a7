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
/// The reference E-UE in IPv4 mode (eCM DHCPv4, then eUE DHCPv4: EUE-PROV 6.3.1 Table 2, 6.3.3) through the BASIC.2
/// flow against Debian's servers in network namespaces: Kea DHCPv4, xinetd (RFC 868), dnsmasq, tftpd-hpa, rsyslog and snmptrapd.
/// Each server's own record (Kea's lease file, dnsmasq's query log, rsyslog's file, snmptrapd's log, the wire
/// capture) is checked beside what the device parsed.
/// </summary>
[Collection("InteropCollection")]
public sealed class KeaIpv4ModeTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Basic2_in_IPv4_mode_leases_from_Kea_resolves_with_dnsmasq_downloads_from_tftpd_hpa_logs_to_rsyslog_and_informs_snmptrapd()
    {
        await using var lab = await DebianLab.StartAsync();
        var boot = await Basic2Boot.RunAsync(lab, IpAddressingMode.Ipv4);
        output.WriteLine($"boot took {boot.BootTime.TotalSeconds:F1} s; lab folder {lab.Dir}");
        boot.Provisioned.Should().BeTrue(boot.Story());

        // ---- Kea DHCPv4: the eCM's lease with option 122 and option 125's CableLabs sub-options (Table 2 CM2-CM4) ----
        var ecm = await lab.OnDeviceAsync(d => (Lease: d.Ecm.Dhcpv4!.LeasedAddress, d.Ecm.Dhcpv4.EueOptions, d.Ecm.EueInitialization, Addresses: d.EcmHost.Addresses.Select(a => a.Address).ToList()));
        ecm.Lease.Should().Be(EcmV4, boot.Story());
        ecm.Addresses.Should().Contain(EcmV4);
        ecm.EueOptions.Dhcpv4Primary.Should().Be(ServerV4, "122.1 names Kea as the eUE's primary DHCPv4 server");
        ecm.EueOptions.DssIdPrimary.Should().Be(EUeConformance.Protocols.Dhcp.DssId.FromAscii(DssId), "125/4491 sub-option 123 carries the DSS_ID");
        ecm.EueOptions.IpPreference.Should().Be(1, "125/4491 sub-option 124 (IP_PREF) is 1");
        ecm.EueInitialization!.Outcome.Should().Be(EueInitializationOutcome.StartIpv4, "Table 4: the preference IPv4 with servers given");
        var tod = await lab.OnDeviceAsync(d => (d.Ecm.Time.Obtained, d.Ecm.Time.Server, d.Ecm.Time.UtcOffsetSeconds));
        tod.Should().Be((true, ServerV4, TimeOffsetSeconds), "options 4 and 2 from Kea; RFC 868 from xinetd (6.2.1.1)");

        // ---- Kea DHCPv4: the eUE's lease and what it parsed (6.3.3; PKT-PROV1.5 MTA-2/MTA-4) ----
        var eue = await lab.OnDeviceAsync(d => (d.Eue.Mode, Config: d.Eue.Configuration!, d.Eue.ProvisioningStatus, d.Eue.State, Addresses: d.EueHost.Addresses.Select(a => a.Address).ToList()));
        eue.Mode.Should().Be(IpAddressingMode.Ipv4);
        eue.Config.Address.Should().Be(EueV4);
        eue.Addresses.Should().Contain(EueV4);
        eue.Config.KerberosRealm.Should().Be(Realm, "122.6, written by Kea as an fqdn, is the realm in DNS wire format");
        eue.Config.Flow.Should().Be(EUeConformance.Protocols.Dhcp4.ProvisioningFlow.Basic);
        eue.Config.ProvisioningServer!.Fqdn.Should().Be(ProvisioningServerFqdn, "122.3 type 0 with the FQDN");
        eue.Config.ProvisioningTimerMinutes.Should().Be(ProvisioningTimerMinutes);
        eue.Config.DnsServers.Should().Equal(ServerV4);
        eue.Config.SyslogServers.Should().Equal(ServerV4);
        eue.Config.TftpServers.Should().Equal(ServerV4);
        eue.Config.ConfigFileName.Should().Be(ConfigFileName);
        eue.Config.Fqdn.Should().Be(EueFqdn, "options 12 and 15 from the reservation and the class");
        eue.ProvisioningStatus.Should().Be(ProvisioningStatus.Pass);
        eue.State.Should().Be(EueState.Provisioned);

        var leases = KeaLeases.Read(lab.PathOf("kea-leases4.csv"));
        output.WriteLine(string.Join("\n", leases.Select(l => string.Join(",", l.Values))));
        leases.Should().Contain(l => l["address"] == EcmV4.ToString() && l["hwaddr"] == KeaDhcp4.Mac(EcmMac));
        leases.Should().Contain(l => l["address"] == EueV4.ToString() && l["hwaddr"] == KeaDhcp4.Mac(EueMac) && l["hostname"] == EueHostName);

        KeaOnTheWire.Dhcpv4(boot.Capture);
        LabChecks.Dns(lab, "A", EueV4, SnmpEntityV4);
        LabChecks.Tftp(boot, EueV4, 1448);
        LabChecks.Syslog(lab, EueV4, output);
        LabChecks.Inform(lab, EueV4, output);
    }
}
