using System.Collections.Concurrent;
using EUeConformance.Protocols.Snmp.Usm;

namespace EUeConformance.Protocols.Snmp.Engine;

/// <summary>
/// One SNMP engine (RFC 3411 §3.1.1): its snmpEngineID, snmpEngineBoots, and snmpEngineTime, which
/// counts seconds since the engine started on the injected <see cref="TimeProvider"/> (RFC 3411 §5:
/// snmpEngineTime; the USM's Time Window is measured on it, RFC 3414 §2.2.3). It keeps the usmUserTable
/// for which it is authoritative, the users it localized for remote engines it talks to, its notion of
/// those engines' boots and time (RFC 3414 §2.3, the LCD), its counters, and the salt source of the
/// privacy protocols. Everything an agent, a manager or a notification receiver shares.
/// </summary>
public sealed class SnmpEngine
{
    readonly long _started;
    readonly ConcurrentDictionary<string, (UsmEngineTimeNotion Notion, long At)> _remote = new(StringComparer.Ordinal);
    UsmUserTable _users;
    int _nextMessageId;
    int _nextRequestId;

    /// <param name="random">Draws the msgID and request-id starting points; null: a shared random source. A seeded one makes the
    /// engine's identifiers, and so its datagrams, repeat from run to run (the simulation's determinism).</param>
    public SnmpEngine(ReadOnlySpan<byte> engineId, int boots, TimeProvider clock, IEnumerable<UsmUser>? users = null, IUsmSaltSource? salt = null, int maxMessageSize = 65507,
        Random? random = null)
    {
        if (engineId.Length is < UsmSecurityParameters.MinEngineIdLength or > UsmSecurityParameters.MaxEngineIdLength)
            throw new ArgumentException($"snmpEngineID is {UsmSecurityParameters.MinEngineIdLength}..{UsmSecurityParameters.MaxEngineIdLength} octets (RFC 3411 §5), not {engineId.Length}", nameof(engineId));
        ArgumentOutOfRangeException.ThrowIfNegative(boots);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxMessageSize, SnmpV3Message.MinMaxSize);
        EngineId = engineId.ToArray();
        Boots = boots;
        Clock = clock ?? throw new ArgumentNullException(nameof(clock));
        _started = clock.GetTimestamp();
        _users = new UsmUserTable(users ?? []);
        Salt = salt ?? new UsmSaltCounter();
        MaxMessageSize = maxMessageSize;
        // Random starting points, as RFC 3412 §6.2 suggests for msgID, so that a restart does not reuse recent ones.
        random ??= Random.Shared;
        _nextMessageId = random.Next(1, int.MaxValue / 2);
        _nextRequestId = random.Next(1, int.MaxValue / 2);
    }

    public byte[] EngineId { get; }
    public int Boots { get; }
    public TimeProvider Clock { get; }
    public IUsmSaltSource Salt { get; }
    public SnmpCounters Counters { get; } = new();
    /// <summary>snmpEngineMaxMessageSize (RFC 3411 §5): the largest message this engine sends or receives; 65507 is a UDP/IPv4 datagram's limit.</summary>
    public int MaxMessageSize { get; }

    /// <summary>snmpEngineTime: whole seconds since this engine started, at most 2147483647.</summary>
    public int Time => (int)Math.Min(Clock.GetElapsedTime(_started).Ticks / TimeSpan.TicksPerSecond, UsmTimeliness.MaxValue);

    /// <summary>Centiseconds since start: sysUpTime (RFC 3418), the first varbind of every notification.</summary>
    public uint UpTime => unchecked((uint)(Clock.GetElapsedTime(_started).Ticks / (TimeSpan.TicksPerMillisecond * 10)));

    /// <summary>This engine as the USM sees it now.</summary>
    public UsmLocalEngine Local => new(EngineId, Boots, Time);

    public UsmUserTable Users => Volatile.Read(ref _users);

    /// <summary>Adds (or replaces) a usmUserTable row: one of ours, or one localized for a remote engine.</summary>
    public void AddUser(UsmUser user)
    {
        UsmUserTable current, next;
        do { current = Volatile.Read(ref _users); next = current.With(user); }
        while (Interlocked.CompareExchange(ref _users, next, current) != current);
    }

    public int NextMessageId() => Interlocked.Increment(ref _nextMessageId) & int.MaxValue;
    public int NextRequestId() => Interlocked.Increment(ref _nextRequestId) & int.MaxValue;

    // ------------------------------------------------------------ remote engines (RFC 3414 §2.3)

    /// <summary>The current notion of a remote engine's boots and time (advanced by the local clock since it was learnt), or null when unknown.</summary>
    public UsmEngineTimeNotion? RemoteTime(ReadOnlySpan<byte> engineId)
    {
        if (!_remote.TryGetValue(Convert.ToHexString(engineId), out var entry)) return null;
        int elapsed = (int)Math.Min(Clock.GetElapsedTime(entry.At).Ticks / TimeSpan.TicksPerSecond, int.MaxValue);
        return entry.Notion.Advance(elapsed);
    }

    /// <summary>Stores what was learnt about a remote engine (discovery, or step 7b of an authentic message).</summary>
    public void LearnRemote(ReadOnlySpan<byte> engineId, UsmEngineTimeNotion notion) =>
        _remote[Convert.ToHexString(engineId)] = (notion, Clock.GetTimestamp());

    public bool KnowsRemote(ReadOnlySpan<byte> engineId) => _remote.ContainsKey(Convert.ToHexString(engineId));

    public override string ToString() => $"engine {Convert.ToHexString(EngineId).ToLowerInvariant()} boots {Boots} time {Time}";
}
