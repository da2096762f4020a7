using System.Net;
using System.Net.NetworkInformation;
using EUeConformance.Device;
using EUeConformance.Device.Ecm;
using EUeConformance.Device.Eue;
using EUeConformance.Device.Eue.Mib;
using EUeConformance.Device.Options;
using EUeConformance.Headend.Database;
using EUeConformance.Headend.Servers.Provisioning;
using EUeConformance.Network.Evidence;
using EUeConformance.Network.Fabric;
using EUeConformance.Network.Interface;
using EUeConformance.Network.Loopback;
using EUeConformance.Network.Netns;
using EUeConformance.Network.Simulation;
using EUeConformance.Network.Time;
using EUeConformance.Protocols.ConfigFile;
using EUeConformance.Protocols.Dhcp;
using EUeConformance.Protocols.Dhcp4;
using EUeConformance.Protocols.Dns;
using EUeConformance.Protocols.Snmp.Mibs;
using EUeConformance.Tests.Network.Real;
using FluentAssertions;
using Xunit;
using Xunit.Abstractions;

namespace EUeConformance.Tests.Device;

/// <summary>
/// Issue 6's first done-when: on every fabric the reference E-UE completes BASIC.1, BASIC.2, HYBRID.1 and HYBRID.2, in
/// IPv4 and in IPv6 mode, against the project's own headend (its DHCP, DNS, TFTP, syslog, ToD, router advertiser and
/// Provisioning Server), and reaches provisioning status pass. The real fabrics run the actors' clock ten times
/// faster than the wall clock, so the eight flows take seconds.
/// </summary>
[Collection(nameof(Headend.Interop.InteropCollection))]
public sealed class OnEveryFabricTests(ITestOutputHelper output)
{
    static readonly PhysicalAddress HeadendMac = PhysicalAddress.Parse("02-00-5E-10-00-01");
    static readonly PhysicalAddress EcmMac = PhysicalAddress.Parse("00-10-95-00-00-01"), EueMac = PhysicalAddress.Parse("00-10-95-00-00-02");
    static readonly IPAddress HeadendV4 = IPAddress.Parse("192.0.2.1"), HeadendV6 = IPAddress.Parse("2001:db8:1::1");
    const double RealTimeScale = 10;

    public static TheoryData<string> FabricNames => new() { "simulation", "loopback", "netns", "interface" };

    [Theory]
    [MemberData(nameof(FabricNames))]
    public async Task The_reference_device_completes_the_Basic_and_Hybrid_flows_in_both_modes(string fabric)
    {
        var failures = new List<string>();
        foreach (var realm in new[] { "BASIC.1", "BASIC.2", "HYBRID.1", "HYBRID.2" })
            foreach (var mode in new[] { IpAddressingMode.Ipv4, IpAddressingMode.Ipv6 })
            {
                var wall = System.Diagnostics.Stopwatch.StartNew();
                string? failure = await ProvisionAsync(fabric, realm, mode);
                output.WriteLine($"{fabric} {realm} {mode}: {failure ?? "pass"} ({wall.Elapsed.TotalSeconds:0.0} s)");
                if (failure is not null) failures.Add($"{realm} in {mode} mode: {failure}");
            }
        failures.Should().BeEmpty();
    }

    async Task<string?> ProvisionAsync(string fabricName, string realm, IpAddressingMode mode)
    {
        using var lab = fabricName == "interface" ? new VethLab(3) : null;
        await using var fabric = Make(fabricName, lab);
        var evidence = new EvidenceLog(fabric);
        var link = fabric.CreateLink("hfc");
        var host = await fabric.AddHostAsync(link, new HostOptions("headend", HeadendMac,
            [new InterfaceAddress(HeadendV4, 24), new InterfaceAddress(HeadendV6, 64)]) { InterfaceName = lab?.Interfaces[0] });
        await using var headend = await EUeConformance.Headend.Composition.Headend.StartAsync(fabric, host, Database(realm, mode), evidence);
        await using var adapter = new ReferenceDutAdapter(new ReferenceDeviceOptions
        {
            EcmProvisioning = mode == IpAddressingMode.Ipv4 ? EcmProvisioning.Ipv4 : EcmProvisioning.Ipv6,
            Identity = new DeviceIdentity { EcmMac = EcmMac, EueMac = EueMac },
        });
        await adapter.AttachAsync(fabric, link, evidence);

        var done = new TaskCompletionSource();
        void Watch(EUeConformance.Device.Runtime.DeviceLogEntry e)
        {
            if (e.Machine == "eue" && e.Kind == "state" && e.Fields.GetValueOrDefault("device.to") is nameof(EueState.Provisioned) or nameof(EueState.ProvisioningFailed))
                done.TrySetResult();
        }
        adapter.LogWritten += Watch;
        await adapter.PowerOnAsync();
        // The interface fabric runs on the wall clock: a flow takes seconds there, so a minute is plenty.
        var bound = fabricName == "interface" ? TimeSpan.FromMinutes(1) : TimeSpan.FromMinutes(5);
        bool finished = await fabric.RunUntilAsync(done.Task, bound);
        var device = adapter.Device!;
        string? status = await fabric.InvokeAsync(() => device.Eue.ProvisioningStatus?.MibName());
        string mibStatus = status ?? "none";
        if (!finished) return $"did not finish within {bound.TotalMinutes} min of fabric time (eUE {device.Eue.State})";
        if (mibStatus != "pass") return $"ended {device.Eue.State} with status {mibStatus}";
        if (device.Eue.Mode != mode) return $"provisioned in {device.Eue.Mode} mode";
        // What the wire shows: the eUE fetched its file, and in the .2 flows the Provisioning Server heard 'pass'.
        if (!evidence.Events.Any(e => e.Service == "tftp" && e.Kind == "RRQ" && (e.Message as EUeConformance.Protocols.Tftp.TftpReadRequest)?.Filename.TrimStart('/') == "eue1.cfg"))
            return "no read request for eue1.cfg reached the headend";
        if (realm.EndsWith(".2", StringComparison.Ordinal))
        {
            var server = (ProvisioningServer)headend.ProvisioningServer!;
            var state = server.Notifications.Where(n => n.IsStatus).Select(n => n.Pdu.VarBinds.FirstOrDefault(v => MibNames.Lookup(v.Name)?.Object.Name == "pktcMtaDevProvisioningState")?.Value).LastOrDefault();
            if (state?.ToInt32() != 1) return $"the Provisioning Server heard status {state?.ToString() ?? "nothing"}";
        }
        if (realm.StartsWith("HYBRID", StringComparison.Ordinal) && !((ProvisioningServer)headend.ProvisioningServer!).Notifications.Any(n => n.IsEnrollment))
            return "no enrollment INFORM reached the Provisioning Server";
        return null;
    }

