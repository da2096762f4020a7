using System.Globalization;
using System.Net;
using System.Net.NetworkInformation;
using System.Text;
using EUeConformance.Headend.Database;
using EUeConformance.Network.Evidence;
using EUeConformance.Network.Fabric;
using EUeConformance.Protocols.ConfigFile;
using EUeConformance.Protocols.Dhcp;
using EUeConformance.Protocols.Dhcp4;
using EUeConformance.Protocols.Dns;
using EUeConformance.Runner.Bindings;
using EUeConformance.Runner.Execution;
using EUeConformance.Runner.Profile;
using static EUeConformance.Steps.Bed.LabAddresses;

namespace EUeConformance.Steps.Bed;

/// <summary>
/// The scenario's operator network as steps use it: builds the provisioning database from the <see cref="LabPlan"/>,
/// starts the test bed's network (fabric, headend, DUT) on first use, powers the device, and waits for evidence
/// with explicit bounds. A failed expectation names what was expected, what was seen, and attaches the evidence
/// event it looked at (decoded fields and raw bytes) to the scenario.
/// </summary>
public sealed class Lab(TestBed bed, ScenarioContext scenario, LabPlan plan, DutProfile profile)
{
    public PhysicalAddress EcmMac { get; } = PhysicalAddress.Parse(profile.Ixit.EcmMac.Replace(':', '-'));
    public PhysicalAddress EueMac { get; } = PhysicalAddress.Parse(profile.Ixit.EueMac.Replace(':', '-'));
    public LabPlan Plan => plan;
    public DutProfile Profile => profile;
    public ScenarioContext Scenario => scenario;

    /// <summary>IXIT: how long a reset device may take before it speaks; the bound of every wait for a whole flow.</summary>
    public TimeSpan Boot => profile.Ixit.Timeouts.Boot;

    public TestBedNetwork Network => bed.Network ?? throw new InvalidOperationException("the network is not started: a step must call Lab.StartAsync first");
    public EvidenceLog Evidence => Network.Evidence;
    public Headend.Composition.Headend Headend => Network.Headend;
    public bool Started => bed.Network is not null;

    /// <summary>
    /// The measurement allowance of this bench (<see cref="TestBed.MeasurementAllowance"/>): zero in simulation; on a
    /// real fabric, how far a time measured between two evidence events may be off for reasons of the bench alone
    /// (scheduling, the kernel, a sped-up clock). A timing check keeps the spec's tolerance and widens it by this, never
    /// more: each evidence timestamp may be late by up to this much, so an interval between two events is off by up
    /// to it either way. See steps/README.md, "Real fabrics".
    /// </summary>
    public TimeSpan Allowance => bed.MeasurementAllowance;

    /// <summary>What a failure's "expected" adds when the allowance was used: empty in simulation.</summary>
    public string AllowanceNote => Allowance <= TimeSpan.Zero ? ""
        : string.Create(CultureInfo.InvariantCulture, $" (measured with a {Allowance.TotalSeconds:0.###} s allowance of the {bed.Fabric} fabric)");

    /// <summary>Starts the network once, from the plan.</summary>
    public async Task<TestBedNetwork> StartAsync()
    {
        if (bed.Network is { } running) return running;
        var database = BuildDatabase();
        var network = await bed.StartAsync(database,
            [new InterfaceAddress(HeadendV4, 24), new InterfaceAddress(SecondServerV4, 24), new InterfaceAddress(RogueServerV4, 24), new InterfaceAddress(HeadendV6, 64)],
            new Headend.Composition.HeadendOptions { Services = plan.Services, NotificationReceiverPorts = [.. plan.NotificationReceiverPorts] },
            headend => { foreach (var setup in plan.HeadendSetup) setup(headend); },
            scenario.Cancellation);
        if (!await network.Dut.SetEcmProvisioningAsync(plan.EcmProvisioning, scenario.Cancellation))
            throw ScenarioContext.Inconclusive($"the scenario needs the eCM provisioned in {Describe(plan.EcmProvisioning)}, which this bench's CMTS does not do");
        scenario.AddEvidence("headend", "Provisioning database", DescribeDatabase(database));
        if (Allowance > TimeSpan.Zero)
            scenario.AddEvidence("lab", "Measurement allowance", string.Create(CultureInfo.InvariantCulture,
                $"Timing checks widen the spec's tolerance by {Allowance.TotalSeconds:0.###} s: the {bed.Fabric} fabric's scheduling allowance " +
                $"at time scale {bed.TimeScale:0.##} (each evidence timestamp may be that late; zero in simulation)."));
        return network;
    }

