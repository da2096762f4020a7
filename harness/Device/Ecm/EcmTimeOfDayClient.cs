using System.Net;
using EUeConformance.Device.Options;
using EUeConformance.Device.Runtime;
using EUeConformance.Network.Fabric;
using EUeConformance.Protocols.Time;
using EUeConformance.Protocols.Wire;

namespace EUeConformance.Device.Ecm;

/// <summary>
/// The eCM's time-of-day retrieval (RFC 868 over UDP; EUE-PROV 6.2.1.1 bullet 3, 6.2.8.2, 6.3.2.3): it tries
/// before the eUE starts, with DHCP-like retries; when one iteration fails the eCM registers anyway and keeps
/// trying in the background, and the time it finally gets goes to the eUE at once.
/// </summary>
public sealed class EcmTimeOfDayClient(DeviceContext context, INetworkHost host, DeviceTimers timers, NetworkTime time)
    : StateMachine<EcmTimeOfDayState>("ecm-tod", context), IDisposable
{
    readonly ActorTimer _timer = new(context.Clock, context.Fault);
    readonly Dictionary<System.Net.Sockets.AddressFamily, IDatagramSocket> _sockets = [];
    IReadOnlyList<IPAddress> _servers = [];
    int? _offset;
    int _attempt;
    Action<bool>? _iterationDone;

    /// <summary>Starts an iteration; <paramref name="iterationDone"/> is told once whether it got ToD.</summary>
    public void Start(IReadOnlyList<IPAddress> servers, int? utcOffsetSeconds, Action<bool> iterationDone)
    {
        _servers = servers;
        _offset = utcOffsetSeconds;
        _attempt = 0;
        _iterationDone = iterationDone;
        _timer.Cancel();
        // EUE-PROV 6.2.1.1: the eCM attempts ToD before eUE provisioning; without a ToD server there is nothing to try.
        if (servers.Count == 0)
        {
            TransitionTo(EcmTimeOfDayState.RetryingInBackground, "no ToD server was given");
            Done(false);
            return;
        }
        Request();
    }

    void Request()
    {
        var server = _servers[_attempt % _servers.Count];
        var family = server.AddressFamily;
        if (!_sockets.TryGetValue(family, out var socket)) _sockets[family] = socket = Open(family);
        var source = host.Addresses.FirstOrDefault(a => a.Address.AddressFamily == family && !a.Address.IsIPv6LinkLocal)?.Address;
        try { socket.Send(TimeProtocolRequest.Encode(), new IPEndPoint(server, TimeProtocolMessage.Port), source); }
        catch (System.Net.Sockets.SocketException e)
        {
            // EUE-PROV 6.2.1.1: a ToD server the eCM cannot reach is a ToD attempt that failed, not the end of the eCM's
            // boot: the retries run on and the eCM registers without ToD (found against Kea and radvd: "network unreachable").
            Note($"RFC 868 request to {server} not sent: {e.SocketErrorCode}");
        }
        if (State != EcmTimeOfDayState.RetryingInBackground) TransitionTo(EcmTimeOfDayState.Requesting, $"RFC 868 request {_attempt + 1} to {server}");
        _timer.Start(timers.TodRequestTimeout, NoReply);
    }

    void NoReply()
    {
        if (State == EcmTimeOfDayState.RetryingInBackground)
        {
            _timer.Start(timers.TodBackgroundRetry, () => { _attempt++; Request(); });
            return;
        }
        // EUE-PROV 6.2.1.1: "suitable retry attempts, similar to DHCP backoff and retry".
        if (_attempt < timers.TodRetries.Count)
        {
            var wait = timers.TodRetries[_attempt++];
            TransitionTo(EcmTimeOfDayState.Retrying, $"no ToD reply; retry in {wait.TotalSeconds} s");
            _timer.Start(wait, Request);
            return;
        }
        TransitionTo(EcmTimeOfDayState.RetryingInBackground, "ToD not obtained after one iteration; registering without it");
        Done(false);
        _timer.Start(timers.TodBackgroundRetry, () => { _attempt++; Request(); });
    }

    IDatagramSocket Open(System.Net.Sockets.AddressFamily family)
    {
        var s = host.OpenUdp(new IPEndPoint(family == System.Net.Sockets.AddressFamily.InterNetworkV6 ? IPAddress.IPv6Any : IPAddress.Any, 0));
        s.Received = OnDatagram;
        return s;
    }

    void OnDatagram(Datagram datagram)
    {
        if (State is not (EcmTimeOfDayState.Requesting or EcmTimeOfDayState.RetryingInBackground)) return;
        TimeProtocolMessage reply;
        try { reply = TimeProtocolMessage.Decode(datagram.Payload.Span); }
        catch (ParseError e) { Note($"ignored a bad RFC 868 reply: {e.Message}"); return; }
        _timer.Cancel();
        var when = reply.ToDateTimeOffsetNear(Context.Clock.GetUtcNow());
        TransitionTo(EcmTimeOfDayState.Obtained, $"ToD {when:O} from {datagram.Source.Address}");
        time.Set(when, datagram.Source.Address, _offset);
        Done(true);
    }

    void Done(bool obtained)
    {
        var done = _iterationDone;
        _iterationDone = null;
        done?.Invoke(obtained);
    }

    public void Stop()
    {
        _timer.Cancel();
        _iterationDone = null;
        TransitionTo(EcmTimeOfDayState.Idle, "stopped");
    }

    public void Dispose()
    {
        _timer.Dispose();
        foreach (var s in _sockets.Values) s.Dispose();
        _sockets.Clear();
    }
}
