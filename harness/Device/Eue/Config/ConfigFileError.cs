namespace EUeConformance.Device.Eue.Config;

/// <summary>One entry of the error OIDs table (pktcMtaDevErrorOidsTable): the OID (or TLV) at fault, the value given, and why.</summary>
public sealed record ConfigFileError(string Oid, string Value, string Reason, Mib.ProvisioningStatus Severity);