    public async Task PowerOnAsync()
    {
        var network = await StartAsync();
        await network.Dut.PowerOnAsync(scenario.Cancellation);
    }

    // ---------------------------------------------------------------- the database

    ProvisioningDatabase BuildDatabase()
    {
        var headendMac = TestBed.HeadendMac.GetAddressBytes();
        var db = new ProvisioningDatabase
        {
            Network = new NetworkPlan
            {
                Ipv4 = new Ipv4Plan(24, HeadendV4, LeaseTime: 86400),
                Ipv6 = new Ipv6Plan(Ipv6Prefix, 64),
                DnsServers = [HeadendV4, HeadendV6],
                DomainName = Domain,
            },
            EcmServer = DhcpServerIdentity.Create("docsis", HeadendV4, headendMac),
        };
        foreach (var edit in plan.NetworkEdits) db.Network = edit(db.Network);
        db.AddEueServer(new DhcpServerIdentity("primary", HeadendV4, Duid.Ll(Duid.HardwareTypeEthernet, headendMac), PrimaryDssId));
        db.AddEueServer(new DhcpServerIdentity("secondary", SecondServerV4, Duid.En(CableLabs.EnterpriseNumber, [0x53, 0x45, 0x43]), SecondaryDssId));

        var ecm = new EcmRecord
        {
            Mac = EcmMac,
            Ipv4Addresses = [EcmV4],
            Ipv6Addresses = [EcmV6],
            EueDhcpV4Primary = plan.GiveEueDhcpv4Servers ? HeadendV4 : null,
            EueDhcpV4Secondary = plan.GiveEueDhcpv4Servers ? SecondServerV4 : null,
            EueDssIdPrimary = plan.GiveEueDssIds ? PrimaryDssId : null,
            EueDssIdSecondary = plan.GiveEueDssIds ? SecondaryDssId : null,
            EueIpPreference = plan.EueIpPreference,
            TodServers = [HeadendV4, HeadendV6],
            TimeOffset = 0,
            ConfigFileName = EcmConfigFileName,
            TftpServers = [HeadendV4, HeadendV6],
        };
        foreach (var edit in plan.EcmEdits) ecm = edit(ecm);
        db.AddEcm(ecm);

        var flow = plan.Flow;
        var eue = new EueRecord
        {
            Mac = EueMac,
            Flow = flow,
            Realm = plan.Realm,
            Ipv4Addresses = [EueV4, EueV4Spare],
            Ipv6Addresses = [EueV6, EueV6Spare],
            Fqdn = EueFqdn,
            ProvisioningServerFqdn = ProvisioningServerFqdn,
            SyslogServers = [HeadendV4, HeadendV6],
            ConfigFileName = ConfigFileName,
            TftpServers = [HeadendV4, HeadendV6],
            ConfigFileUrl = $"tftp://{ConfigServerFqdn}/{ConfigFileName}",
        };
        foreach (var edit in plan.EueEdits) eue = edit(eue);
        db.AddEue(eue);

        db.AddZone(DnsZoneData.Create(Domain,
            DnsRecord.A(DnsName.Parse(ProvisioningServerFqdn), 3600, HeadendV4),
            DnsRecord.Aaaa(DnsName.Parse(ProvisioningServerFqdn), 3600, HeadendV6),
            DnsRecord.A(DnsName.Parse(ConfigServerFqdn), 3600, HeadendV4),
            DnsRecord.Aaaa(DnsName.Parse(ConfigServerFqdn), 3600, HeadendV6)));

        var builder = new ConfigFileBuilder().StartOfFile();
        plan.ConfigFileBody(builder);
        var model = builder.EndOfFile().Build();
        // PKT-PROV1.5 Basic flow: the hash travels inside the file; the SNMP flows SET it (eUE-19).
        var entry = ConfigFileEntry.FromModel(ConfigFileName, model, basicFlowHash: flow == ProvisioningFlow.Basic);
        if (plan.ConfigFileBytes is { } rewrite) entry = ConfigFileEntry.FromBytes(ConfigFileName, rewrite(entry.Content));
        db.AddFile(entry);
        if (plan.EcmConfigFile is { } docsis) db.AddFile(ConfigFileEntry.FromBytes(EcmConfigFileName, docsis));
        foreach (var edit in plan.DatabaseEdits) edit(db);
        return db;
    }

