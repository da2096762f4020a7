using System.Net;
using EUeConformance.Device.Options;
using EUeConformance.Device.Runtime;
using EUeConformance.Network.Fabric;
using EUeConformance.Protocols.Dhcp;
using EUeConformance.Protocols.Dhcp6;
using EUeConformance.Protocols.Wire;

namespace EUeConformance.Device.Dhcp;

/// <summary>
/// The RFC 3315 client machine shared by the eCM (Table 3 CM1v6-CM4v6) and the eUE in IPv6 mode (Table 5
/// eUE-1-eUE-4): SOLICIT rounds gathering ADVERTISEs, REQUEST to the chosen server with the same options,
/// the REPLY (checked by the subclass, which runs DAD), DECLINE, and RENEW/REBIND at T1/T2. Messages go to
/// All_DHCP_Relay_Agents_and_Servers from the link-local address; no Rapid Commit.
/// </summary>
public abstract class Dhcpv6Client : StateMachine<Dhcpv6ClientState>, IDisposable
{
    public const int ClientPort = 546, ServerPort = 547;
    public static readonly IPAddress AllDhcpRelayAgentsAndServers = IPAddress.Parse("ff02::1:2");

    readonly INetworkHost _host;
    readonly ActorTimer _timer;
    readonly Random _random;
    readonly List<Dhcp6Message> _advertises = [];
    IDatagramSocket? _socket;
    TimeSpan _rt;
    int _count;
    int _roundsWithAdvertise;
    DateTimeOffset _exchangeStart;
    DateTimeOffset _leaseStart;
    DateTimeOffset _solicitSent;

    protected Dhcpv6Client(string name, DeviceContext context, INetworkHost host, DeviceTimers timers, Random random) : base(name, context)
    {
        _host = host;
        Timers = timers;
        _random = random;
        _timer = NewTimer();
    }

    protected DeviceTimers Timers { get; }
    protected INetworkHost Host => _host;
    public uint TransactionId { get; private set; }
    /// <summary>The ADVERTISE the REQUEST went to.</summary>
    public Dhcp6Message? ChosenAdvertise { get; private set; }
    /// <summary>The REPLY that bound the lease (authoritative: Table 3 CM4v6, Table 5 eUE-4).</summary>
    public Dhcp6Message? Reply { get; private set; }
    public IaAddress? LeasedAddress { get; private set; }

    /// <summary>The link-local source the messages go from, or null to let the fabric choose.</summary>
    protected virtual IPAddress? SourceAddress => null;

    protected abstract Dhcp6Message BuildSolicit(uint transactionId, ushort elapsed);
    protected abstract Dhcp6Message BuildRequest(uint transactionId, ushort elapsed, Dhcp6Message advertise);
    protected abstract Dhcp6Message BuildRenew(uint transactionId, ushort elapsed, bool rebind, Dhcp6Message reply);
    /// <summary>The ADVERTISE to REQUEST from, or null: then SOLICIT again after <paramref name="retryAfter"/> from the last SOLICIT (null: the current RT; <see cref="Timeout.InfiniteTimeSpan"/>: never, until <see cref="Start"/>).</summary>
    protected abstract Dhcp6Message? ChooseAdvertise(IReadOnlyList<Dhcp6Message> advertises, int round, out TimeSpan? retryAfter);

    /// <summary>Checks a REPLY and configures its address (DAD included); false fails the step and restarts with SOLICIT.</summary>
    protected abstract Task<bool> AcceptReplyAsync(Dhcp6Message reply, IaAddress address, bool renewal);

    public void Start()
    {
        _socket ??= Open();
        _timer.Cancel();
        _roundsWithAdvertise = 0;
        Reply = null;
        LeasedAddress = null;
        _rt = FirstSolicitRt;
        Solicit("start");
    }

    public void Stop()
    {
        _timer.Cancel();
        TransitionTo(Dhcpv6ClientState.Stopped, "stopped");
    }

    IDatagramSocket Open()
    {
        var s = _host.OpenUdp(new IPEndPoint(IPAddress.IPv6Any, ClientPort));
        s.Received = OnDatagram;
        return s;
    }

