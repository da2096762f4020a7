using System.Net;
using System.Net.Sockets;
using EUeConformance.Device.Options;
using EUeConformance.Network.Fabric;
using EUeConformance.Protocols.Dns;
using EUeConformance.Protocols.Wire;

namespace EUeConformance.Device.Eue.Services;

/// <summary>
/// The eUE's DNS client (pkt-eue-2, EUE-PROV 6.1.2): A queries in IPv4 mode, AAAA in IPv6 mode (eUE-20),
/// to the DNS servers DHCP gave (as 6.3.5 may have updated them), from the eUE's own global address.
/// </summary>
public sealed class DnsResolver(INetworkHost host, TimeProvider clock, DeviceTimers timers, Random random, DnsClientPolicy? policy = null)
{
    public const int Port = 53;

    readonly DnsClientPolicy _policy = policy ?? new();

    public async Task<IPAddress?> ResolveAsync(string name, IpAddressingMode mode, IReadOnlyList<IPAddress> servers, IPAddress source)
    {
        var type = _policy.AddressQuery(mode);
        var family = mode == IpAddressingMode.Ipv6 ? AddressFamily.InterNetworkV6 : AddressFamily.InterNetwork;
        using var inbox = new DatagramInbox(host.OpenUdp(new IPEndPoint(family == AddressFamily.InterNetworkV6 ? IPAddress.IPv6Any : IPAddress.Any, 0)), clock);
        foreach (var server in _policy.Servers(servers).Where(s => s.AddressFamily == family))
        {
            for (int attempt = 0; attempt < timers.DnsAttempts; attempt++)
            {
                ushort id = (ushort)random.Next(1, ushort.MaxValue);
                var query = DnsMessage.Query(id, DnsName.Parse(name), type);
                inbox.Socket.Send(query.Encode(), new IPEndPoint(server, Port), source);
                var deadline = clock.GetUtcNow() + timers.DnsTimeout;
                while (clock.GetUtcNow() < deadline)
                {
                    var reply = await inbox.ReceiveAsync(deadline - clock.GetUtcNow());
                    if (reply is null) break;
                    DnsMessage response;
                    try { response = DnsMessage.Decode(reply.Payload.Span); } catch (ParseError) { continue; }
                    if (!response.IsResponse || response.Id != id) continue;
                    if (response.Rcode != DnsRcode.NoError) return null;
                    return response.Answers.Where(a => a.Type == type).Select(a => a.Address).FirstOrDefault(a => a is not null);
                }
            }
        }
        return null;
    }

    /// <summary>
    /// One lookup of <paramref name="name"/> of <paramref name="type"/> (e.g. SRV for a realm's KDC, Table 5 eUE-5), with the same
    /// timeout and attempts per server as <see cref="ResolveAsync"/>; the answer's records, or null when no server answered.
    /// </summary>
    public async Task<IReadOnlyList<DnsRecord>?> LookupAsync(string name, DnsType type, IReadOnlyList<IPAddress> servers, IPAddress source)
    {
        var family = source.AddressFamily;
        using var inbox = new DatagramInbox(host.OpenUdp(new IPEndPoint(family == AddressFamily.InterNetworkV6 ? IPAddress.IPv6Any : IPAddress.Any, 0)), clock);
        foreach (var server in _policy.Servers(servers).Where(s => s.AddressFamily == family))
        {
            for (int attempt = 0; attempt < timers.DnsAttempts; attempt++)
            {
                ushort id = (ushort)random.Next(1, ushort.MaxValue);
                inbox.Socket.Send(DnsMessage.Query(id, DnsName.Parse(name), type).Encode(), new IPEndPoint(server, Port), source);
                var deadline = clock.GetUtcNow() + timers.DnsTimeout;
                while (clock.GetUtcNow() < deadline)
                {
                    var reply = await inbox.ReceiveAsync(deadline - clock.GetUtcNow());
                    if (reply is null) break;
                    DnsMessage response;
                    try { response = DnsMessage.Decode(reply.Payload.Span); } catch (ParseError) { continue; }
                    if (!response.IsResponse || response.Id != id) continue;
                    return response.Rcode == DnsRcode.NoError ? [.. response.Answers] : [];
                }
            }
        }
        return null;
    }
}