    static IFabric Make(string name, VethLab? lab) => name switch
    {
        "simulation" => new SimulationFabric(seed: 5),
        "loopback" => new LoopbackFabric(new LoopbackFabricOptions { Seed = 5, Clock = new ScaledTimeProvider(RealTimeScale) }),
        "netns" => new NetnsFabric(new NetnsFabricOptions { Seed = 5, Clock = new ScaledTimeProvider(RealTimeScale) }),
        // A bench stand-in: three veths in namespaces of our own (headend, eCM, eUE); the wall clock, as on a bench.
        _ => new InterfaceFabric(lab!.Options),
    };

    static ProvisioningDatabase Database(string realm, IpAddressingMode mode)
    {
        var db = new ProvisioningDatabase
        {
            Network = new NetworkPlan
            {
                Ipv4 = new Ipv4Plan(24, HeadendV4, LeaseTime: 86400),
                Ipv6 = new Ipv6Plan(IPAddress.Parse("2001:db8:1::"), 64),
                DnsServers = [HeadendV4, HeadendV6],
                DomainName = "example.net",
            },
            EcmServer = DhcpServerIdentity.Create("docsis", HeadendV4, HeadendMac.GetAddressBytes()),
        };
        db.AddEueServer(new DhcpServerIdentity("primary", HeadendV4, Duid.Ll(Duid.HardwareTypeEthernet, HeadendMac.GetAddressBytes()), DssId.FromAscii("PRIMARY-DSS")));
        db.AddEcm(new EcmRecord
        {
            Mac = EcmMac, Ipv4Addresses = [IPAddress.Parse("192.0.2.10")], Ipv6Addresses = [IPAddress.Parse("2001:db8:1::10")],
            EueDhcpV4Primary = HeadendV4, EueDssIdPrimary = DssId.FromAscii("PRIMARY-DSS"),
            EueIpPreference = mode == IpAddressingMode.Ipv4 ? IpPreference.Ipv4 : IpPreference.Ipv6,
            TodServers = [HeadendV4, HeadendV6], TimeOffset = 0, ConfigFileName = "cm1.cfg", TftpServers = [HeadendV4, HeadendV6],
        });
        var flow = realm.StartsWith("BASIC", StringComparison.Ordinal) ? ProvisioningFlow.Basic : ProvisioningFlow.Hybrid;
        db.AddEue(new EueRecord
        {
            Mac = EueMac, Flow = flow, Realm = realm,
            Ipv4Addresses = [IPAddress.Parse("192.0.2.20")], Ipv6Addresses = [IPAddress.Parse("2001:db8:1::20")],
            Fqdn = "eue1.example.net", ProvisioningServerFqdn = "prov.example.net", SyslogServers = [HeadendV4, HeadendV6],
            ConfigFileName = "eue1.cfg", TftpServers = [HeadendV4, HeadendV6], ConfigFileUrl = "tftp://config.example.net/eue1.cfg",
        });
        db.AddZone(DnsZoneData.Create("example.net",
            DnsRecord.A(DnsName.Parse("prov.example.net"), 3600, HeadendV4), DnsRecord.Aaaa(DnsName.Parse("prov.example.net"), 3600, HeadendV6),
            DnsRecord.A(DnsName.Parse("config.example.net"), 3600, HeadendV4), DnsRecord.Aaaa(DnsName.Parse("config.example.net"), 3600, HeadendV6)));
        var model = new ConfigFileBuilder().StartOfFile().SetMib(MibNames.IetfMta.PktcMtaDevEnabled.Instance(0), true).EndOfFile().Build();
        db.AddFile(ConfigFileEntry.FromModel("eue1.cfg", model, basicFlowHash: flow == ProvisioningFlow.Basic));
        db.AddFile(ConfigFileEntry.FromBytes("cm1.cfg", [0xFF, 0xFF, 0xFF, 0xFF]));
        return db;
    }
}
