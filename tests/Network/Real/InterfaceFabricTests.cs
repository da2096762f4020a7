using System.Net;
using EUeConformance.Network.Fabric;
using EUeConformance.Network.Interface;
using EUeConformance.Network.Netns;
using EUeConformance.Network.Sockets;
using EUeConformance.Tests.Network.Support;
using FluentAssertions;
using Xunit;

namespace EUeConformance.Tests.Network.Real;

/// <summary>
/// What is particular to the interface fabric: it binds to the NIC it is told, uses that NIC's own
/// MAC unless asked otherwise, and leaves the NIC as it found it. The "NICs" are veths of a
/// <see cref="VethLab"/> in namespaces of our own; this machine's real NICs are never touched.
/// </summary>
public sealed class InterfaceFabricTests : IDisposable
{
    static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    readonly VethLab _lab = new(interfaces: 2);

    public void Dispose() => _lab.Dispose();

    InterfaceFabric Fabric(bool applyMac = false) => new(new InterfaceFabricOptions { Namespaces = _lab.Namespaces, ApplyMac = applyMac });

    static HostOptions Options(string name, string nic, params string[] cidrs) =>
        new(name, new([0x02, 0, 0, 0, 0, 0x42]), cidrs.Select(c => new InterfaceAddress(IPAddress.Parse(c.Split('/')[0]), int.Parse(c.Split('/')[1]))).ToList()) { InterfaceName = nic };

    [Fact]
    public async Task A_host_is_the_NIC_it_names_with_that_NIC_s_own_MAC_and_sockets_bound_to_it()
    {
        await using var fabric = Fabric();
        var headend = await fabric.AddHostAsync(fabric.CreateLink("bench"), Options("headend", "eue-lab0", "192.0.2.1/24"));
        using var dhcp = headend.OpenUdp(new IPEndPoint(IPAddress.Any, 67));

        headend.Mac.Should().Be(InterfaceState.Mac(_lab.Namespaces["eue-lab0"], "eue-lab0"), "a bench NIC keeps its MAC unless ApplyMac says otherwise");
        using var ss = NetnsProcess.Start(_lab.Namespaces["eue-lab0"], "/usr/bin/ss", "-H", "-u", "-l", "-n");
        (await NetnsProcess.WaitAsync(ss, Patience, fabric.Clock)).Stdout.Should().Contain("0.0.0.0%eue-lab0:67");
    }

    [Fact]
    public async Task A_broadcast_leaves_through_the_named_NIC_and_reaches_the_device_side()
    {
        await using var fabric = Fabric();
        var link = fabric.CreateLink("bench");
        var headend = await fabric.AddHostAsync(link, Options("headend", "eue-lab0", "192.0.2.1/24"));
        var device = await fabric.AddHostAsync(link, Options("device", "eue-lab1"));
        var inbox = new DatagramInbox(device.OpenUdp(new IPEndPoint(IPAddress.Any, 68)));

        await fabric.InvokeAsync(() => headend.OpenUdp(new IPEndPoint(IPAddress.Any, 67)).Send("offer"u8, new IPEndPoint(IPAddress.Broadcast, 68)));

        (await fabric.RunUntilAsync(inbox.First, Patience)).Should().BeTrue();
        inbox.Received.Single().Source.Should().Be(new IPEndPoint(IPAddress.Parse("192.0.2.1"), 67));
        inbox.Received.Single().SourceMac.Should().Be(headend.Mac);
    }

    [Fact]
    public async Task The_NIC_is_left_as_found_the_addresses_the_fabric_added_go_and_the_operator_s_stay()
    {
        string ns = _lab.Namespaces["eue-lab0"];
        IpCommand.Run(ns, "address", "add", "198.51.100.7/24", "dev", "eue-lab0");
        var fabric = Fabric();
        var headend = await fabric.AddHostAsync(fabric.CreateLink("bench"), Options("headend", "eue-lab0", "192.0.2.1/24", "2001:db8::1/64"));
        headend.Addresses.Select(a => a.Address).Should().Contain([IPAddress.Parse("192.0.2.1"), IPAddress.Parse("2001:db8::1"), IPAddress.Parse("198.51.100.7")]);

        await fabric.DisposeAsync();

        InterfaceState.Addresses(ns, "eue-lab0").Select(a => a.Address).Should().Contain(IPAddress.Parse("198.51.100.7"))
            .And.NotContain(IPAddress.Parse("192.0.2.1")).And.NotContain(IPAddress.Parse("2001:db8::1"));
    }

    [Fact]
    public async Task A_NIC_that_is_not_there_is_refused_by_name()
    {
        await using var fabric = Fabric();

        var attach = () => fabric.AddHostAsync(fabric.CreateLink("bench"), Options("headend", "eue-nosuch"));

        (await attach.Should().ThrowAsync<InvalidOperationException>()).WithMessage("*eue-nosuch*");
    }

    [Fact]
    public async Task A_host_that_names_no_NIC_takes_the_next_one_the_bench_lists()
    {
        await using var fabric = new InterfaceFabric(_lab.Options);
        var link = fabric.CreateLink("bench");

        var first = (KernelHost)await fabric.AddHostAsync(link, new HostOptions("headend", new([2, 0, 0, 0, 0, 1]), []));
        var second = (KernelHost)await fabric.AddHostAsync(link, new HostOptions("device", new([2, 0, 0, 0, 0, 2]), []));

        (first.InterfaceName, second.InterfaceName).Should().Be(("eue-lab0", "eue-lab1"));
        second.Mac.Should().Be(new System.Net.NetworkInformation.PhysicalAddress([2, 0, 0, 0, 0, 2]), "the lab's options apply the hosts' MACs");
    }
}