    /// <summary>RFC 3315 §17.1.2: the first RT of a SOLICIT exchange, strictly above SOL_TIMEOUT.</summary>
    TimeSpan FirstSolicitRt => Timers.SolicitTimeout * (1 + Timers.SolicitFirstRand);

    uint NewTransactionId() => (uint)_random.Next(1, (int)Dhcp6Message.MaxTransactionId);

    ushort Elapsed()
    {
        var hundredths = (Context.Clock.GetUtcNow() - _exchangeStart).TotalMilliseconds / 10;
        return (ushort)Math.Min(hundredths, ushort.MaxValue);
    }

    void Send(Dhcp6Message message) =>
        _socket!.Send(message.Encode(), new IPEndPoint(AllDhcpRelayAgentsAndServers, ServerPort), SourceAddress);

    void Solicit(string reason)
    {
        if (reason != "retransmission")
        {
            TransactionId = NewTransactionId();
            _exchangeStart = Context.Clock.GetUtcNow();
        }
        _advertises.Clear();
        Send(BuildSolicit(TransactionId, Elapsed()));
        _solicitSent = Context.Clock.GetUtcNow();
        TransitionTo(Dhcpv6ClientState.Soliciting, $"SOLICIT xid 0x{TransactionId:x6} ({reason})");
        _timer.Start(_rt, EndOfSolicit);
    }

    void EndOfSolicit()
    {
        if (_advertises.Count == 0)
        {
            // RFC 3315 §14, §17.1.2: RT doubles up to SOL_MAX_RT.
            _rt = TimeSpan.FromTicks(Math.Min(_rt.Ticks * 2, Timers.SolicitMaxTimeout.Ticks));
            Solicit("retransmission");
            return;
        }
        var chosen = ChooseAdvertise(_advertises, _roundsWithAdvertise++, out var retryAfter);
        if (chosen is null && retryAfter == Timeout.InfiniteTimeSpan)
        {
            // EUE-PROV 6.3.4.3 Table 5 eUE-3: the eUE that every server told "0.0.0.0" goes no further with DHCP
            // until it is reinitialised: no SOLICIT is scheduled at all (before, an infinite wait less the time
            // spent soliciting came out negative, i.e. "SOLICIT again in 0 s", which a real network then sent).
            TransitionTo(Dhcpv6ClientState.Stopped, $"no acceptable ADVERTISE among {_advertises.Count}; no further SOLICIT");
            return;
        }
        if (chosen is null)
        {
            // EUE-PROV Table 3 CM3v6: the retry intervals (e.g. 2, 4, 8 s) separate one SOLICIT from the next, so the
            // time spent gathering ADVERTISEs counts towards them.
            var wait = retryAfter is { } retry ? retry - (Context.Clock.GetUtcNow() - _solicitSent) : _rt;
            if (wait < TimeSpan.Zero) wait = TimeSpan.Zero;
            TransitionTo(Dhcpv6ClientState.BackingOff, $"no acceptable ADVERTISE among {_advertises.Count}; SOLICIT again in {wait.TotalSeconds} s");
            _rt = FirstSolicitRt;
            _timer.Start(wait, () => Solicit("retry"));
            return;
        }
        ChosenAdvertise = chosen;
        TransactionId = NewTransactionId();
        _exchangeStart = Context.Clock.GetUtcNow();
        _rt = Timers.RequestTimeout;
        _count = 0;
        SendRequest();
    }

    void SendRequest()
    {
        Send(BuildRequest(TransactionId, Elapsed(), ChosenAdvertise!));
        _count++;
        TransitionTo(Dhcpv6ClientState.Requesting, $"REQUEST xid 0x{TransactionId:x6} ({_count})");
        _timer.Start(_rt, () =>
        {
            // RFC 3315 §18.1.1: after REQ_MAX_RC transmissions the client goes back to SOLICIT.
            if (_count >= Timers.RequestMaxCount) { Restart("no REPLY to REQUEST"); return; }
            _rt = TimeSpan.FromTicks(Math.Min(_rt.Ticks * 2, Timers.RequestMaxTimeout.Ticks));
            SendRequest();
        });
    }

