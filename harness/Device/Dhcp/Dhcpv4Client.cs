using System.Net;
using EUeConformance.Device.Options;
using EUeConformance.Device.Runtime;
using EUeConformance.Network.Fabric;
using EUeConformance.Protocols.Dhcp4;
using EUeConformance.Protocols.Wire;

namespace EUeConformance.Device.Dhcp;

/// <summary>
/// The RFC 2131 client machine shared by the eCM (Table 2) and the eUE in IPv4 mode (6.3.3): DISCOVER
/// rounds that gather OFFERs, a REQUEST for the chosen one, the ACK, and renewal at T1/T2. What goes
/// into the messages and which OFFER is acceptable are the subclass's (the spec's rules differ).
/// Inputs: datagrams on port 68 and timer ticks.
/// </summary>
public abstract class Dhcpv4Client : StateMachine<Dhcpv4ClientState>, IDisposable
{
    public const int ClientPort = 68, ServerPort = 67;

    readonly INetworkHost _host;
    readonly ActorTimer _timer;
    readonly Random _random;
    IDatagramSocket? _socket;
    readonly List<DhcpMessage> _offers = [];
    int _retransmission;
    DhcpMessage? _chosen;
    DateTimeOffset _leaseStart;
    DateTimeOffset _discoverSent;

    protected Dhcpv4Client(string name, DeviceContext context, INetworkHost host, DeviceTimers timers, Random random) : base(name, context)
    {
        _host = host;
        Timers = timers;
        _random = random;
        _timer = NewTimer();
    }

    protected DeviceTimers Timers { get; }
    /// <summary>The device's seeded source of randomness (xids, retransmission jitter).</summary>
    protected Random Random => _random;
    protected INetworkHost Host => _host;
    protected byte[] Mac => _host.Mac.GetAddressBytes();
    public uint TransactionId { get; private set; }
    /// <summary>The last ACK, authoritative for the lease (EUE-PROV Table 2 CM4; PKT-PROV1.5 MTA-4).</summary>
    public DhcpMessage? Ack { get; private set; }
    public IPAddress? LeasedAddress => Ack?.YiAddr;
    public IPAddress? ServerIdentifier { get; private set; }

    /// <summary>The options after 53 in DISCOVER and REQUEST; a REQUEST carries the same ones (Table 2 CM3).</summary>
    protected abstract IReadOnlyList<DhcpOption> ClientOptions();

    /// <summary>The OFFER to take from one round, or null; <paramref name="round"/> counts rounds that brought OFFERs.</summary>
    protected abstract DhcpMessage? ChooseOffer(IReadOnlyList<DhcpMessage> offers, int round, out TimeSpan? retryAfter);

    /// <summary>
    /// The interval from a DISCOVER to its <paramref name="attempt"/>-th retransmission (RFC 2131 §4.1), the OFFER
    /// collection window included. Default: the schedule of <see cref="DeviceTimers.Dhcpv4Retransmissions"/> as it is.
    /// </summary>
    protected virtual TimeSpan DiscoverRetransmissionWait(int attempt) => DeviceTimers.At(Timers.Dhcpv4Retransmissions, attempt);

    /// <summary>How long the <paramref name="attempt"/>-th REQUEST (SELECTING) waits for its ACK before it is sent again (RFC 2131 §4.1).</summary>
    protected virtual TimeSpan RequestRetransmissionWait(int attempt) => DeviceTimers.At(Timers.Dhcpv4Retransmissions, attempt);

    /// <summary>An ACK arrived: the first one of a lease, or a renewal's.</summary>
    protected abstract void OnAck(DhcpMessage ack, bool renewal);

    /// <summary>The lease was lost (NAK, expiry): the subclass restarts or reports.</summary>
    protected virtual void OnLeaseLost(string reason) => Start();

    int _roundsWithOffers;

    public void Start()
    {
        _socket ??= Open();
        _timer.Cancel();
        _offers.Clear();
        _retransmission = 0;
        _roundsWithOffers = 0;
        Ack = null;
        ServerIdentifier = null;
        Discover("start");
    }

    public void Stop()
    {
        _timer.Cancel();
        TransitionTo(Dhcpv4ClientState.Stopped, "stopped");
    }

