using System.Net;
using EUeConformance.Protocols.Dhcp6;

namespace EUeConformance.Headend.Servers.Dhcp6;

/// <summary>
/// RFC 3315 §20.3: a RELAY-FORW is unwrapped to the client's message, and the reply is wrapped back in one
/// RELAY-REPL per relay, with each relay's hop count, link and peer addresses, and its Interface-Id echoed
/// (§22.18), then sent to the relay that forwarded it, at the server port.
/// </summary>
public sealed class RelayChain
{
    readonly List<Dhcp6Message> _relays = [];

    RelayChain() { }

    public IReadOnlyList<Dhcp6Message> Relays => _relays;
    public bool IsRelayed => _relays.Count > 0;

    /// <summary>The client message inside <paramref name="message"/>, and the relays it came through (outermost first).</summary>
    public static (Dhcp6Message Client, RelayChain Chain) Unwrap(Dhcp6Message message)
    {
        var chain = new RelayChain();
        while (message.IsRelay && message.Type == Dhcp6MessageType.RelayForw)
        {
            chain._relays.Add(message);
            message = message.RelayedMessage ?? throw new InvalidOperationException("RELAY-FORW without OPTION_RELAY_MSG (RFC 3315 §20.1.1)");
        }
        return (message, chain);
    }

    /// <summary>The reply as the outermost relay must receive it.</summary>
    public Dhcp6Message Wrap(Dhcp6Message reply)
    {
        for (int i = _relays.Count - 1; i >= 0; i--)
        {
            var relay = _relays[i];
            var options = new List<Dhcp6Option>();
            if (relay.Find(Dhcp6OptionCode.InterfaceId) is { } interfaceId) options.Add(interfaceId);
            options.Add(Dhcp6Options.RelayMsg(reply));
            reply = Dhcp6Message.CreateRelay(Dhcp6MessageType.RelayRepl, relay.HopCount, relay.LinkAddress!, relay.PeerAddress!, options);
        }
        return reply;
    }

    /// <summary>Where the reply goes: to the client directly, or back to the relay at port 547.</summary>
    public IPEndPoint Destination(IPEndPoint from) => IsRelayed ? new IPEndPoint(from.Address, Dhcp6Ports.Server) { } : from;
}
