using static EUeConformance.Tests.Device.Interop.LabPlan;

namespace EUeConformance.Tests.Device.Interop;

/// <summary>
/// dnsmasq (Debian dnsmasq-base) as the operator's DNS server, DNS only: no DHCP, no upstream (--no-resolv),
/// not the machine's /etc/hosts or /etc/dnsmasq.conf; it answers the provisioning server's name (A and AAAA,
/// host records) on the headend's addresses and logs every query to its standard error (--log-queries).
/// </summary>
public static class Dnsmasq
{
    public const string Program = "/usr/sbin/dnsmasq";

    public static async Task<LabDaemon> StartAsync(DebianLab lab, TimeSpan bound)
    {
        var program = DebianLab.Tool(Program, "dnsmasq-base");
        var config = lab.Write("dnsmasq.conf", $"""
            port=53
            no-resolv
            no-hosts
            bind-interfaces
            listen-address={ServerV4},{ServerV6}
            host-record={ProvisioningServerFqdn},{SnmpEntityV4},{SnmpEntityV6}
            log-queries
            log-facility=-
            """ + "\n");
        var dns = lab.Start("dnsmasq", program, new Dictionary<string, string>(), "--keep-in-foreground", $"--conf-file={config}",
            $"--pid-file={lab.PathOf("dnsmasq.pid")}");
        await dns.WaitForOutputAsync("started, version", bound);
        return dns;
    }
}
