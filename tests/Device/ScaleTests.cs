using System.Diagnostics;
using System.Net;
using System.Net.NetworkInformation;
using EUeConformance.Device;
using EUeConformance.Device.Ecm;
using EUeConformance.Device.Eue;
using EUeConformance.Device.Options;
using EUeConformance.Headend.Database;
using EUeConformance.Network.Evidence;
using EUeConformance.Network.Fabric;
using EUeConformance.Network.Simulation;
using EUeConformance.Protocols.ConfigFile;
using EUeConformance.Protocols.Dhcp;
using EUeConformance.Protocols.Dhcp4;
using EUeConformance.Protocols.Snmp.Mibs;
using FluentAssertions;
using Xunit;
using Xunit.Abstractions;

namespace EUeConformance.Tests.Device;

/// <summary>Many reference E-UEs provisioning at once through one simulated headend (issue 6: 1,000 at once).</summary>
public sealed class ScaleTests(ITestOutputHelper output)
{
    static readonly IPAddress HeadendV6 = IPAddress.Parse("2001:db8:1::1");

    static PhysicalAddress Mac(int kind, int i) => new([0x00, 0x10, 0x95, (byte)kind, (byte)(i >> 8), (byte)i]);
    static IPAddress V6(int kind, int i) => IPAddress.Parse($"2001:db8:1::{kind:x}:{i:x}");

    static ProvisioningDatabase Database(int devices)
    {
        var db = new ProvisioningDatabase
        {
            Network = new NetworkPlan { Ipv6 = new Ipv6Plan(IPAddress.Parse("2001:db8:1::"), 64), DnsServers = [HeadendV6] },
            EcmServer = DhcpServerIdentity.Create("docsis", null, [0x02, 0, 0, 0, 0, 1]),
        };
        db.AddEueServer(new DhcpServerIdentity("primary", null, Duid.Ll(Duid.HardwareTypeEthernet, [0x02, 0, 0, 0, 0, 1]), DssId.FromAscii("DSS-1")));
        for (int i = 0; i < devices; i++)
        {
            db.AddEcm(new EcmRecord { Mac = Mac(1, i), Ipv6Addresses = [V6(1, i)], EueDssIdPrimary = DssId.FromAscii("DSS-1"), TodServers = [HeadendV6], TimeOffset = 0 });
            db.AddEue(new EueRecord
            {
                Mac = Mac(2, i), Flow = ProvisioningFlow.Basic, Ipv6Addresses = [V6(2, i)], SyslogServers = [HeadendV6],
                ConfigFileName = "eue.cfg", TftpServers = [HeadendV6], Fqdn = $"eue{i}.example.net", ProvisioningServerAddress = HeadendV6,
            });
        }
        db.AddFile(ConfigFileEntry.FromModel("eue.cfg", new ConfigFileBuilder().StartOfFile().SetMib(MibNames.IetfMta.PktcMtaDevEnabled.Instance(0), true).EndOfFile().Build(), basicFlowHash: true));
        return db;
    }

    [Fact]
    public async Task A_thousand_reference_devices_provision_BASIC1_in_IPv6_through_one_simulated_headend()
    {
        int devices = int.TryParse(Environment.GetEnvironmentVariable("EUE_SCALE_DEVICES"), out var n) ? n : 1000;
        var wall = Stopwatch.StartNew();
        await using var fabric = new SimulationFabric(seed: 11);
        var evidence = new EvidenceLog(fabric);
        var link = fabric.CreateLink("hfc");
        var host = await fabric.AddHostAsync(link, new HostOptions("headend", new PhysicalAddress([0x02, 0, 0, 0, 0, 1]), [new InterfaceAddress(HeadendV6, 64)]));
        await using var headend = await EUeConformance.Headend.Composition.Headend.StartAsync(fabric, host, Database(devices), evidence);

        var adapters = new List<ReferenceDutAdapter>();
        for (int i = 0; i < devices; i++)
        {
            var adapter = new ReferenceDutAdapter(new ReferenceDeviceOptions
            {
                EcmProvisioning = EcmProvisioning.Ipv6,
                Identity = new DeviceIdentity { EcmMac = Mac(1, i), EueMac = Mac(2, i), SerialNumber = $"SN{i}" },
                Seed = i + 1,
            }, hostPrefix: $"d{i}-");
            await adapter.AttachAsync(fabric, link, evidence);
            adapters.Add(adapter);
        }
        var attached = wall.Elapsed;
        var done = new TaskCompletionSource();
        int provisioned = 0;
        await fabric.InvokeAsync(() =>
        {
            foreach (var a in adapters)
            {
                a.Device!.Eue.StateChanged += s => { if (s == EueState.Provisioned && ++provisioned == devices) done.TrySetResult(); };
                a.Device.PowerOn();
            }
            return Task.CompletedTask;
        });
        var started = fabric.Clock.GetUtcNow();
        bool all = await fabric.RunUntilAsync(done.Task, TimeSpan.FromMinutes(30));
        wall.Stop();
        var virtualSpan = fabric.Clock.GetUtcNow() - started;
        long peak = Process.GetCurrentProcess().PeakWorkingSet64;

        output.WriteLine($"{devices} devices: {provisioned} provisioned in {virtualSpan.TotalSeconds:0} s of fabric time; wall {wall.Elapsed.TotalSeconds:0.00} s " +
            $"(attach {attached.TotalSeconds:0.00} s), {provisioned / (wall.Elapsed - attached).TotalSeconds:0} devices/s, peak working set {peak / (1 << 20)} MiB, {evidence.Events.Count} evidence events");
        all.Should().BeTrue($"{provisioned} of {devices} provisioned; first device's log:\n" + string.Join("\n", adapters[0].Log.Take(60).Select(l => $"{l.At:HH:mm:ss.fff} {l.Machine} {l.Text}")));
        adapters.Should().OnlyContain(a => a.Device!.Eue.ProvisioningStatus == EUeConformance.Device.Eue.Mib.ProvisioningStatus.Pass);
        foreach (var a in adapters) await a.DisposeAsync();
    }
}