    /// <summary>Fails the exchange and starts over with SOLICIT (Table 5: "restart with eUE-1").</summary>
    protected void Restart(string reason, TimeSpan? after = null)
    {
        _timer.Cancel();
        Reply = null;
        LeasedAddress = null;
        _rt = FirstSolicitRt;
        if (after is { } wait && wait > TimeSpan.Zero)
        {
            TransitionTo(Dhcpv6ClientState.BackingOff, $"{reason}; SOLICIT again in {wait.TotalSeconds} s");
            _timer.Start(wait, () => Solicit(reason));
        }
        else
        {
            Solicit(reason);
        }
    }

    void OnDatagram(Datagram datagram)
    {
        Dhcp6Message message;
        try { message = Dhcp6Message.Decode(datagram.Payload.Span); }
        catch (ParseError e) { Note($"ignored an undecodable DHCPv6 datagram: {e.Message}"); return; }
        if (message.IsRelay || message.TransactionId != TransactionId) return;
        if (!Equals(message.ClientId, OwnDuid)) return;
        switch (message.Type, State)
        {
            case (Dhcp6MessageType.Advertise, Dhcpv6ClientState.Soliciting):
                // RFC 3315 §15.3: an ADVERTISE without a server identifier is discarded; §17.1.3: so is one whose
                // Status Code says NoAddrsAvail (EUE-PROV Table 5 eUE-2: the step then fails like any DHCP failure).
                if (Unusable(message) is { } why) { Note($"ADVERTISE discarded: {why}"); break; }
                _advertises.Add(message);
                break;
            case (Dhcp6MessageType.Reply, Dhcpv6ClientState.Requesting or Dhcpv6ClientState.Renewing or Dhcpv6ClientState.Rebinding):
                _timer.Cancel();
                Context.Spawn(() => OnReplyAsync(message, renewal: State != Dhcpv6ClientState.Requesting));
                break;
            case (Dhcp6MessageType.Reply, Dhcpv6ClientState.Declining):
                _timer.Cancel();
                Restart("DECLINE acknowledged");
                break;
        }
    }

    static string? Unusable(Dhcp6Message advertise)
    {
        try
        {
            if (advertise.ServerId is null) return "no OPTION_SERVERID (RFC 3315 §15.3)";
            if (advertise.Status is { Code: Dhcp6Status.NoAddrsAvail }) return "Status Code NoAddrsAvail (RFC 3315 §17.1.3)";
            return null;
        }
        catch (ParseError e) { return $"malformed: {e.Problem}"; }
    }

    /// <summary>The client's own DUID: replies for another client are not ours.</summary>
    protected abstract Duid OwnDuid { get; }

    async Task OnReplyAsync(Dhcp6Message reply, bool renewal)
    {
        var ia = SafeIa(reply);
        var status = ia?.Status ?? SafeStatus(reply);
        var address = ia?.Addresses.FirstOrDefault(a => a.ValidLifetime > 0);
        if (address is null || status is { Code: not Dhcp6Status.Success })
        {
            Restart($"REPLY without a usable address ({status?.Code.ToString() ?? "no IA address"})", Timers.RestartDelay);
            return;
        }
        TransitionTo(Dhcpv6ClientState.Confirming, $"REPLY {address.Address}{(renewal ? " (renewal)" : "")}");
        var previous = Reply;
        Reply = reply;
        if (!await AcceptReplyAsync(reply, address, renewal))
        {
            if (State == Dhcpv6ClientState.Confirming) { Reply = renewal ? previous : null; Restart("REPLY not accepted", Timers.RestartDelay); }
            return;
        }
        LeasedAddress = address;
        _leaseStart = Context.Clock.GetUtcNow();
        TransitionTo(Dhcpv6ClientState.Bound, $"bound {address.Address}");
        ScheduleRenewal(ia!);
        OnBound(reply, renewal);
    }

    /// <summary>The REPLY was accepted and the address configured.</summary>
    protected virtual void OnBound(Dhcp6Message reply, bool renewal) { }

