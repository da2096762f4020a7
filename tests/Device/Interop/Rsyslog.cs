using static EUeConformance.Tests.Device.Interop.LabPlan;

namespace EUeConformance.Tests.Device.Interop;

/// <summary>
/// rsyslog (Debian rsyslog) as the syslog collector: in the foreground (-n) with only the lab's configuration
/// (-f): imudp on UDP 514 of the headend's addresses and nothing else (no imuxsock, so the machine's /dev/log is
/// left alone), its own messages kept inside it (processInternalMessages: Debian's build would hand them to the
/// systemd journal otherwise), its work folder and PID file in the lab, and every message written to one file with the fields
/// the test reads: sender, facility, severity, host name, tag and text.
/// </summary>
public static class Rsyslog
{
    public const string Program = "/usr/sbin/rsyslogd";
    public const string LogName = "rsyslog-received.log";

    public static async Task<LabDaemon> StartAsync(DebianLab lab, TimeSpan bound)
    {
        var program = DebianLab.Tool(Program, "rsyslog");
        var work = lab.PathOf("rsyslog-work");
        Directory.CreateDirectory(work);
        var log = lab.PathOf(LogName);
        var config = lab.Write("rsyslog.conf", $$"""
            global(workDirectory="{{work}}" net.enableDNS="off" processInternalMessages="on")
            module(load="imudp")
            input(type="imudp" address="{{ServerV4}}" port="514")
            input(type="imudp" address="{{ServerV6}}" port="514")
            template(name="fields" type="string" string="%fromhost-ip%|%syslogfacility-text%|%syslogseverity-text%|%hostname%|%syslogtag%|%msg%\n")
            *.* action(type="omfile" file="{{log}}" template="fields")
            """ + "\n");
        var rsyslog = lab.Start("rsyslogd", program, new Dictionary<string, string>(), "-n", "-f", config, "-i", lab.PathOf("rsyslogd.pid"));
        // rsyslog's own start message goes through the same rule: once it is in the file, imudp is listening.
        await rsyslog.WaitForFileAsync(log, "rsyslogd", bound);
        return rsyslog;
    }

    /// <summary>The messages rsyslog wrote, split into their fields (sender, facility, severity, host, tag, text).</summary>
    public static IReadOnlyList<string[]> Received(DebianLab lab) =>
        [.. LabDaemon.ReadShared(lab.PathOf(LogName)).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split('|', 6))];
}
