using System.Net;
using EUeConformance.Protocols.ConfigFile;

namespace EUeConformance.Device.Eue.Config;

/// <summary>What processing a configuration file came to: the status to report, the error OIDs, and the notification receivers it configured (TLV 38).</summary>
public sealed record ConfigFileOutcome(
    Mib.ProvisioningStatus Status,
    IReadOnlyList<ConfigFileError> Errors,
    IReadOnlyList<(NotificationReceiver Receiver, IPAddress Address)> NotificationReceivers,
    int Applied);
