namespace EUeConformance.Protocols.Snmp.Agent;

/// <summary>One varbind of a SetRequest as a handler sees it: its 1-based position (the error-index if it fails), name and value.</summary>
public readonly record struct SetItem(int Index, ObjectIdentifier Name, SnmpValue Value);

/// <summary>A phase-2 action prepared by phase 1 (RFC 3416 §4.2.5): commit it, and undo it if a later commit fails.</summary>
public interface ISetCommit
{
    /// <summary>Makes the assignments; anything but noError makes the agent undo and answer commitFailed.</summary>
    SnmpErrorStatus Commit();
    /// <summary>Reverses a successful <see cref="Commit"/>; false makes the agent answer undoFailed.</summary>
    bool Undo();
}

/// <summary>Phase 1's verdict for one handler's varbinds: a commit to run, or the first failing varbind and why.</summary>
public readonly record struct SetTest(ISetCommit? Commit, int ErrorIndex, SnmpErrorStatus Error)
{
    public static SetTest Ok(ISetCommit commit) => new(commit, 0, SnmpErrorStatus.NoError);
    public static SetTest Fail(int errorIndex, SnmpErrorStatus error) => new(null, errorIndex, error);
    public bool IsOk => Error == SnmpErrorStatus.NoError;
}

/// <summary>
/// The instances under one registered subtree of the agent's MIB: a scalar, a table, or anything a
/// device adds. Reads return values or RFC 3416 exceptions; GetNext walks in lexicographic order
/// (RFC 3416 §4.2.2) within the subtree; a SET is tested for all of the handler's varbinds at once
/// (so a table sees a whole row creation) and committed later, the two phases of RFC 3416 §4.2.5.
/// </summary>
public interface IMibHandler
{
    /// <summary>The subtree this handler owns: every instance it serves lies under it.</summary>
    ObjectIdentifier Subtree { get; }

    /// <summary>The value of <paramref name="instance"/>, or noSuchObject / noSuchInstance (RFC 3416 §4.2.1).</summary>
    SnmpValue Get(ObjectIdentifier instance);

    /// <summary>The first instance strictly after <paramref name="after"/> (RFC 3416 §4.2.2), with its value; null when the subtree has none.</summary>
    VarBind? GetNext(ObjectIdentifier after);

    /// <summary>Phase 1 of RFC 3416 §4.2.5 for this handler's varbinds: every check, no change.</summary>
    SetTest TestSet(IReadOnlyList<SetItem> items);
}
