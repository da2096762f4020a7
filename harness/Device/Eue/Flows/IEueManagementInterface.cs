using System.Net;
using EUeConformance.Device.Eue.Config;
using EUeConformance.Device.Eue.Mib;

namespace EUeConformance.Device.Eue.Flows;

/// <summary>What the SNMP set (eUE-19) delivered: the file URL, its hash, and a key when encrypted.</summary>
public sealed record ConfigFileInstruction(string Url, byte[]? Hash, byte[]? Key);

/// <summary>
/// The eUE's side of pkt-eue-4 (SNMP with the Provisioning Server): its agent (answering GETs of capabilities,
/// eUE-16/17, and SETs: the configuration file location of eUE-19, incremental provisioning of 6.3.6), the
/// enrollment INFORM (eUE-15), and the provisioning-status notifications (eUE-25, also to TLV 38 receivers).
/// </summary>
public interface IEueManagementInterface
{
    bool Available { get; }

    /// <summary>Starts answering SNMP at the eUE's own global address (6.2.1.2) for the flow DHCP chose.</summary>
    void Open(EueIpConfiguration configuration);

    /// <summary>eUE-15: sends pktcMtaDevProvisioningEnrollment to the provisioning server; true when acknowledged.</summary>
    Task<bool> SendEnrollmentAsync(IPAddress provisioningServer);

    /// <summary>eUE-19: the next SET of pktcMtaDevConfigFile (+ hash, + key), or null after <paramref name="timeout"/>.</summary>
    Task<ConfigFileInstruction?> WaitForConfigFileAsync(TimeSpan timeout);

    /// <summary>eUE-25: the provisioning-status notification to the provisioning server (when given) and to every TLV 38 receiver; true when the provisioning server acknowledged (or none was given).</summary>
    Task<bool> SendProvisioningStatusAsync(IPAddress? provisioningServer, ProvisioningStatus status, ConfigFileOutcome? outcome);

    /// <summary>pktcMtaDevResetNow was SET to true: the device must reset.</summary>
    event Action? ResetRequested;

    void Close();
}

/// <summary>A device without SNMP (a test double): every step that needs it fails, visibly.</summary>
public sealed class NoManagementInterface : IEueManagementInterface
{
    public bool Available => false;
    public void Open(EueIpConfiguration configuration) { }
    public Task<bool> SendEnrollmentAsync(IPAddress provisioningServer) => Task.FromResult(false);
    public Task<ConfigFileInstruction?> WaitForConfigFileAsync(TimeSpan timeout) => Task.FromResult<ConfigFileInstruction?>(null);
    public Task<bool> SendProvisioningStatusAsync(IPAddress? provisioningServer, ProvisioningStatus status, ConfigFileOutcome? outcome) => Task.FromResult(false);
    public event Action? ResetRequested { add { } remove { } }
    public void Close() { }
}
