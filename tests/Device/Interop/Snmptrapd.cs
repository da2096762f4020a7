using static EUeConformance.Tests.Device.Interop.LabPlan;

namespace EUeConformance.Tests.Device.Interop;

/// <summary>
/// net-snmp's snmptrapd (Debian snmptrapd) as the provisioning server's SNMP entity for the INFORMs of the
/// Basic.2 flow: in the foreground (-f) with only the lab's configuration (-C -c: community "public" may log),
/// its own HOME, configuration path and persistent folder, no MIB files (numeric OIDs, -On), on UDP 162 of the
/// address only DNS gives out, logging each notification as one line to a file (-Lf, -F). It acknowledges a
/// v2c INFORM with a Response, which is what the eUE waits for (eUE-25).
/// </summary>
public static class Snmptrapd
{
    public const string Program = "/usr/sbin/snmptrapd";
    public const string LogName = "snmptrapd.log";

    public static async Task<LabDaemon> StartAsync(DebianLab lab, TimeSpan bound)
    {
        var program = DebianLab.Tool(Program, "snmptrapd");
        var home = lab.PathOf("snmp");
        Directory.CreateDirectory(Path.Combine(home, "persist"));
        var config = lab.Write("snmptrapd.conf", "authCommunity log public\n");
        var log = lab.PathOf(LogName);
        var environment = new Dictionary<string, string>
        {
            ["HOME"] = home,
            ["SNMPCONFPATH"] = home,
            ["SNMP_PERSISTENT_DIR"] = Path.Combine(home, "persist"),
            ["MIBS"] = "",
            ["MIBDIRS"] = home,
        };
        var trapd = lab.Start("snmptrapd", program, environment, "-f", "-C", "-c", config, "-Lf", log, "-p", lab.PathOf("snmptrapd.pid"),
            "-On", "-F", "NOTIFICATION %P|%b|%v\n", $"udp:{SnmpEntityV4}:162", $"udp6:[{SnmpEntityV6}]:162");
        await trapd.WaitForFileAsync(log, "NET-SNMP version", bound);
        return trapd;
    }

    /// <summary>The notification lines snmptrapd logged: "INFORM, SNMP v2c, community public|sender|varbinds".</summary>
    public static IReadOnlyList<string> Notifications(DebianLab lab) =>
        [.. LabDaemon.ReadShared(lab.PathOf(LogName)).Split('\n').Where(l => l.StartsWith("NOTIFICATION ", StringComparison.Ordinal)).Select(l => l["NOTIFICATION ".Length..])];
}
