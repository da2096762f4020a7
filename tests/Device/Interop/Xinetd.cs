using static EUeConformance.Tests.Device.Interop.LabPlan;

namespace EUeConformance.Tests.Device.Interop;

/// <summary>
/// xinetd (Debian xinetd) as the eCM's time-of-day server: its built-in RFC 868 UDP service ("time", INTERNAL) on
/// port 37 of the headend's IPv4 and IPv6 addresses, in the foreground (-dontfork) with only the lab's
/// configuration, PID file and log file. The eCM asks it before starting the eUE (EUE-PROV 6.2.1.1).
/// </summary>
public static class Xinetd
{
    public const string Program = "/usr/sbin/xinetd";

    public static async Task<LabDaemon> StartAsync(DebianLab lab, TimeSpan bound)
    {
        var program = DebianLab.Tool(Program, "xinetd");
        var config = lab.Write("xinetd.conf", $$"""
            service time
            {
                type = INTERNAL
                id = time-dgram-v4
                socket_type = dgram
                protocol = udp
                user = root
                wait = yes
                bind = {{ServerV4}}
            }
            service time
            {
                type = INTERNAL
                id = time-dgram-v6
                socket_type = dgram
                protocol = udp
                user = root
                wait = yes
                flags = IPv6
                bind = {{ServerV6}}
            }
            """ + "\n");
        var log = lab.PathOf("xinetd.log");
        var xinetd = lab.Start("xinetd", program, new Dictionary<string, string>(), "-dontfork", "-f", config, "-pidfile", lab.PathOf("xinetd.pid"), "-filelog", log);
        await xinetd.WaitForFileAsync(log, "Started working: 2 available services", bound);
        return xinetd;
    }
}
