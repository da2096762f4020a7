namespace EUeConformance.Device.Runtime;

/// <summary>
/// A state machine of the device. Its inputs are messages (datagrams delivered on the actor context)
/// and timer ticks (<see cref="ActorTimer"/>); its state is an enum named after the spec's flow steps.
/// Every transition goes to the device log with the reason, which is what scenarios and mutant
/// reviews read.
/// </summary>
public abstract class StateMachine<TState>(string name, DeviceContext context) where TState : struct, Enum
{
    public string Name { get; } = name;
    protected DeviceContext Context { get; } = context;
    public TState State { get; private set; }

    public event Action<TState>? StateChanged;

    protected void TransitionTo(TState next, string reason, IReadOnlyDictionary<string, string>? fields = null)
    {
        var previous = State;
        State = next;
        var f = new Dictionary<string, string>(fields ?? new Dictionary<string, string>())
        {
            ["device.from"] = previous.ToString(),
            ["device.to"] = next.ToString(),
        };
        Context.Log(Name, "state", $"{previous} -> {next}: {reason}", f);
        StateChanged?.Invoke(next);
    }

    protected ActorTimer NewTimer() => new(Context.Clock, Context.Fault);

    protected void Note(string text, IReadOnlyDictionary<string, string>? fields = null) => Context.Log(Name, "event", text, fields);
}
