namespace EUeConformance.Protocols.Snmp.Agent;

/// <summary>
/// The Command Responder application (RFC 3413 §3.2) over a <see cref="MibTree"/>: Get, GetNext,
/// GetBulk and Set as RFC 3416 §4.2.1-4.2.5 define them, with SNMPv1's behaviour where it differs
/// (RFC 1157 §4.1; RFC 3584 §4.4 maps the v2 errors, §4.2.2.1 hides Counter64). Pure over the MIB:
/// no encoding, no transport; the agent sizes the Response around it.
/// </summary>
public static class CommandResponder
{
    /// <param name="request">A Get, GetNext, GetBulk or Set PDU.</param>
    /// <param name="access">What the community or user may do.</param>
    /// <param name="varBindBudget">GetBulk stops adding varbinds when their encodings would exceed this many octets (RFC 3416 §4.2.3: the Response is cut to fit the message size).</param>
    /// <param name="setGate">Serialises SETs, so that one SET's test and commit see no other SET in between (RFC 3416 §4.2.5: "as if simultaneously").</param>
    public static Pdu Process(MibTree mib, Pdu request, SnmpVersion version, SnmpAccess access, int varBindBudget, Lock setGate) => request.Type switch
    {
        PduType.GetRequest => Get(mib, request, version),
        PduType.GetNextRequest => GetNext(mib, request, version),
        PduType.GetBulkRequest => GetBulk(mib, request, varBindBudget),
        PduType.SetRequest => Set(mib, request, version, access, setGate),
        _ => throw new ArgumentException($"{request.Type.Describe()} is not a request a command responder answers", nameof(request)),
    };

    static Pdu Response(Pdu request, SnmpErrorStatus status, int index, IReadOnlyList<VarBind> varBinds) =>
        new(PduType.Response, request.RequestId, status, index, varBinds);

    /// <summary>The error answer: status and index, with the request's own varbinds (RFC 3416 §4.2.1, §4.2.5; RFC 1157 §4.1.2).</summary>
    static Pdu Error(Pdu request, SnmpVersion version, SnmpErrorStatus status, int index) =>
        Response(request, version == SnmpVersion.V1 ? ToV1(status) : status, index, request.VarBinds);

    /// <summary>RFC 3584 §4.4: the v2 error-status values an SNMPv1 Response uses instead.</summary>
    public static SnmpErrorStatus ToV1(SnmpErrorStatus status) => status switch
    {
        SnmpErrorStatus.NoAccess or SnmpErrorStatus.NotWritable or SnmpErrorStatus.NoCreation or SnmpErrorStatus.InconsistentName
            or SnmpErrorStatus.AuthorizationError => SnmpErrorStatus.NoSuchName,
        SnmpErrorStatus.WrongType or SnmpErrorStatus.WrongLength or SnmpErrorStatus.WrongEncoding or SnmpErrorStatus.WrongValue
            or SnmpErrorStatus.InconsistentValue => SnmpErrorStatus.BadValue,
        SnmpErrorStatus.ResourceUnavailable or SnmpErrorStatus.CommitFailed or SnmpErrorStatus.UndoFailed => SnmpErrorStatus.GenErr,
        _ => status,
    };

    // ------------------------------------------------------------ Get (RFC 3416 §4.2.1)

    static Pdu Get(MibTree mib, Pdu request, SnmpVersion version)
    {
        var result = new VarBind[request.VarBinds.Count];
        for (int i = 0; i < result.Length; i++)
        {
            var name = request.VarBinds[i].Name;
            var value = mib.Get(name);
            // RFC 1157 §4.1.2 / RFC 3584 §4.2.2.1: v1 has no exceptions (and no Counter64): noSuchName for the first such varbind.
            if (version == SnmpVersion.V1 && (value.IsException || value.Type == SnmpType.Counter64)) return Error(request, version, SnmpErrorStatus.NoSuchName, i + 1);
            result[i] = new VarBind(name, value);
        }
        return Response(request, SnmpErrorStatus.NoError, 0, result);
    }

    // ------------------------------------------------------------ GetNext (RFC 3416 §4.2.2)

    static Pdu GetNext(MibTree mib, Pdu request, SnmpVersion version)
    {
        var result = new VarBind[request.VarBinds.Count];
        for (int i = 0; i < result.Length; i++)
        {
            var next = Next(mib, request.VarBinds[i].Name, version);
            if (next is null)
            {
                // RFC 1157 §4.1.3: noSuchName at the end of the MIB; RFC 3416 §4.2.2: endOfMibView in v2.
                if (version == SnmpVersion.V1) return Error(request, version, SnmpErrorStatus.NoSuchName, i + 1);
                result[i] = new VarBind(request.VarBinds[i].Name, SnmpValue.EndOfMibView);
            }
            else result[i] = next;
        }
        return Response(request, SnmpErrorStatus.NoError, 0, result);
    }