    IDatagramSocket Open()
    {
        var s = _host.OpenUdp(new IPEndPoint(IPAddress.Any, ClientPort));
        s.Received = OnDatagram;
        return s;
    }

    void Discover(string reason)
    {
        TransactionId = (uint)_random.Next();
        _offers.Clear();
        Broadcast(DhcpMessage.Create(DhcpMessageType.Discover, TransactionId, Mac, ClientOptions(), broadcast: true));
        _discoverSent = Context.Clock.GetUtcNow();
        TransitionTo(Dhcpv4ClientState.Selecting, $"DISCOVER xid 0x{TransactionId:x8} ({reason})");
        _timer.Start(Timers.OfferCollectionWindow, EndOfSelection);
    }

    void EndOfSelection()
    {
        if (_offers.Count == 0)
        {
            // RFC 2131 §4.1: no reply: retransmit with exponential backoff (4, 8, 16… s between transmissions).
            var wait = SinceDiscover(DiscoverRetransmissionWait(_retransmission++));
            TransitionTo(Dhcpv4ClientState.BackingOff, $"no OFFER; DISCOVER again in {wait.TotalSeconds} s");
            _timer.Start(wait, () => Discover("retransmission"));
            return;
        }
        _retransmission = 0;
        var chosen = ChooseOffer(_offers, _roundsWithOffers++, out var retryAfter);
        if (chosen is null)
        {
            // EUE-PROV Table 2 CM3: the retry intervals (e.g. 2, 4, 8 s) separate one DISCOVER from the next, so the
            // time spent gathering OFFERs counts towards them.
            var wait = SinceDiscover(retryAfter ?? DeviceTimers.At(Timers.Dhcpv4Retransmissions, 0));
            TransitionTo(Dhcpv4ClientState.BackingOff, $"no acceptable OFFER among {_offers.Count}; DISCOVER again in {wait.TotalSeconds} s");
            _timer.Start(wait, () => Discover("retry"));
            return;
        }
        _chosen = chosen;
        ServerIdentifier = chosen.GetOption(DhcpOptionCode.ServerIdentifier)?.AsAddress();
        _retransmission = 0;
        SendSelectingRequest();
    }

    /// <summary>What is left of <paramref name="interval"/> (measured from the last DISCOVER) now that the OFFERs were gathered.</summary>
    TimeSpan SinceDiscover(TimeSpan interval)
    {
        var left = interval - (Context.Clock.GetUtcNow() - _discoverSent);
        return left > TimeSpan.Zero ? left : TimeSpan.Zero;
    }

    void SendSelectingRequest()
    {
        // RFC 2131 §4.3.2: in SELECTING the REQUEST names the server (54) and the offered address (50).
        var options = new List<DhcpOption> { DhcpOption.FromAddress(DhcpOptionCode.RequestedIpAddress, _chosen!.YiAddr) };
        if (ServerIdentifier is not null) options.Add(DhcpOption.ServerIdentifier(ServerIdentifier));
        options.AddRange(ClientOptions());
        Broadcast(DhcpMessage.Create(DhcpMessageType.Request, TransactionId, Mac, options, broadcast: true));
        TransitionTo(Dhcpv4ClientState.Requesting, $"REQUEST {_chosen.YiAddr} from {ServerIdentifier}");
        var wait = RequestRetransmissionWait(_retransmission++);
        _timer.Start(wait, () =>
        {
            if (_retransmission >= 4) { _retransmission = 0; Discover("no ACK"); }
            else SendSelectingRequest();
        });
    }

    void OnDatagram(Datagram datagram)
    {
        DhcpMessage message;
        try { message = DhcpMessage.Decode(datagram.Payload.Span); }
        catch (ParseError e) { Note($"ignored an undecodable DHCPv4 datagram: {e.Message}"); return; }
        if (message.Op != BootOp.BootReply || message.Xid != TransactionId || !message.ClientHardwareAddress.AsSpan().SequenceEqual(Mac)) return;
        switch (message.MessageType, State)
        {
            case (DhcpMessageType.Offer, Dhcpv4ClientState.Selecting):
                _offers.Add(message);
                break;
            case (DhcpMessageType.Ack, Dhcpv4ClientState.Requesting):
                _timer.Cancel();
                Bind(message, renewal: false);
                break;
            case (DhcpMessageType.Ack, Dhcpv4ClientState.Renewing or Dhcpv4ClientState.Rebinding):
                _timer.Cancel();
                Bind(message, renewal: true);
                break;
            case (DhcpMessageType.Nak, Dhcpv4ClientState.Requesting or Dhcpv4ClientState.Renewing or Dhcpv4ClientState.Rebinding):
                _timer.Cancel();
                Ack = null;
                TransitionTo(Dhcpv4ClientState.Idle, "NAK");
                OnLeaseLost("NAK");
                break;
        }
    }

