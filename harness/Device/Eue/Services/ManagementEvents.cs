using System.Net;
using EUeConformance.Device.Runtime;
using EUeConformance.Network.Fabric;
using EUeConformance.Protocols.Syslog;

namespace EUeConformance.Device.Eue.Services;

/// <summary>
/// A management event the eUE reports (PKT-MEM1.5 with PKT-EUE-DATA's data model, EUE-PROV 6.5): its id,
/// level and text. The ids of PKT-EUE-DATA could not be read from a public source: the values below are
/// placeholders in the CableLabs style, UNVERIFIED, kept in one place so that they change in one line.
/// </summary>
public sealed record ManagementEvent(uint Id, SyslogSeverity Level, string Text)
{
    /// <summary>UNVERIFIED id: eUE-24 "provisioning complete", with the status.</summary>
    public static ManagementEvent ProvisioningComplete(string status) => new(4000950905, SyslogSeverity.Notice, $"Provisioning complete: {status}");
    /// <summary>UNVERIFIED id: 6.3.2.3 ¶8, DHCP done while the eCM has no ToD.</summary>
    public static ManagementEvent NoTimeOfDay { get; } = new(4000951000, SyslogSeverity.Error, "DHCP complete without time of day from the eCM");
    /// <summary>UNVERIFIED id: 6.3.2.3 ¶11, the eCM's ToD changed.</summary>
    public static ManagementEvent TimeOfDayChanged { get; } = new(4000951001, SyslogSeverity.Notice, "Time of day changed; Kerberos tickets invalidated");
}

/// <summary>
/// Sends management events: to the device log always, and by syslog (RFC 3164, facility local0, UDP 514)
/// to the first syslog server DHCP named (6.1.6 ¶3), from the eUE's global address (6.2.1.2).
/// </summary>
public sealed class ManagementEventSender(INetworkHost host, DeviceContext context, Func<DateTimeOffset> networkNow)
{
    IDatagramSocket? _v4, _v6;

    public string Tag { get; init; } = "EUE";

    /// <summary>Which syslog server and which priority (6.1.6).</summary>
    public SyslogPolicy Policy { get; init; } = new();

    public void Report(ManagementEvent e, IReadOnlyList<IPAddress> syslogServers, IPAddress? source, string? hostName)
    {
        context.Log("eue", "event", $"<{e.Id}> {e.Text}", new Dictionary<string, string> { ["device.event_id"] = e.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        // 6.1.6 ¶3: of several syslog servers the first one is used.
        var server = Policy.Server(syslogServers);
        if (server is null || source is null || server.Equals(IPAddress.Any) || server.Equals(IPAddress.Broadcast)) return;
        var socket = server.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6
            ? _v6 ??= host.OpenUdp(new IPEndPoint(IPAddress.IPv6Any, 0))
            : _v4 ??= host.OpenUdp(new IPEndPoint(IPAddress.Any, 0));
        var message = new SyslogMessage(Policy.Priority(e.Level), Rfc3164Timestamp.From(networkNow().UtcDateTime), hostName ?? source.ToString(),
            $"{Tag}: <{e.Id}> {e.Text}");
        socket.Send(message.Encode(), new IPEndPoint(server, SyslogMessage.Port), source);
    }

    public void Close()
    {
        _v4?.Dispose(); _v6?.Dispose();
        _v4 = _v6 = null;
    }
}
