using System.Diagnostics;
using System.Globalization;
using System.Net;
using EUeConformance.Network.Evidence;
using EUeConformance.Network.Fabric;
using EUeConformance.Protocols.Dhcp4;
using EUeConformance.Protocols.Dns;
using EUeConformance.Protocols.Time;
using EUeConformance.Tests.Headend.Flood;
using EUeConformance.Tests.Network.Support;
using FluentAssertions;
using Xunit;
using Xunit.Abstractions;
using static EUeConformance.Tests.Headend.Support.HeadendSamples;

namespace EUeConformance.Tests.Headend.Interop;

/// <summary>
/// The same flood on real sockets, standard ports, a real veth: the kernel of the headend's namespace
/// counts what it handed to the headend's sockets (Udp InDatagrams in /proc/net/snmp and /proc/net/snmp6)
/// and what it had to drop because a socket was not read fast enough (RcvbufErrors); the headend must
/// drop nothing, and put every datagram it was handed into the evidence, with its bytes.
/// </summary>
[Collection(nameof(InteropCollection))]
public sealed class FloodOnNetnsTests(ITestOutputHelper output)
{
    const int PerTarget = 8_500;
    const int Batch = 5;

    [Fact]
    public async Task Over_100000_malformed_datagrams_on_real_ports_are_each_in_evidence_none_dropped_and_service_goes_on()
    {
        await using var bed = await NetnsHeadend.StartAsync(EueMac, clientAddresses: true);
        var targets = MalformedFlood.Targets(HeadendV4, HeadendV6);
        var ports = targets.Select(t => t.EndPoint.Port).ToHashSet();
        var sent = targets.ToDictionary(t => t.Name, _ => new List<byte[]>());
        IDatagramSocket v4 = null!, v6 = null!;
        await bed.Fabric.InvokeAsync(() =>
        {
            v4 = bed.Client.OpenUdp(new IPEndPoint(IPAddress.Any, 40000));
            v6 = bed.Client.OpenUdp(new IPEndPoint(IPAddress.IPv6Any, 40000));
            v4.Received = v6.Received = _ => { };
        });
        var kernelBefore = await UdpCountersAsync(bed);
        int eventsBefore = bed.Log.Events.Count;
        var random = new Random(5);
        var wall = Stopwatch.StartNew();

        for (int round = 0; round < PerTarget / Batch; round++)
        {
            await bed.Fabric.InvokeAsync(() =>
            {
                foreach (var target in targets)
                    for (int i = 0; i < Batch; i++)
                    {
                        var bytes = MalformedFlood.Next(random, target);
                        sent[target.Name].Add(bytes);
                        (target.EndPoint.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? v4 : v6).Send(bytes, target.EndPoint);
                    }
            });
        }
        int total = sent.Values.Sum(l => l.Count);
        var sending = wall.Elapsed;

        // Wait (wall clock) until the headend has put in evidence what the kernel handed it.
        var deadline = bed.Fabric.Clock.GetUtcNow() + TimeSpan.FromSeconds(60);
        (long Delivered, long Dropped) kernel;
        List<EvidenceEvent> received;
        while (true)
        {
            var now = await UdpCountersAsync(bed);
            kernel = (now.Delivered - kernelBefore.Delivered, now.Dropped - kernelBefore.Dropped);
            received = [.. bed.Log.Since(new EvidenceCursor(eventsBefore), e => e.Direction == Direction.Received && e.Peer.Port == 40000 && ports.Contains(e.Local.Port))];
            if (received.Count >= kernel.Delivered && kernel.Delivered >= total || bed.Fabric.Clock.GetUtcNow() > deadline) break;
            await Task.Delay(TimeSpan.FromMilliseconds(200), bed.Fabric.Clock);
        }
        output.WriteLine($"{total} datagrams sent in {sending.TotalSeconds:0.0} s; the kernel handed {kernel.Delivered} to the headend and dropped {kernel.Dropped}; " +
            $"{received.Count} received events after {wall.Elapsed.TotalSeconds:0.0} s");

        total.Should().BeGreaterThanOrEqualTo(100_000);
        kernel.Dropped.Should().Be(0, "the headend reads its sockets fast enough to lose nothing to a full receive buffer");
        kernel.Delivered.Should().Be(total, "the veth loses nothing either");
        received.Should().HaveCount(total, "one event per datagram the kernel handed over");
        foreach (var target in targets)
        {
            var here = received.Where(e => e.Local.Port == target.EndPoint.Port && e.Peer.AddressFamily == target.EndPoint.AddressFamily).ToList();
            here.Select(e => Convert.ToHexString(e.Raw.Span)).Order(StringComparer.Ordinal)
                .Should().Equal(sent[target.Name].Select(Convert.ToHexString).Order(StringComparer.Ordinal), $"every datagram to {target.Name}, with its bytes");
            here.Should().NotContain(e => e.Kind == "undecodable" && string.IsNullOrEmpty(e.Error), "what did not decode says why");
            output.WriteLine($"{target.Name,-10} {here.Count,6} events, {here.Count(e => e.Error is not null),6} with a parse error");
        }

        // Service goes on: a DHCPv4 DISCOVER is offered by both servers, a DNS query and a ToD request are answered.
        var (dhcp, offers) = await OpenAsync(bed, new IPEndPoint(IPAddress.Any, 68));
        var (dns, answers) = await OpenAsync(bed, new IPEndPoint(IPAddress.Any, 0));
        var (tod, times) = await OpenAsync(bed, new IPEndPoint(IPAddress.IPv6Any, 0));
        await bed.Fabric.InvokeAsync(() =>
        {
            dhcp.Send(EueDiscover().Encode(), new IPEndPoint(IPAddress.Broadcast, 67));
            dns.Send(DnsMessage.Query(9, DnsName.Parse("kdc.example.net"), DnsType.Aaaa).Encode(), new IPEndPoint(HeadendV4, 53));
            tod.Send([], new IPEndPoint(HeadendV6, 37));
        });
        (await bed.Fabric.RunUntilAsync(Task.WhenAll(offers.Count(2), answers.First, times.First), TimeSpan.FromSeconds(20))).Should().BeTrue();
        offers.Received.Select(d => DhcpMessage.Decode(d.Payload.Span).YiAddr).Should().AllBeEquivalentTo(EueV4);
        DnsMessage.Decode(answers.Received.Single().Payload.Span).Answers.Single().Address.Should().Be(KdcV6);
        TimeProtocolMessage.Decode(times.Received.Single().Payload.Span).ToDateTimeOffset().Should().BeCloseTo(bed.Fabric.Clock.GetUtcNow(), TimeSpan.FromSeconds(5));
    }