    static VarBind? Next(MibTree mib, ObjectIdentifier name, SnmpVersion version)
    {
        var next = mib.GetNext(name);
        // RFC 3584 §4.2.2.1: an SNMPv1 GetNext skips Counter64 instances.
        while (version == SnmpVersion.V1 && next is { Value.Type: SnmpType.Counter64 }) next = mib.GetNext(next.Name);
        return next;
    }

    // ------------------------------------------------------------ GetBulk (RFC 3416 §4.2.3)

    static Pdu GetBulk(MibTree mib, Pdu request, int budget)
    {
        int n = Math.Min(request.NonRepeaters, request.VarBinds.Count);
        int m = request.MaxRepetitions;
        int r = request.VarBinds.Count - n;
        var result = new List<VarBind>();
        int used = 0;
        bool Add(VarBind vb)
        {
            used += vb.EncodedLength;
            if (used > budget) return false;
            result.Add(vb);
            return true;
        }

        for (int i = 0; i < n; i++)
            if (!Add(mib.GetNext(request.VarBinds[i].Name) ?? new VarBind(request.VarBinds[i].Name, SnmpValue.EndOfMibView)))
                return Response(request, SnmpErrorStatus.NoError, 0, result);

        var last = request.VarBinds.Skip(n).Select(v => v.Name).ToArray();
        for (int rep = 0; rep < m && r > 0; rep++)
        {
            bool allEnd = true;
            for (int j = 0; j < r; j++)
            {
                var next = mib.GetNext(last[j]);
                var vb = next ?? new VarBind(last[j], SnmpValue.EndOfMibView);
                if (next is not null) { last[j] = next.Name; allEnd = false; }
                if (!Add(vb)) return Response(request, SnmpErrorStatus.NoError, 0, result);
            }
            // RFC 3416 §4.2.3: once every repeater is at endOfMibView, further repetitions add nothing.
            if (allEnd) break;
        }
        return Response(request, SnmpErrorStatus.NoError, 0, result);
    }

    // ------------------------------------------------------------ Set (RFC 3416 §4.2.5)

    static Pdu Set(MibTree mib, Pdu request, SnmpVersion version, SnmpAccess access, Lock setGate)
    {
        if (request.VarBinds.Count == 0) return Response(request, SnmpErrorStatus.NoError, 0, []);
        // Step 1: a variable outside the write view is noAccess (a read-only community or user has no write view).
        if (access != SnmpAccess.ReadWrite) return Error(request, version, SnmpErrorStatus.NoAccess, 1);

        var byHandler = new Dictionary<IMibHandler, List<SetItem>>(ReferenceEqualityComparer.Instance);
        var order = new List<IMibHandler>();
        for (int i = 0; i < request.VarBinds.Count; i++)
        {
            var vb = request.VarBinds[i];
            // Step 2: nothing under this name can ever be created or modified: notWritable.
            if (mib.Find(vb.Name) is not { } handler) return Error(request, version, SnmpErrorStatus.NotWritable, i + 1);
            if (!byHandler.TryGetValue(handler, out var items)) { byHandler[handler] = items = []; order.Add(handler); }
            items.Add(new SetItem(i + 1, vb.Name, vb.Value));
        }

        lock (setGate)
        {
            // Phase 1: every handler tests all its varbinds; the lowest failing index is answered.
            var commits = new List<ISetCommit>(order.Count);
            SetTest? failure = null;
            foreach (var handler in order)
            {
                var test = handler.TestSet(byHandler[handler]);
                if (!test.IsOk) { if (failure is null || test.ErrorIndex < failure.Value.ErrorIndex) failure = test; }
                else commits.Add(test.Commit!);
            }
            if (failure is { } f) return Error(request, version, f.Error, f.ErrorIndex);

            // Phase 2: commit in order; on failure undo what was done, in reverse (commitFailed or undoFailed).
            for (int c = 0; c < commits.Count; c++)
            {
                SnmpErrorStatus status;
                try { status = commits[c].Commit(); }
                catch (Exception) { status = SnmpErrorStatus.CommitFailed; }
                if (status == SnmpErrorStatus.NoError) continue;
                bool undone = true;
                for (int u = c - 1; u >= 0; u--)
                {
                    try { undone &= commits[u].Undo(); }
                    catch (Exception) { undone = false; }
                }
                int index = byHandler[order[c]][0].Index;
                return Error(request, version, undone ? SnmpErrorStatus.CommitFailed : SnmpErrorStatus.UndoFailed, index);
            }
        }
        // RFC 3416 §4.2.5: the Response carries the request's variable-bindings.
        return Response(request, SnmpErrorStatus.NoError, 0, request.VarBinds);
    }
}
