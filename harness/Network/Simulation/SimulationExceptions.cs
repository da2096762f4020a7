namespace EUeConformance.Network.Simulation;

/// <summary>
/// Too much work at one virtual instant: an actor keeps posting work, or re-arms a zero-length timer,
/// without ever letting time move. Against a real device this would be a busy loop; in simulation it
/// would be a hang, so it is stopped and the actor named.
/// </summary>
public sealed class SimulationLivelockException(string actor, int actorItems, int totalItems, DateTimeOffset at)
    : Exception($"livelock: {totalItems} work items ran at {at:O} without virtual time moving; actor '{actor}' ran {actorItems} of them")
{
    public string Actor { get; } = actor;
    public DateTimeOffset At { get; } = at;
}

/// <summary>An actor's callback threw on the actor context: a harness error, reported with the actor's name.</summary>
public sealed class ActorFailedException(string actor, Exception inner)
    : Exception($"actor '{actor}' failed: {inner.Message}", inner)
{
    public string Actor { get; } = actor;
}
