using System.Net;
using System.Net.Sockets;
using System.Text;
using EUeConformance.Headend.Servers.Provisioning;
using EUeConformance.Network.Evidence;
using EUeConformance.Network.Fabric;
using EUeConformance.Protocols.Snmp;
using EUeConformance.Protocols.Snmp.Engine;
using EUeConformance.Protocols.Snmp.Mibs;
using EUeConformance.Runner.Bindings;
using EUeConformance.Steps.Bed;

namespace EUeConformance.Steps.Management;

/// <summary>
/// The eUE's SNMP agent as the operator's Provisioning Server reaches it (pkt-eue-4; 6.5: the eUE is managed over
/// SNMP): GET, GETNEXT and SET from the headend's SNMP entity with the community of its own requests (the Hybrid
/// flow's SNMPv2c; the database's provisioning section), sent to the address the eUE provisioned with (the source of
/// its provisioning-status notification when one came, else the address its DHCP server bound) and port 161. Every
/// request and answer is evidence under "prov-snmp". Which MTA MIB the eUE speaks (RFC 4682 or the CableLabs one) is
/// taken from its own notifications; without any, the RFC 4682 objects are asked first.
/// </summary>
public sealed class EueAgent(Lab lab, ScenarioContext scenario)
{
    const string AddressKey = "eue.agent.address", MibKey = "eue.mta-mib";
    /// <summary>A walk stops here: no eUE MIB subtree the suite walks holds more.</summary>
    const int MaxWalk = 4096;

    ProvisioningServer Server => lab.Headend.ProvisioningServer as ProvisioningServer
        ?? throw ScenarioContext.Inconclusive("the headend's own Provisioning Server is not running: nothing can query the eUE's agent");

    /// <summary>The MTA MIB variant the eUE's notifications used, when one was seen.</summary>
    public MtaMib? Mib
    {
        get => scenario[MibKey] as MtaMib;
        set => scenario[MibKey] = value;
    }

    /// <summary>Records where the eUE's SNMP entity is (the source of a notification it sent).</summary>
    public void Learn(IPAddress address, MtaMib? mib)
    {
        scenario[AddressKey] = address;
        if (mib is not null) Mib = mib;
    }

    /// <summary>The eUE's agent address: its notification's source, or its latest DHCP binding (6.2.2's 3-tuple).</summary>
    public IPAddress Address()
    {
        if (scenario[AddressKey] is IPAddress known) return known;
        var binding = lab.Headend.Bindings.Find(lab.EueMac)
            ?? throw ScenarioContext.Inconclusive($"the eUE {lab.EueMac} holds no address from the headend's DHCP servers: its agent cannot be reached");
        return binding.Address;
    }

    SnmpTarget Target()
    {
        var settings = lab.Headend.Database.Provisioning;
        var address = Address();
        var plain = address.AddressFamily == AddressFamily.InterNetworkV6 ? new IPAddress(address.GetAddressBytes()) : address;
        return SnmpTarget.V2c(new IPEndPoint(plain, settings.AgentPort), settings.Community) with { Timeout = settings.Timeout, Retries = settings.Retries };
    }

    /// <summary>One request and its Response; null when the agent never answered (after the settings' retries).</summary>
    public async Task<SnmpResponse?> TryRequestAsync(Pdu pdu)
    {
        var server = Server;
        var target = Target();
        try
        {
            return await lab.Network.Fabric.InvokeAsync<SnmpResponse>(() => server.Requester.RequestAsync(target, pdu, scenario.Cancellation));
        }
        catch (SnmpTimeoutException)
        {
            return null;
        }
    }

    /// <summary>A request the scenario cannot do without: no answer makes it inconclusive (or a failure when <paramref name="silenceFails"/>).</summary>
    public async Task<SnmpResponse> RequestAsync(Pdu pdu, string what, bool silenceFails = false)
    {
        var response = await TryRequestAsync(pdu);
        if (response is not null) return response;
        string message = $"the eUE's SNMP agent at {Target().EndPoint} did not answer the {Describe(pdu.Type)} for {what} ({lab.Headend.Database.Provisioning.Retries + 1} attempts)";
        throw silenceFails ? ScenarioContext.Fail(message, expected: "a Response (RFC 3416)", seen: "no answer") : ScenarioContext.Inconclusive(message);
    }

