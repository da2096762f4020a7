namespace EUeConformance.Network.Simulation;

/// <summary>
/// Installed while the simulation is pumped, so that every await in actor code resumes through the
/// actor queue (in order, on the pumping thread) rather than on the thread pool.
/// </summary>
internal sealed class ActorSynchronizationContext(ActorContext context) : SynchronizationContext
{
    public override void Post(SendOrPostCallback d, object? state) => context.Post(() => d(state));

    public override void Send(SendOrPostCallback d, object? state)
    {
        if (!context.IsPumpingHere) throw new NotSupportedException("the simulation's actor context runs work only on the thread that pumps it");
        d(state);
    }

    // The same instance, so that an await resumed from inside the context may continue inline.
    public override SynchronizationContext CreateCopy() => this;
}
