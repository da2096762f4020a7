using System.Net;

namespace EUeConformance.Protocols.Snmp.Engine;

/// <summary>The Response to a confirmed request, with what it came in (for evidence).</summary>
public sealed record SnmpResponse(Pdu Pdu, SnmpMessage Message, IPEndPoint From, byte[] Datagram)
{
    public SnmpErrorStatus ErrorStatus => Pdu.ErrorStatus;
    public int ErrorIndex => Pdu.ErrorIndex;
    public IReadOnlyList<VarBind> VarBinds => Pdu.VarBinds;

    /// <summary>This response when its error-status is noError; otherwise <see cref="SnmpErrorException"/>.</summary>
    public SnmpResponse EnsureSuccess() =>
        ErrorStatus == SnmpErrorStatus.NoError ? this : throw new SnmpErrorException(ErrorStatus, ErrorIndex, Pdu);

    public override string ToString() => $"{Pdu} from {From}";
}

/// <summary>Something went wrong with an SNMP exchange; the message says what, for a verdict.</summary>
public class SnmpException(string message) : Exception(message);

/// <summary>No answer after every retransmission (RFC 3413 §3.1.1 leaves the policy to the application).</summary>
public sealed class SnmpTimeoutException(SnmpTarget target, int attempts)
    : SnmpException($"no answer from {target} after {attempts} attempt(s) of {target.Timeout.TotalSeconds:0.###} s")
{
    public SnmpTarget Target { get; } = target;
    public int Attempts { get; } = attempts;
}

/// <summary>The peer answered with a Report (RFC 3412 §7.2 step 12 hands it to the application): e.g. usmStatsUnknownUserNames.</summary>
public sealed class SnmpReportException(ObjectIdentifier counter, SnmpValue value, bool authentic)
    : SnmpException($"Report {Mibs.MibNames.Describe(counter)} = {value}{(authentic ? "" : " (unauthenticated)")}")
{
    public ObjectIdentifier Counter { get; } = counter;
    public SnmpValue Value { get; } = value;
    public bool Authentic { get; } = authentic;
}

/// <summary>The Response carried an error-status (RFC 3416 §3).</summary>
public sealed class SnmpErrorException(SnmpErrorStatus status, int index, Pdu response)
    : SnmpException($"{status.Describe()} at varbind {index}{(index >= 1 && index <= response.VarBinds.Count ? $" ({response.VarBinds[index - 1]})" : "")}")
{
    public SnmpErrorStatus Status { get; } = status;
    public int Index { get; } = index;
    public Pdu Response { get; } = response;
}

/// <summary>One datagram a role sent or received, for evidence (pcap, event log).</summary>
public readonly record struct SnmpTrace(bool Sent, IPEndPoint Remote, ReadOnlyMemory<byte> Datagram);