    /// <summary>GET of one instance: its value, or noSuchObject / noSuchInstance.</summary>
    public async Task<SnmpValue> GetAsync(ObjectIdentifier instance, bool silenceFails = false)
    {
        var response = await RequestAsync(Pdu.Request(PduType.GetRequest, 0, [instance]), MibNames.Describe(instance), silenceFails);
        Note($"GET {MibNames.Describe(instance)} -> {(response.ErrorStatus == SnmpErrorStatus.NoError ? Show(response.VarBinds.FirstOrDefault()?.Value) : response.ErrorStatus.ToString())}");
        if (response.ErrorStatus != SnmpErrorStatus.NoError)
            throw ScenarioContext.Fail($"the eUE's agent answered the GET of {MibNames.Describe(instance)} with {response.ErrorStatus}",
                expected: "noError (RFC 3416 §4.2.1: a missing instance is a noSuchObject/noSuchInstance varbind)", seen: response.ErrorStatus.ToString());
        var vb = response.VarBinds.FirstOrDefault(v => v.Name == instance)
            ?? throw ScenarioContext.Fail($"the eUE's Response to the GET of {MibNames.Describe(instance)} does not name it", expected: instance.ToString(),
                seen: string.Join(", ", response.VarBinds.Select(v => v.Name.ToString())));
        return vb.Value;
    }

    /// <summary>SET of one varbind: the Response's error-status.</summary>
    public async Task<SnmpResponse> SetAsync(VarBind varBind, bool silenceFails = false)
    {
        var response = await RequestAsync(new Pdu(PduType.SetRequest, 0, SnmpErrorStatus.NoError, 0, [varBind]), MibNames.Describe(varBind.Name), silenceFails);
        Note($"SET {MibNames.Describe(varBind.Name)} = {Show(varBind.Value)} -> {response.ErrorStatus}");
        return response;
    }

    /// <summary>
    /// Every instance under <paramref name="root"/> by GETNEXT (RFC 3416 §4.2.2), in order. Names that do not increase
    /// fail the scenario (the agent's fault: a manager's walk would never end).
    /// </summary>
    public async Task<IReadOnlyList<VarBind>> WalkAsync(ObjectIdentifier root, bool silenceFails = false)
    {
        var result = new List<VarBind>();
        var current = root;
        while (result.Count < MaxWalk)
        {
            var response = await RequestAsync(Pdu.Request(PduType.GetNextRequest, 0, [current]), $"a walk of {MibNames.Describe(root)}", silenceFails);
            if (response.ErrorStatus == SnmpErrorStatus.NoSuchName) break; // SNMPv1 end of the MIB view
            if (response.ErrorStatus != SnmpErrorStatus.NoError)
                throw ScenarioContext.Fail($"the eUE's agent answered a GETNEXT after {MibNames.Describe(current)} with {response.ErrorStatus}", expected: "noError", seen: response.ErrorStatus.ToString());
            var vb = response.VarBinds.FirstOrDefault();
            if (vb is null || vb.Value.Type == SnmpType.EndOfMibView || !vb.Name.StartsWith(root)) break;
            if (vb.Name.CompareTo(current) <= 0)
                throw ScenarioContext.Fail($"the eUE's agent returned {vb.Name} for a GETNEXT after {current}", expected: "a name greater than the one asked (RFC 3416 §4.2.2)", seen: vb.Name.ToString());
            result.Add(vb);
            current = vb.Name;
        }
        Note($"walk of {MibNames.Describe(root)}: {result.Count} instance(s)" + string.Concat(result.Take(64).Select(v => $"\n  {MibNames.Describe(v.Name)} = {Show(v.Value)}")));
        return result;
    }

    /// <summary>The provisioning state the eUE's agent shows (pktcMtaDevProvisioningState.0), in the MIB of its notifications or whichever answers.</summary>
    public async Task<(int? State, MtaMib Mib)> ProvisioningStateAsync(bool silenceFails = false)
    {
        foreach (var mib in Mib is { } known ? [known] : MtaMib.Both)
        {
            var value = await GetAsync(mib.ProvisioningState.InstanceId(0), silenceFails);
            if (value.Type == SnmpType.Integer) { Mib ??= mib; return (value.ToInt32(), mib); }
        }
        return (null, Mib ?? MtaMib.Ietf);
    }

    void Note(string text) => scenario.Log(text);

    public static string Show(SnmpValue? value) => value is null ? "(none)" : value.Type switch
    {
        SnmpType.OctetString when value.Bytes.ToArray().All(b => b is >= 0x20 and < 0x7F) => value.Bytes.Length > 80
            ? $"\"{Encoding.ASCII.GetString(value.Bytes[..40])}…\" ({value.Bytes.Length} octets)"
            : $"\"{Encoding.ASCII.GetString(value.Bytes)}\"",
        SnmpType.OctetString => $"0x{Convert.ToHexString(value.Bytes)}",
        _ => value.ToString(),
    };

    static string Describe(PduType type) => type switch
    {
        PduType.GetRequest => "GET",
        PduType.GetNextRequest => "GETNEXT",
        PduType.SetRequest => "SET",
        _ => type.ToString(),
    };

    /// <summary>The evidence event of the agent's last Response the headend received (for attaching to a verdict).</summary>
    public EvidenceEvent? LastResponse() =>
        lab.Seen(e => e.Service == ProvisioningServer.Service && e.Direction == Direction.Received && e.Kind == "Response").LastOrDefault();
}
