using System.Net;

namespace EUeConformance.Protocols.Snmp.Engine;

/// <summary>What a responder does with one datagram: the reply to send back to its sender, or null.</summary>
public delegate byte[]? SnmpDatagramHandler(ReadOnlySpan<byte> datagram, IPEndPoint from);

/// <summary>Runs a sans-IO responder (agent, notification receiver) on a transport.</summary>
public static class SnmpServing
{
    /// <summary>Until cancelled: every datagram to <paramref name="handle"/>, every reply back to its sender (RFC 3417 §2: to the address and port the request came from).</summary>
    public static async Task ServeAsync(ISnmpTransport transport, SnmpDatagramHandler handle, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var datagram in transport.Received.ReadAllAsync(cancellationToken).ConfigureAwait(false))
                if (handle(datagram.Payload.Span, datagram.Remote) is { } reply)
                    await transport.SendAsync(reply, datagram.Remote, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested) { }
    }
}
