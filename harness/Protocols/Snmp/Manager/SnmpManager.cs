using EUeConformance.Protocols.Snmp.Engine;
using EUeConformance.Protocols.Wire;

namespace EUeConformance.Protocols.Snmp.Manager;

/// <summary>
/// The Command Generator application (RFC 3413 §3.1) over a transport: Get, GetNext, GetBulk, Set
/// and walks, for SNMPv1, v2c and v3 (discovery and time synchronisation automatic, RFC 3414 §4),
/// with the target's timeout and retries on the engine's clock. It owns the transport's receive
/// side: answers are matched to requests; anything else is ignored.
/// </summary>
public sealed class SnmpManager : IAsyncDisposable
{
    readonly ISnmpTransport _transport;
    readonly CancellationTokenSource _stop = new();
    readonly Task _receiving;
    readonly SnmpDecodeOptions _decode;

    public SnmpManager(SnmpEngine engine, ISnmpTransport transport, SnmpDecodeOptions? decode = null)
    {
        _transport = transport ?? throw new ArgumentNullException(nameof(transport));
        _decode = decode ?? SnmpDecodeOptions.Rfc3417;
        Requester = new SnmpRequester(engine, transport.SendAsync, _decode);
        _receiving = ReceiveAsync(_stop.Token);
    }

    public SnmpRequester Requester { get; }
    public SnmpEngine Engine => Requester.Engine;

    public Task<SnmpResponse> GetAsync(SnmpTarget target, IEnumerable<ObjectIdentifier> names, CancellationToken cancellationToken = default) =>
        Requester.RequestAsync(target, Pdu.Request(PduType.GetRequest, 0, [.. names]), cancellationToken);

    public Task<SnmpResponse> GetAsync(SnmpTarget target, params ObjectIdentifier[] names) => GetAsync(target, names, CancellationToken.None);

    public Task<SnmpResponse> GetNextAsync(SnmpTarget target, IEnumerable<ObjectIdentifier> names, CancellationToken cancellationToken = default) =>
        Requester.RequestAsync(target, Pdu.Request(PduType.GetNextRequest, 0, [.. names]), cancellationToken);

    public Task<SnmpResponse> GetBulkAsync(SnmpTarget target, int nonRepeaters, int maxRepetitions, IEnumerable<ObjectIdentifier> names, CancellationToken cancellationToken = default)
    {
        if (target.Version == SnmpVersion.V1) throw new ArgumentException("SNMPv1 has no GetBulkRequest (RFC 3416 §4.2.3)", nameof(target));
        return Requester.RequestAsync(target, Pdu.GetBulk(0, nonRepeaters, maxRepetitions, names.Select(n => new VarBind(n, SnmpValue.Null())).ToList()), cancellationToken);
    }

    public Task<SnmpResponse> SetAsync(SnmpTarget target, IEnumerable<VarBind> varBinds, CancellationToken cancellationToken = default) =>
        Requester.RequestAsync(target, new Pdu(PduType.SetRequest, 0, SnmpErrorStatus.NoError, 0, [.. varBinds]), cancellationToken);

    public Task<SnmpResponse> SetAsync(SnmpTarget target, params VarBind[] varBinds) => SetAsync(target, varBinds, CancellationToken.None);

    /// <summary>
    /// Every instance under <paramref name="root"/>, in order: GetBulk for v2c/v3 (RFC 3416 §4.2.3),
    /// GetNext for v1. Stops at the first name outside the subtree, at endOfMibView, or (v1) at
    /// noSuchName. A name that does not increase is the agent's fault (RFC 3416 §4.2.2): SnmpException.
    /// As net-snmp's snmpwalk, an empty subtree is retried as a Get of the root itself.
    /// </summary>
    public async Task<IReadOnlyList<VarBind>> WalkAsync(SnmpTarget target, ObjectIdentifier root, CancellationToken cancellationToken = default)
    {
        var result = new List<VarBind>();
        var current = root;
        while (true)
        {
            var response = target.Version == SnmpVersion.V1
                ? await GetNextAsync(target, [current], cancellationToken).ConfigureAwait(false)
                : await GetBulkAsync(target, 0, target.MaxRepetitions, [current], cancellationToken).ConfigureAwait(false);
            if (target.Version == SnmpVersion.V1 && response.ErrorStatus == SnmpErrorStatus.NoSuchName) break;
            response.EnsureSuccess();
            if (response.VarBinds.Count == 0) break;
            bool done = false;
            foreach (var vb in response.VarBinds)
            {
                if (vb.Value.Type == SnmpType.EndOfMibView || !vb.Name.StartsWith(root) || vb.Name == root) { done = true; break; }
                if (vb.Name <= current) throw new SnmpException($"{target} returned {vb.Name} after {current}: GetNext must increase (RFC 3416 §4.2.2)");
                result.Add(vb);
                current = vb.Name;
            }
            if (done) break;
        }
        if (result.Count == 0)
        {
            var single = await GetAsync(target, [root], cancellationToken).ConfigureAwait(false);
            if (single.ErrorStatus == SnmpErrorStatus.NoError && single.VarBinds.Count == 1 && !single.VarBinds[0].Value.IsException) result.Add(single.VarBinds[0]);
        }
        return result;
    }

    async Task ReceiveAsync(CancellationToken ct)
    {
        try
        {
            await foreach (var datagram in _transport.Received.ReadAllAsync(ct).ConfigureAwait(false))
            {
                SnmpMessage message;
                try { message = SnmpMessage.Decode(datagram.Payload.Span, _decode); }
                catch (ParseError) { Engine.Counters.Increment(SnmpCounter.SnmpInASNParseErrs); continue; }
                Requester.Deliver(message, datagram.Payload.Span, datagram.Remote);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested) { }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        await _receiving.ConfigureAwait(false);
        _stop.Dispose();
    }
}
