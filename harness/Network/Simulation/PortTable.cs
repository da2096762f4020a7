using System.Net;
using System.Net.Sockets;

namespace EUeConformance.Network.Simulation;

/// <summary>
/// The ports one host has bound for one transport. Two bindings of a family clash on the same port
/// when either is the wildcard or both name the same address, as on Linux without SO_REUSEADDR;
/// port 0 takes the next free port of the dynamic range (RFC 6335 section 6), in order, so the
/// same run picks the same ports.
/// </summary>
internal sealed class PortTable(string transport)
{
    const int FirstDynamic = 49152, LastDynamic = 65535;
    readonly List<IPEndPoint> _bound = [];
    int _nextDynamic = FirstDynamic;

    /// <summary>Reserves <paramref name="local"/> (its port resolved if 0) or throws AddressAlreadyInUse.</summary>
    public IPEndPoint Bind(IPEndPoint local)
    {
        if (local.Port == 0) return Reserve(new IPEndPoint(local.Address, NextFree(local.Address)));
        if (_bound.Any(b => Clashes(b, local.Address, local.Port)))
            throw new SocketException((int)SocketError.AddressAlreadyInUse, $"{transport} {local} is already bound on this host");
        return Reserve(local);
    }

    public void Release(IPEndPoint local) => _bound.Remove(local);

    public void Clear() => _bound.Clear();

    IPEndPoint Reserve(IPEndPoint local)
    {
        _bound.Add(local);
        return local;
    }

    int NextFree(IPAddress address)
    {
        for (int tried = 0; tried <= LastDynamic - FirstDynamic; tried++)
        {
            int port = _nextDynamic;
            _nextDynamic = port == LastDynamic ? FirstDynamic : port + 1;
            if (!_bound.Any(b => Clashes(b, address, port))) return port;
        }
        throw new SocketException((int)SocketError.AddressAlreadyInUse, $"every dynamic {transport} port of this host is bound");
    }

    static bool Clashes(IPEndPoint bound, IPAddress address, int port) =>
        bound.Port == port && bound.AddressFamily == address.AddressFamily
        && (AddressMath.IsUnspecified(bound.Address) || AddressMath.IsUnspecified(address) || AddressMath.SameAddress(bound.Address, address));
}