    static string DescribeDatabase(ProvisioningDatabase db)
    {
        var sb = new StringBuilder();
        foreach (var e in db.Ecms) sb.AppendLine(CultureInfo.InvariantCulture, $"eCM {e.Mac}: {e}");
        foreach (var e in db.Eues) sb.AppendLine(CultureInfo.InvariantCulture, $"eUE {e.Mac}: {e}");
        foreach (var s in db.EueServers) sb.AppendLine(CultureInfo.InvariantCulture, $"eUE DHCP server {s}");
        foreach (var f in db.Files) sb.AppendLine(CultureInfo.InvariantCulture, $"file {f.Name}: {f.Content.Length} bytes, SHA-1 {Convert.ToHexString(f.Hash)}");
        return sb.ToString();
    }

    static string Describe(Device.Ecm.EcmProvisioning p) => p.Modes == Device.Options.IpModeSupport.DualStack ? $"dual-stack ({p.Primary} primary)" : p.Primary.ToString();

    // ---------------------------------------------------------------- waiting and judging

    /// <summary>
    /// The first event (after <paramref name="from"/>, default: the start) that <paramref name="match"/> selects,
    /// waiting up to <paramref name="within"/> of fabric time. When none comes the scenario is inconclusive
    /// (the device never reached the point to check), unless <paramref name="missingFails"/>.
    /// </summary>
    /// <remarks>
    /// Bytes from the device that do not decode as <paramref name="protocol"/> while the step waits fail it: a
    /// malformed message is the device's fault, judged with the offending bytes in evidence.
    /// </remarks>
    public async Task<EvidenceEvent> AwaitAsync(string what, Func<EvidenceEvent, bool> match, TimeSpan within, EvidenceCursor? from = null,
        bool missingFails = false, string? protocol = null)
    {
        var malformed = protocol is null ? null : Traffic.Undecodable(protocol);
        var found = await Evidence.WaitForAsync(e => match(e) || malformed?.Invoke(e) == true, within, from ?? new EvidenceCursor(0), scenario.Cancellation);
        if (found is not null && malformed?.Invoke(found) == true && !match(found))
            throw Fail($"the device sent a {protocol} message that does not decode: {found.Error}", expected: what, seen: "malformed bytes", found);
        if (found is not null) return found;
        string message = $"no {what} within {within.TotalSeconds:0.###} s";
        throw missingFails ? ScenarioContext.Fail(message, expected: what, seen: "nothing") : ScenarioContext.Inconclusive(message);
    }

    /// <summary>Events already recorded that match.</summary>
    public IReadOnlyList<EvidenceEvent> Seen(Func<EvidenceEvent, bool> match, EvidenceCursor? from = null) => Evidence.Since(from ?? new EvidenceCursor(0), match);

    /// <summary>Runs the fabric for <paramref name="span"/> (in simulation, costs no wall time).</summary>
    public Task SettleAsync(TimeSpan span) => Network.SettleAsync(span);

    /// <summary>A conformance failure, with the evidence event it judged attached to the scenario.</summary>
    public Exception Fail(string message, string expected, string seen, EvidenceEvent? evidence = null)
    {
        if (evidence is not null) Attach(evidence, "the message judged");
        return ScenarioContext.Fail(evidence is null ? message : $"{message} (evidence #{evidence.Sequence})", expected, seen);
    }

    /// <summary>Adds an event to the scenario's evidence: its time, service, peer, decoded fields and raw bytes.</summary>
    public void Attach(EvidenceEvent e, string why)
    {
        var sb = new StringBuilder();
        sb.AppendLine(CultureInfo.InvariantCulture, $"#{e.Sequence} {e.At:O} {e.Service} {e.Direction} {e.Kind} {(e.Direction == Direction.Received ? "from" : "to")} {e.Peer}");
        foreach (var (k, v) in e.Fields) sb.AppendLine(CultureInfo.InvariantCulture, $"  {k} = {v}");
        if (e.Error is not null) sb.AppendLine(CultureInfo.InvariantCulture, $"  error: {e.Error}");
        sb.AppendLine(CultureInfo.InvariantCulture, $"  bytes ({e.Raw.Length}): {Convert.ToHexString(e.Raw.Span).ToLowerInvariant()}");
        scenario.AddEvidence("event", $"Evidence #{e.Sequence}: {e.Service} {e.Kind} ({why})", sb.ToString());
    }

    /// <summary>The same, for an event that proves a pass (auditors see what was looked at either way).</summary>
    public void Witness(EvidenceEvent e, string what) => Attach(e, what);
}
