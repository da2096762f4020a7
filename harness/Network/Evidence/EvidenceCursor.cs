namespace EUeConformance.Network.Evidence;

/// <summary>
/// A place in a scenario's evidence: everything published after it is "new". Steps keep one to say
/// "the next SOLICIT after the ADVERTISE I just saw", and to look back at what already went by.
/// </summary>
public readonly record struct EvidenceCursor(long AfterSequence)
{
    /// <summary>Before the first event: every event counts.</summary>
    public static EvidenceCursor Start => new(0);

    /// <summary>Just past <paramref name="evidence"/>.</summary>
    public static EvidenceCursor After(EvidenceEvent evidence) => new(evidence.Sequence);

    public bool Precedes(EvidenceEvent evidence) => evidence.Sequence > AfterSequence;
}
