using static EUeConformance.Tests.Device.Interop.LabPlan;

namespace EUeConformance.Tests.Device.Interop;

/// <summary>
/// radvd (Debian radvd) as the router of the eUE's link: in the foreground (-n), logging to standard error,
/// with only the lab's configuration and PID file. Its Router Advertisements carry M=1 (AdvManagedFlag: addresses
/// come from DHCPv6, the only RA an eUE acts on, EUE-PROV 6.3.4.2) and the on-link /64 without autonomous
/// configuration. It answers each Router Solicitation by unicast within its random 0-0.5 s delay (RFC 4861 §6.2.6),
/// free of the 3 s spacing it keeps between multicast RAs.
/// </summary>
public static class Radvd
{
    public const string Program = "/usr/sbin/radvd";

    public static async Task<LabDaemon> StartAsync(DebianLab lab, TimeSpan bound)
    {
        var program = DebianLab.Tool(Program, "radvd");
        var config = lab.Write("radvd.conf", $$"""
            interface eth0 {
                AdvSendAdvert on;
                AdvManagedFlag on;
                AdvOtherConfigFlag on;
                AdvRASolicitedUnicast on;
                MinRtrAdvInterval 30;
                MaxRtrAdvInterval 100;
                prefix {{Prefix6}}/64 {
                    AdvOnLink on;
                    AdvAutonomous off;
                };
            };
            """ + "\n");
        var radvd = lab.Start("radvd", program, new Dictionary<string, string>(), "-n", "-C", config, "-p", lab.PathOf("radvd.pid"), "-m", "stderr", "-d", "1");
        await radvd.WaitForAsync(() => File.Exists(lab.PathOf("radvd.pid")) ? "ready" : "", "ready", bound, "radvd's PID file");
        return radvd;
    }
}
