using System.Net;

namespace EUeConformance.Protocols.Snmp.Agent;

/// <summary>What the agent did with one datagram, for evidence: the decoded request (null when it did not parse), the reply, and why it dropped one.</summary>
public sealed record SnmpAgentExchange(IPEndPoint From, byte[] Request, SnmpMessage? Decoded, Pdu? RequestPdu, Pdu? ResponsePdu, byte[]? Reply, string? Dropped);
