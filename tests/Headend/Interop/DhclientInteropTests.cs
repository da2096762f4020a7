using System.Net;
using EUeConformance.Network.Evidence;
using EUeConformance.Protocols.Dns;
using FluentAssertions;
using Xunit;
using static EUeConformance.Tests.Headend.Support.HeadendSamples;

namespace EUeConformance.Tests.Headend.Interop;

/// <summary>
/// ISC dhclient (Debian isc-dhcp-client) against the headend's DHCP servers in network namespaces: the
/// values asserted are those dhclient obtained, as its -sf script's environment shows them.
/// </summary>
[Collection(nameof(InteropCollection))]
public sealed class DhclientInteropTests
{
    static readonly string Dhclient = NetnsHeadend.Tool("/usr/sbin/dhclient", "isc-dhcp-client");

    static async Task<IReadOnlyDictionary<string, string>> BindAsync(NetnsHeadend bed, string family, string conf, params string[] reasons)
    {
        var confFile = Path.Combine(bed.Dir, "dhclient.conf");
        await File.WriteAllTextAsync(confFile, conf);
        var env = Path.Combine(bed.Dir, "env");
        var hook = bed.EnvScript(env, reasons);
        var client = bed.Start(Dhclient, family, "-d", "-1", "-v", "-cf", confFile, "-sf", hook, "-lf", Path.Combine(bed.Dir, "leases"),
            "-pf", Path.Combine(bed.Dir, "pid"), "eth0");
        try { return NetnsHeadend.Env(await bed.WaitForFileAsync(env, TimeSpan.FromSeconds(30), client)); }
        finally { EUeConformance.Network.Netns.NetnsProcess.EndIfRunning(client); }
    }

    [Fact]
    public async Task dhclient_4_leases_the_eUE_address_with_the_configured_options_and_the_realm_in_option_122()
    {
        await using var bed = await NetnsHeadend.StartAsync(EueMac, clientAddresses: false);
        var env = await BindAsync(bed, "-4",
            "option pktc-ccc code 122 = string;\n" +
            "request subnet-mask, routers, domain-name-servers, domain-name, host-name, log-servers, pktc-ccc;\n", "BOUND");

        env["new_ip_address"].Should().Be(EueV4.ToString());
        env["new_subnet_mask"].Should().Be("255.255.255.0");
        env["new_routers"].Should().Be(HeadendV4.ToString());
        env["new_domain_name_servers"].Should().Be(HeadendV4.ToString());
        env["new_log_servers"].Should().Be(HeadendV4.ToString());
        env["new_host_name"].Should().Be("eue1");
        env["new_domain_name"].Should().Be("example.net");
        env["new_dhcp_server_identifier"].Should().BeOneOf(HeadendV4.ToString(), SecondServerV4.ToString());
        // 122.6 = 06 0d 07 'EXAMPLE' 03 'NET' 00, as dhclient shows opaque bytes: colon-separated hex.
        env["new_pktc_ccc"].Should().Contain("6:d:7:45:58:41:4d:50:4c:45:3:4e:45:54:0");

        bed.Headend.Zones.RecordsAt(DnsName.Parse(EueFqdn)).Should().Contain(r => r.Type == DnsType.A && r.Address!.Equals(EueV4),
            "the DHCP server adds the eUE's A record when it binds the lease (EUE-PROV 6.2.2)");
        bed.Log.Events.Where(e => e.Service == "eue-dhcpv4" && e.Direction == Direction.Sent).Select(e => e.Kind).Should().Contain(["OFFER", "ACK"]);
    }

    [Fact]
    public async Task dhclient_4_as_the_eCM_gets_the_eUE_DHCP_servers_in_option_122_and_the_ToD_server_and_offset()
    {
        await using var bed = await NetnsHeadend.StartAsync(EcmMac, clientAddresses: false);
        var env = await BindAsync(bed, "-4",
            "option pktc-ccc code 122 = string;\n" +
            "request subnet-mask, routers, time-offset, time-servers, pktc-ccc;\n", "BOUND");

        env["new_ip_address"].Should().Be(EcmV4.ToString());
        env["new_time_servers"].Should().Be(HeadendV4.ToString());
        env["new_time_offset"].Should().Be("-18000");
        env["new_pktc_ccc"].Should().Be("1:4:c0:0:2:1:2:4:c0:0:2:2", "sub-options 1 and 2: 192.0.2.1 and 192.0.2.2");
        env["new_filename"].Should().Be("cm.cfg");
    }

    [Fact]
    public async Task dhclient_6_leases_the_eUE_IPv6_address_and_resolvers_from_one_of_the_two_servers()
    {
        await using var bed = await NetnsHeadend.StartAsync(EueMac, clientAddresses: false);
        var env = await BindAsync(bed, "-6", "request dhcp6.name-servers, dhcp6.domain-search;\n", "BOUND6");

        env["new_ip6_address"].Should().Be(EueV6.ToString());
        env["new_dhcp6_name_servers"].Should().Be(HeadendV6.ToString());
        env["new_dhcp6_domain_search"].Should().Be("example.net.");
        var serverId = env["new_dhcp6_server_id"].Replace(":", "");
        serverId.Should().BeOneOf(
            string.Concat(Primary.Duid.Bytes.ToArray().Select(b => b.ToString("x"))),
            string.Concat(Secondary.Duid.Bytes.ToArray().Select(b => b.ToString("x"))));
        bed.Headend.Zones.RecordsAt(DnsName.Parse(EueFqdn)).Should().Contain(r => r.Type == DnsType.Aaaa && r.Address!.Equals(EueV6));
    }
}
