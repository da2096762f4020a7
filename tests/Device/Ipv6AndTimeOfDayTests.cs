using System.Net;
using System.Net.NetworkInformation;
using EUeConformance.Device.Ecm;
using EUeConformance.Device.Eue;
using EUeConformance.Device.Eue.Ipv6;
using EUeConformance.Device.Options;
using EUeConformance.Network.Fabric;
using EUeConformance.Protocols.Dhcp6;
using EUeConformance.Tests.Device.Support;
using FluentAssertions;
using Xunit;

namespace EUeConformance.Tests.Device;

/// <summary>EUE-PROV 6.3.4.1 (DAD), 6.3.4.2 (M=1), 6.2.1.2 (link-local only for DHCP) and 6.3.2.3 (ToD) on the simulation fabric.</summary>
public sealed class Ipv6AndTimeOfDayTests
{
    static ReferenceDeviceOptions V6 => new() { EcmProvisioning = EcmProvisioning.Ipv6 };

    [Fact] // 6.3.4.1-04a..d
    public async Task A_link_local_DAD_conflict_stops_IPv6_and_is_logged()
    {
        await using var bench = await DeviceBench.StartAsync(V6);
        var linkLocal = Eui64LinkLocal.For(V6.Identity.EueMac);
        // A squatter on the device's link already holds the eUE's EUI-64 link-local address.
        await bench.Fabric.AddHostAsync(bench.Link, new HostOptions("squatter", PhysicalAddress.Parse("02-00-00-00-00-09"), [new InterfaceAddress(linkLocal, 64)]) { AutoLinkLocal = false });
        await bench.PowerOnAsync();

        (await bench.RunUntilEueAsync(EueState.StoppedDadConflict, TimeSpan.FromMinutes(2))).Should().BeTrue();
        await bench.SettleAsync(TimeSpan.FromMinutes(5));
        bench.Eue.State.Should().Be(EueState.StoppedDadConflict);
        bench.Device.EueHost.Addresses.Should().NotContain(a => a.Address.Equals(linkLocal));
        bench.Headend.RouterSolicitations.Should().Be(0);
        bench.Adapter.Log.Should().Contain(l => l.Kind == "stopped" && l.Text.Contains("DAD conflict"));
        bench.Evidence.Events.Should().Contain(e => e.Service == "device" && e.Kind == "stopped");
    }

    [Fact] // 6.3.4.2-02/03: an RA without M is not acted upon
    public async Task Without_an_RA_carrying_M_1_the_eUE_never_starts_DHCPv6()
    {
        await using var bench = await DeviceBench.StartAsync(V6, h => h.RouterManagedFlag = false);
        await bench.PowerOnAsync();
        await bench.SettleAsync(TimeSpan.FromMinutes(2));

        bench.Headend.EueDhcpv6.Should().BeEmpty();
        bench.Headend.RouterSolicitations.Should().BeGreaterThanOrEqualTo(3);
    }

    [Fact] // 6.2.1.2-11: DHCPv6 from the link-local address, everything else from the global one
    public async Task DHCPv6_goes_from_the_link_local_address()
    {
        await using var bench = await DeviceBench.StartAsync(V6);
        await bench.PowerOnAsync();
        await bench.RunUntilEueAsync(EueState.Provisioned, TimeSpan.FromMinutes(5));

        bench.Headend.EueDhcpv6From.Should().OnlyContain(x => x.From.Address.IsIPv6LinkLocal);
        bench.Headend.EueDhcpv6.Should().NotContain(m => m.RapidCommit);
    }

    [Fact] // 6.3.2.3-02/03: Secure flow without ToD: no step beyond DHCP, eUE-1 retried 1 to 3 times per 300 s
    public async Task A_Secure_eUE_without_time_of_day_retries_DHCP_one_to_three_times_per_300_seconds()
    {
        await using var bench = await DeviceBench.StartAsync(V6, h => { h.AnswerTimeOfDay = false; h.Realm = "EXAMPLE.COM"; });
        await bench.PowerOnAsync();
        (await bench.RunUntilEueAsync(EueState.WaitingForTimeOfDay, TimeSpan.FromMinutes(5))).Should().BeTrue();
        int before = bench.Headend.EueDhcpv6.Count(m => m.Type == Dhcp6MessageType.Solicit);

        await bench.SettleAsync(TimeSpan.FromSeconds(300));

        int retries = bench.Headend.EueDhcpv6.Count(m => m.Type == Dhcp6MessageType.Solicit) - before;
        retries.Should().BeInRange(1, 3);
        bench.Headend.TftpRequests.Should().BeEmpty();
    }

    [Fact] // 6.3.2.3-04: Basic goes on without ToD, and reports the event
    public async Task A_Basic_eUE_without_time_of_day_goes_on()
    {
        await using var bench = await DeviceBench.StartAsync(V6, h => h.AnswerTimeOfDay = false);
        await bench.PowerOnAsync();

        (await bench.RunUntilEueAsync(EueState.Provisioned, TimeSpan.FromMinutes(5))).Should().BeTrue();
        bench.Adapter.Log.Should().Contain(l => l.Text.Contains("without time of day"));
    }

    [Fact] // T2-CM3-05: three retries, 2-4-8 s apart, then any offer
    public async Task Without_E_UE_options_the_eCM_retries_DISCOVER_three_times_with_growing_intervals()
    {
        await using var bench = await DeviceBench.StartAsync(new ReferenceDeviceOptions { EcmProvisioning = EcmProvisioning.Ipv4 },
            h => { h.EcmOffersWithoutEueOptions = 100; h.EueDssId = null; });
        await bench.PowerOnAsync();
        await bench.RunUntilAsync(() => bench.Ecm.State == EcmState.Registered, TimeSpan.FromMinutes(2));

        var times = bench.Headend.EcmDiscovers.Select(d => d.At).ToList();
        times.Should().HaveCount(4);
        // The intervals separate one DISCOVER from the next; gathering the OFFERs counts towards them.
        times.Zip(times.Skip(1), (a, b) => b - a).Should().Equal(TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(8));
        // CM4: the ACK (which here carries the options) is authoritative over the OFFER that did not.
        bench.Ecm.EueInitialization!.Outcome.Should().Be(EueInitializationOutcome.StartIpv4);
    }

    [Fact] // 6.3.2.3-05: the eUE must not start DHCP before CM10
    public async Task The_eUE_sends_nothing_before_the_eCM_registers()
    {
        await using var bench = await DeviceBench.StartAsync(V6, h => h.AnswerTimeOfDay = false);
        await bench.PowerOnAsync();
        await bench.RunUntilAsync(() => bench.Headend.EueDhcpv6.Count > 0, TimeSpan.FromMinutes(2));

        bench.Ecm.State.Should().Be(EcmState.Registered);
    }
}