    void Bind(DhcpMessage ack, bool renewal)
    {
        Ack = ack;
        ServerIdentifier = ack.GetOption(DhcpOptionCode.ServerIdentifier)?.AsAddress() ?? ServerIdentifier;
        _leaseStart = Context.Clock.GetUtcNow();
        TransitionTo(Dhcpv4ClientState.Bound, $"ACK {ack.YiAddr} from {ServerIdentifier}{(renewal ? " (renewal)" : "")}");
        ScheduleRenewal();
        OnAck(ack, renewal);
    }

    /// <summary>Lease, T1 and T2 from options 51, 58, 59 (RFC 2131 §4.4.5 defaults: T1 = 0.5, T2 = 0.875 of the lease).</summary>
    (TimeSpan Lease, TimeSpan T1, TimeSpan T2)? LeaseTimes()
    {
        if (Ack?.GetOption(DhcpOptionCode.IpAddressLeaseTime) is not { Length: 4 } l) return null;
        uint lease = l.AsUInt32();
        if (lease == uint.MaxValue) return null;
        uint t1 = Ack.GetOption(DhcpOptionCode.RenewalTimeValue) is { Length: 4 } o1 ? o1.AsUInt32() : lease / 2;
        uint t2 = Ack.GetOption(DhcpOptionCode.RebindingTimeValue) is { Length: 4 } o2 ? o2.AsUInt32() : lease / 8 * 7;
        return (TimeSpan.FromSeconds(lease), TimeSpan.FromSeconds(t1), TimeSpan.FromSeconds(t2));
    }

    void ScheduleRenewal()
    {
        if (LeaseTimes() is not { } times) return;
        var elapsed = Context.Clock.GetUtcNow() - _leaseStart;
        _timer.Start(times.T1 - elapsed, () => Renew(times));
    }

    void Renew((TimeSpan Lease, TimeSpan T1, TimeSpan T2) times)
    {
        TransactionId = (uint)_random.Next();
        var now = Context.Clock.GetUtcNow() - _leaseStart;
        bool rebinding = now >= times.T2;
        // RFC 2131 §4.3.2: in RENEWING/REBINDING ciaddr holds the address; no 50, no 54.
        var request = DhcpMessage.Create(DhcpMessageType.Request, TransactionId, Mac, ClientOptions()) with { CiAddr = Ack!.YiAddr };
        var source = Ack.YiAddr;
        if (rebinding || ServerIdentifier is null)
            _socket!.Send(request.Encode(), new IPEndPoint(IPAddress.Broadcast, ServerPort), source);
        else
            _socket!.Send(request.Encode(), new IPEndPoint(ServerIdentifier, ServerPort), source);
        TransitionTo(rebinding ? Dhcpv4ClientState.Rebinding : Dhcpv4ClientState.Renewing, $"REQUEST to {(rebinding ? "any server" : ServerIdentifier)}");
        // RFC 2131 §4.4.5: retry at half the remaining time, down to 60 s; the lease lost at its end.
        var deadline = rebinding ? times.Lease : times.T2;
        var wait = TimeSpan.FromTicks(Math.Max((deadline - now).Ticks / 2, TimeSpan.FromSeconds(60).Ticks));
        if (now + wait >= times.Lease)
        {
            _timer.Start(times.Lease - now, () => { Ack = null; TransitionTo(Dhcpv4ClientState.Idle, "lease expired"); OnLeaseLost("lease expired"); });
            return;
        }
        _timer.Start(wait, () => Renew(times));
    }

    void Broadcast(DhcpMessage message) =>
        _socket!.Send(message.Encode(), new IPEndPoint(IPAddress.Broadcast, ServerPort), IPAddress.Any);

    public void Dispose()
    {
        _timer.Dispose();
        _socket?.Dispose();
        _socket = null;
    }
}
