using System.Net;

namespace EUeConformance.Device.Ecm;

/// <summary>What the eCM's DHCP exchange (v4 or v6) ended with: its address, the ToD parameters and the E-UE options of the authoritative ACK/REPLY.</summary>
public sealed record EcmLease(
    IPAddress Address,
    int PrefixLength,
    IReadOnlyList<IPAddress> TimeServers,
    int? TimeOffsetSeconds,
    EueProvisioningOptions EueOptions,
    TimeSpan RenewAfter,
    object AuthoritativeReply);
