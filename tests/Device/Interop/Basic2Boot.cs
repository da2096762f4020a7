using EUeConformance.Device.Ecm;
using EUeConformance.Device.Eue;
using EUeConformance.Device.Options;
using static EUeConformance.Tests.Device.Interop.LabPlan;

namespace EUeConformance.Tests.Device.Interop;

/// <summary>
/// One BASIC.2 boot of the reference E-UE in the lab: the wire capture, then every Debian server the mode needs
/// (Kea for DHCP, radvd in IPv6 mode, xinetd for RFC 868 time, dnsmasq, tftpd-hpa, rsyslog, snmptrapd), then the device attached and
/// powered on, and the wait, bounded on the wall clock, until the eUE ends provisioning (pass or fail).
/// </summary>
public sealed record Basic2Boot(DebianLab Lab, WireCapture Capture, bool Provisioned, TimeSpan BootTime)
{
    /// <summary>The bound on each server's start.</summary>
    public static readonly TimeSpan ServerStart = TimeSpan.FromSeconds(10);
    /// <summary>The bound on the boot: DHCP's offer windows, router discovery, DAD, DNS, TFTP, syslog and the INFORM take seconds.</summary>
    public static readonly TimeSpan Boot = TimeSpan.FromSeconds(40);
    /// <summary>The bound on a server's file catching up with what it received.</summary>
    public static readonly TimeSpan RecordsLand = TimeSpan.FromSeconds(5);

    public static async Task<Basic2Boot> RunAsync(DebianLab lab, IpAddressingMode mode)
    {
        var capture = await WireCapture.StartAsync(lab, ServerStart);
        bool v6 = mode == IpAddressingMode.Ipv6;
        // CL_V4OPTION_IP_PREF / CL_OPTION_IP_PREF: the eCM gets both kinds of eUE server and the preference picks the mode (Table 4).
        byte preference = v6 ? (byte)2 : (byte)1;
        // Independent of each other: started together, each waited for until it is ready.
        await Task.WhenAll(
            v6 ? KeaDhcp6.StartAsync(lab, preference, ServerStart) : KeaDhcp4.StartAsync(lab, preference, ServerStart),
            v6 ? Radvd.StartAsync(lab, ServerStart) : Task.CompletedTask,
            Xinetd.StartAsync(lab, ServerStart),
            Dnsmasq.StartAsync(lab, ServerStart),
            TftpdHpa.StartAsync(lab, v6 ? ServerV6 : ServerV4, ConfigFileName, LabConfigFile.Build(), ServerStart),
            Rsyslog.StartAsync(lab, ServerStart),
            Snmptrapd.StartAsync(lab, ServerStart));

        var adapter = await lab.AttachDeviceAsync(new ReferenceDeviceOptions
        {
            EcmProvisioning = v6 ? EcmProvisioning.Ipv6 : EcmProvisioning.Ipv4,
        });
        var started = lab.Fabric.Clock.GetUtcNow();
        await adapter.PowerOnAsync();
        bool provisioned = await lab.WaitForDeviceAsync(d => d.Eue.State is EueState.Provisioned or EueState.ProvisioningFailed, Boot);
        var bootTime = lab.Fabric.Clock.GetUtcNow() - started;
        if (provisioned)
        {
            // rsyslog and snmptrapd write their files on their own time: wait (bounded) for the two records the checks read.
            await lab.Daemon("rsyslogd").WaitForFileAsync(lab.PathOf(Rsyslog.LogName), "Provisioning complete", RecordsLand);
            await lab.Daemon("snmptrapd").WaitForFileAsync(lab.PathOf(Snmptrapd.LogName), "NOTIFICATION INFORM", RecordsLand);
        }
        await capture.StopAsync();
        return new Basic2Boot(lab, capture, provisioned, bootTime);
    }

    /// <summary>Everything to judge a failure by: the device's log and every server's output.</summary>
    public string Story() => $"boot {BootTime.TotalSeconds:F1} s, provisioned: {Provisioned}\n---- device ----\n{Lab.DeviceLog()}\n{Lab.ServerOutput()}";
}