    static async Task<(IDatagramSocket, DatagramInbox)> OpenAsync(NetnsHeadend bed, IPEndPoint local)
    {
        IDatagramSocket socket = null!;
        DatagramInbox inbox = null!;
        await bed.Fabric.InvokeAsync(() => { socket = bed.Client.OpenUdp(local); inbox = new DatagramInbox(socket); });
        return (socket, inbox);
    }

    /// <summary>UDP datagrams the kernel of the headend's namespace delivered to sockets, and those it dropped for a full receive buffer (IPv4 + IPv6).</summary>
    static async Task<(long Delivered, long Dropped)> UdpCountersAsync(NetnsHeadend bed)
    {
        var v4 = await bed.Fabric.RunProcessAsync(bed.Headend.Host, TimeSpan.FromSeconds(10), "/bin/cat", "/proc/net/snmp");
        var v6 = await bed.Fabric.RunProcessAsync(bed.Headend.Host, TimeSpan.FromSeconds(10), "/bin/cat", "/proc/net/snmp6");
        var lines = v4.Stdout.Split('\n').Where(l => l.StartsWith("Udp: ", StringComparison.Ordinal)).ToList();
        var names = lines[0].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var values = lines[1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        long V4(string name) => long.Parse(values[Array.IndexOf(names, name)], CultureInfo.InvariantCulture);
        var six = v6.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(p => p.Length == 2).ToDictionary(p => p[0], p => long.Parse(p[1], CultureInfo.InvariantCulture));
        return (V4("InDatagrams") + six["Udp6InDatagrams"], V4("RcvbufErrors") + six["Udp6RcvbufErrors"]);
    }
}
