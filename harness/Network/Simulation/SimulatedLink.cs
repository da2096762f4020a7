using EUeConformance.Network.Fabric;
using EUeConformance.Network.Time;

namespace EUeConformance.Network.Simulation;

/// <summary>
/// One simulated Ethernet segment. Every frame put on it meets the link's impairments and, for each
/// copy that survives, arrives after its delay as a work item: the frame is captured then (so the
/// pcap shows what the link carried, in arrival order, at arrival time) and handed to its receivers.
/// </summary>
internal sealed class SimulatedLink(string name, ActorContext context, VirtualClock clock, Random random, Action<CapturedFrame> capture) : ILink
{
    /// <summary>How long a frame chosen for reordering waits for a later frame to overtake it before it goes anyway.</summary>
    public static readonly TimeSpan ReorderHold = TimeSpan.FromMilliseconds(100);

    readonly List<SimulatedHost> _hosts = [];
    (Action Release, ITimer Timer)? _held;
    bool _closed;

    public string Name { get; } = name;

    public LinkImpairments Impairments { get; set; } = LinkImpairments.None;

    /// <summary>The hosts attached, in attach order: the order receivers are served in.</summary>
    public IReadOnlyList<SimulatedHost> Hosts => _hosts;

    public void Attach(SimulatedHost host) => _hosts.Add(host);

    public void Detach(SimulatedHost host) => _hosts.Remove(host);

    public IEnumerable<SimulatedHost> Others(SimulatedHost host) => _hosts.Where(h => h != host);

    /// <summary>The host that owns <paramref name="address"/> (assigned, not tentative), if any.</summary>
    public SimulatedHost? Owner(System.Net.IPAddress address) => _hosts.FirstOrDefault(h => h.Owns(address));

    /// <summary>Puts a datagram's or a control message's frame on the link; <paramref name="arrive"/> runs for each copy that gets through.</summary>
    public void Transmit(SimulatedHost from, byte[] frame, Action arrive) =>
        Carry(from, frame, arrive, FrameFate.Draw(Impairments, new CapturedFrame(clock.GetUtcNow(), Name, from.Mac, frame), random));

    /// <summary>Puts a TCP segment on the link: only the delay applies, so the byte stream stays in order.</summary>
    public void TransmitReliably(SimulatedHost from, byte[] frame, Action arrive) =>
        Carry(from, frame, arrive, FrameFate.Reliable(Impairments));

    public void Close()
    {
        _closed = true;
        _held?.Timer.Dispose();
        _held = null;
    }

    void Carry(SimulatedHost from, byte[] frame, Action arrive, FrameFate fate)
    {
        if (fate.Lost || _closed) return;
        string actor = $"link {Name}";
        void Arrive()
        {
            if (_closed) return;
            capture(new CapturedFrame(clock.GetUtcNow(), Name, from.Mac, frame));
            arrive();
        }
        void Send(TimeSpan delay) => After(delay, actor, Arrive);

        if (fate.HeldBack && _held is null)
        {
            // Reordering (netem's sense): this frame waits until the next one has gone ahead of it.
            var first = fate.CopyDelays[0];
            ITimer timer = clock.CreateTimer(_ => context.Post(actor, ReleaseHeld), null, ReorderHold, Timeout.InfiniteTimeSpan);
            _held = (() => Send(first), timer);
            foreach (var d in fate.CopyDelays.Skip(1)) Send(d);
            return;
        }
        foreach (var d in fate.CopyDelays) Send(d);
        ReleaseHeld();
    }

    void ReleaseHeld()
    {
        if (_held is not { } held) return;
        _held = null;
        held.Timer.Dispose();
        held.Release();
    }

    void After(TimeSpan delay, string actor, Action work)
    {
        if (delay <= TimeSpan.Zero) { context.Post(actor, work); return; }
        ITimer? timer = null;
        timer = clock.CreateTimer(_ => { timer!.Dispose(); context.Post(actor, work); }, null, delay, Timeout.InfiniteTimeSpan);
    }
}
