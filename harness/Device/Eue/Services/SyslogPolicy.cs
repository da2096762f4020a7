using System.Net;
using EUeConformance.Protocols.Syslog;

namespace EUeConformance.Device.Eue.Services;

/// <summary>How the eUE sends its management events by syslog (EUE-PROV 6.1.6, PKT-MEM1.5). Overridable for mutants.</summary>
public class SyslogPolicy
{
    /// <summary>6.1.6 ¶3: of several syslog servers DHCP gave, the first one is used.</summary>
    public virtual IPAddress? Server(IReadOnlyList<IPAddress> servers) => servers.FirstOrDefault();

    /// <summary>6.1.6 / PKT-MEM1.5: facility local0.</summary>
    public virtual SyslogPriority Priority(SyslogSeverity level) => SyslogPriority.PacketCable(level);
}
