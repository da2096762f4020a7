namespace EUeConformance.Protocols.Snmp.Agent;

/// <summary>What a community or a user may do: read (Get, GetNext, GetBulk) or also write (Set).</summary>
public enum SnmpAccess { ReadOnly, ReadWrite }
