using System.Net;
using EUeConformance.Network.Evidence;
using EUeConformance.Network.Netns;
using EUeConformance.Protocols.Dhcp4;
using EUeConformance.Protocols.Dhcp6;
using FluentAssertions;
using Xunit;
using static EUeConformance.Tests.Headend.Support.HeadendSamples;

namespace EUeConformance.Tests.Headend.Interop;

/// <summary>
/// dhcpcd (Debian dhcpcd-base) against the headend, in test mode (-T: it asks, runs its hook with the
/// answer, and configures nothing). It identifies itself by RFC 4361 (IAID and DUID), as EUE-PROV 6.3.3
/// has the eUE do, and over IPv6 it waits for a Router Advertisement with M=1 before DHCPv6 (6.3.4.2).
/// </summary>
[Collection(nameof(InteropCollection))]
public sealed class DhcpcdInteropTests
{
    static readonly string Dhcpcd = NetnsHeadend.Tool("/usr/sbin/dhcpcd", "dhcpcd-base");

    static async Task<(IReadOnlyDictionary<string, string> Env, NetnsProcess.Result Run)> TestAsync(NetnsHeadend bed, string family, string conf)
    {
        var confFile = Path.Combine(bed.Dir, "dhcpcd.conf");
        await File.WriteAllTextAsync(confFile, conf);
        var env = Path.Combine(bed.Dir, "env");
        var hook = bed.EnvScript(env, "TEST", "BOUND", "BOUND6", "REBOOT", "RENEW6");
        var run = await bed.RunAsync(TimeSpan.FromSeconds(40), Dhcpcd, family, "-T", "-f", confFile, "-c", hook, "-t", "30", "eth0");
        File.Exists(env).Should().BeTrue($"dhcpcd should have run its hook with the answer; it said: {run.Stdout}{run.Stderr}\n{bed.Evidence()}");
        return (NetnsHeadend.Env(await File.ReadAllTextAsync(env)), run);
    }

    [Fact]
    public async Task dhcpcd_4_obtains_the_eUE_lease_and_options_and_identifies_itself_per_RFC_4361()
    {
        await using var bed = await NetnsHeadend.StartAsync(EueMac, clientAddresses: false);
        var (env, _) = await TestAsync(bed, "-4", "duid\noption domain_name_servers, domain_name, host_name, log_servers\n");

        env["new_ip_address"].Should().Be(EueV4.ToString());
        env["new_subnet_cidr"].Should().Be("24");
        env["new_routers"].Should().Be(HeadendV4.ToString());
        env["new_domain_name_servers"].Should().Be(HeadendV4.ToString());
        env["new_dhcp_server_identifier"].Should().BeOneOf(HeadendV4.ToString(), SecondServerV4.ToString());

        var discover = bed.Log.Events.First(e => e.Service == "eue-dhcpv4" && e.Kind == "DISCOVER").Message.Should().BeOfType<DhcpMessage>().Subject;
        discover.ClientIdentifier!.IsRfc4361.Should().BeTrue("with 'duid' dhcpcd sends IAID + DUID (RFC 4361), as EUE-PROV 6.3.3 has the eUE do");
    }

    [Fact]
    public async Task dhcpcd_6_follows_the_M_bit_of_the_Router_Advertisement_to_DHCPv6_and_leases_the_eUE_address()
    {
        await using var bed = await NetnsHeadend.StartAsync(EueMac, clientAddresses: false);
        var (env, _) = await TestAsync(bed, "-6", "ipv6rs\nia_na 1\noption dhcp6_name_servers, dhcp6_domain_search\n");

        env.Should().ContainKey("new_dhcp6_ia_na1_ia_addr1").WhoseValue.Should().Be(EueV6.ToString());
        env["new_dhcp6_name_servers"].Should().Be(HeadendV6.ToString());
        bed.Log.Events.Should().Contain(e => e.Service == "ra" && e.Kind == "RS" && e.Direction == Direction.Received);
        var solicit = bed.Log.Events.First(e => e.Service == "eue-dhcpv6" && e.Kind == "SOLICIT").Message.Should().BeOfType<Dhcp6Message>().Subject;
        solicit.IaNa.Should().NotBeNull();
    }
}
