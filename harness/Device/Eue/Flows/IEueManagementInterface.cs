using System.Net;
using EUeConformance.Device.Eue.Config;
using EUeConformance.Device.Eue.Mib;

namespace EUeConformance.Device.Eue.Flows;

/// <summary>What the SNMP set (eUE-19) delivered: the file URL, its hash, and a key when encrypted.</summary>
public sealed record ConfigFileInstruction(string Url, byte[]? Hash, byte[]? Key);

/// <summary>
/// The eUE's side of pkt-eue-4 (SNMP with the Provisioning Server): the enrollment INFORM (eUE-15), the SET of
/// the configuration file location (eUE-19), the provisioning-status INFORMs (eUE-25, also to TLV 38
/// receivers). Built on harness/Protocols/Snmp (agent, notifications); until a version is wired, the flows
/// that need it stop at the step that does and say so.
/// </summary>
public interface IEueManagementInterface
{
    bool Available { get; }

    /// <summary>Starts answering SNMP at <paramref name="address"/> (the eUE's own global address).</summary>
    void Open(IPAddress address);

    /// <summary>eUE-15: sends pktcMtaDevProvisioningEnrollment to the provisioning server; true when acknowledged.</summary>
    Task<bool> SendEnrollmentAsync(IPAddress provisioningServer);

    /// <summary>eUE-19: the next SET of pktcMtaDevConfigFile (+ hash, + key), or null after <paramref name="timeout"/>.</summary>
    Task<ConfigFileInstruction?> WaitForConfigFileAsync(TimeSpan timeout);

    /// <summary>eUE-25: the provisioning-status INFORM (with pktcEUEDevProvisioningStatus) to each target; true when the provisioning server acknowledged.</summary>
    Task<bool> SendProvisioningStatusAsync(IPAddress provisioningServer, ProvisioningStatus status, ConfigFileOutcome? outcome);

    void Close();
}

/// <summary>No SNMP yet: every step that needs it fails, visibly.</summary>
public sealed class NoManagementInterface : IEueManagementInterface
{
    public bool Available => false;
    public void Open(IPAddress address) { }
    public Task<bool> SendEnrollmentAsync(IPAddress provisioningServer) => Task.FromResult(false);
    public Task<ConfigFileInstruction?> WaitForConfigFileAsync(TimeSpan timeout) => Task.FromResult<ConfigFileInstruction?>(null);
    public Task<bool> SendProvisioningStatusAsync(IPAddress provisioningServer, ProvisioningStatus status, ConfigFileOutcome? outcome) => Task.FromResult(false);
    public void Close() { }
}