    static IaNa? SafeIa(Dhcp6Message m) { try { return m.IaNa; } catch (ParseError) { return null; } }
    static StatusCode? SafeStatus(Dhcp6Message m) { try { return m.Status; } catch (ParseError) { return null; } }

    void ScheduleRenewal(IaNa ia)
    {
        // RFC 3315 §22.4: T1/T2 of 0 leave the times to the client (0.5 and 0.8 of the preferred lifetime).
        uint preferred = LeasedAddress!.PreferredLifetime;
        if (preferred == IaAddress.Infinity) return;
        uint t1 = ia.T1 != 0 ? ia.T1 : preferred / 2;
        uint t2 = ia.T2 != 0 ? ia.T2 : preferred / 5 * 4;
        if (t1 == uint.MaxValue) return;
        _timer.Start(TimeSpan.FromSeconds(t1), () => StartRenew(TimeSpan.FromSeconds(t2), TimeSpan.FromSeconds(LeasedAddress.ValidLifetime)));
    }

    void StartRenew(TimeSpan t2, TimeSpan valid)
    {
        TransactionId = NewTransactionId();
        _exchangeStart = Context.Clock.GetUtcNow();
        _rt = TimeSpan.FromSeconds(10); // REN_TIMEOUT
        RenewStep(t2, valid);
    }

    void RenewStep(TimeSpan t2, TimeSpan valid)
    {
        var sinceLease = Context.Clock.GetUtcNow() - _leaseStart;
        if (sinceLease >= valid) { Restart("lease expired"); return; }
        bool rebind = sinceLease >= t2;
        Send(BuildRenew(TransactionId, Elapsed(), rebind, Reply!));
        TransitionTo(rebind ? Dhcpv6ClientState.Rebinding : Dhcpv6ClientState.Renewing, rebind ? "REBIND" : "RENEW");
        var wait = _rt;
        _rt = TimeSpan.FromTicks(Math.Min(_rt.Ticks * 2, TimeSpan.FromSeconds(600).Ticks)); // REN_MAX_RT / REB_MAX_RT
        var deadline = (rebind ? valid : t2) - sinceLease;
        if (wait > deadline) wait = deadline;
        _timer.Start(wait, () =>
        {
            // RFC 3315 §18.1.4: at T2 the client stops RENEW and starts a REBIND exchange (a new transaction).
            if (!rebind && Context.Clock.GetUtcNow() - _leaseStart >= t2) TransactionId = NewTransactionId();
            RenewStep(t2, valid);
        });
    }

    /// <summary>Table 5 eUE-4: DAD found the address in use: DECLINE it to the server, then start over.</summary>
    protected void Decline(Dhcp6Message reply, IaAddress address, uint iaid)
    {
        TransactionId = NewTransactionId();
        _exchangeStart = Context.Clock.GetUtcNow();
        _count = 0;
        _rt = Timers.DeclineTimeout;
        var options = new List<Dhcp6Option> { Dhcp6Options.ClientId(OwnDuid) };
        if (reply.ServerId is { } server) options.Add(Dhcp6Options.ServerId(server));
        options.Add(IaNa.WithAddress(iaid, 0, 0, new IaAddress(address.Address, 0, 0)).ToOption());
        var decline = Dhcp6Message.Create(Dhcp6MessageType.Decline, TransactionId, [.. options, Dhcp6Options.ElapsedTime(0)]);
        SendDecline(decline);
    }

    void SendDecline(Dhcp6Message decline)
    {
        Send(decline);
        _count++;
        TransitionTo(Dhcpv6ClientState.Declining, $"DECLINE ({_count})");
        _timer.Start(_rt, () =>
        {
            if (_count >= Timers.DeclineMaxCount) { Restart("DECLINE unanswered"); return; }
            _rt = TimeSpan.FromTicks(_rt.Ticks * 2);
            SendDecline(decline);
        });
    }

    public void Dispose()
    {
        _timer.Dispose();
        _socket?.Dispose();
        _socket = null;
    }
}
