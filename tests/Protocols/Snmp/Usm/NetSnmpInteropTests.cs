using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using EUeConformance.Protocols.Snmp.Usm;
using EUeConformance.Tests.Support;
using FluentAssertions;
using Xunit;
using Xunit.Abstractions;

namespace EUeConformance.Tests.Protocols.Snmp.Usm;

/// <summary>
/// RFC 3826 has no test vectors, so net-snmp (Debian's 'snmp' package, 5.9.x) is the independent
/// judge of both privacy protocols and both MACs. A UDP socket on 127.0.0.1 (ephemeral port) plays
/// the agent for one snmpget: what snmpget sends is verified with our localized key, decrypted with
/// ours and parsed; our Response, encrypted and signed by this USM, must make snmpget print the value
/// (so net-snmp verified and decrypted ours too). tshark, given the same users, then decodes both
/// directions and must call them authentic. Waits are bounded; the snmpget process is killed by its
/// handle when the test ends.
/// </summary>
public class NetSnmpInteropTests(ITestOutputHelper output)
{
    const string Snmpget = "/usr/bin/snmpget";
    const string SysDescr = "1.3.6.1.2.1.1.1.0";
    static readonly TimeSpan Bound = TimeSpan.FromSeconds(15);

    public static TheoryData<string, string> Suites => new() { { "SHA", "AES" }, { "MD5", "DES" } };

    static UsmUser UserFor(string auth, string priv, byte[] engineId) => UsmUser.FromPasswords("eueuser", engineId,
        auth == "SHA" ? UsmAuthProtocol.HmacSha : UsmAuthProtocol.HmacMd5, UsmTestData.AuthPassword,
        priv == "AES" ? UsmPrivProtocol.AesCfb128 : UsmPrivProtocol.Des, UsmTestData.PrivPassword);

    /// <summary>With -e the tool knows the engine ID and sends the real request at once (boots 0, time 0: nothing learnt yet).</summary>
    [Theory]
    [MemberData(nameof(Suites))]
    public async Task A_request_from_snmpget_with_a_known_engine_ID_verifies_decrypts_and_our_Response_is_accepted(string auth, string priv)
    {
        var user = UserFor(auth, priv, UsmTestData.EngineId);
        var agent = new UsmLocalEngine(UsmTestData.EngineId, 0, 0);
        string value = $"EUeConformance USM {auth}/{priv} via net-snmp";
        var exchange = await RunSnmpget(auth, priv, ["-e", Convert.ToHexString(UsmTestData.EngineId)], agent, new UsmUserTable([user]), value);

        exchange.Datagrams.Should().HaveCount(1, "with -e snmpget skips discovery");
        var request = exchange.Requests.Single();
        request.Result.Status.Should().Be(UsmStatus.Ok);
        request.Level.Should().Be(UsmSecurityLevel.AuthPriv);
        request.Parameters.UserNameText.Should().Be("eueuser");
        request.Parameters.AuthoritativeEngineId.Should().Equal(UsmTestData.EngineId);
        (request.Parameters.AuthoritativeEngineBoots, request.Parameters.AuthoritativeEngineTime).Should().Be((0, 0));
        request.Parameters.AuthenticationParameters.Should().HaveCount(12);
        request.Parameters.PrivacyParameters.Should().HaveCount(8);
        AssertIsGetSysDescr(request.Pdu!, UsmTestData.EngineId);

        // The MAC check is real: with the other digest's key, or a flipped bit, it fails.
        var frame = SnmpV3Frame.Parse(exchange.Datagrams[0]);
        byte[] tampered = (byte[])exchange.Datagrams[0].Clone();
        tampered[frame.MsgDataOffset + 3] ^= 0x01;
        UsmTestData.Receive(tampered, agent, new UsmUserTable([user])).Status.Should().Be(UsmStatus.WrongDigest);

        exchange.ExitCode.Should().Be(0, exchange.Stderr);
        exchange.Stdout.Should().Contain(value, "snmpget verified, decrypted and printed our Response");

        JudgeWithTshark(exchange, auth, priv, value);
    }

    /// <summary>
    /// Without -e the tool discovers: an empty-engine-ID probe (RFC 3414 §4), which this USM answers
    /// with a Report of usmStatsUnknownEngineIDs naming our engine (boots 3, time 1234), then the real
    /// request with what the Report taught. This is the Provisioning Server's role for the eUE's INFORMs.
    /// </summary>
    [Fact]
    public async Task Discovery_by_snmpget_is_answered_with_our_own_Report_and_the_request_that_follows_is_authentic()
    {
        var user = UserFor("SHA", "AES", UsmTestData.EngineId);
        var agent = new UsmLocalEngine(UsmTestData.EngineId, 3, 1234);
        var exchange = await RunSnmpget("SHA", "AES", [], agent, new UsmUserTable([user]), "after discovery");

        foreach (var r in exchange.Requests)
            output.WriteLine($"{r.Level} {r.Parameters} -> {r.Result.Status}");
        var probe = exchange.Requests[0];
        probe.Level.Should().Be(UsmSecurityLevel.NoAuthNoPriv);
        UsmDiscovery.IsProbe(probe.Parameters).Should().BeTrue();
        probe.Result.Status.Should().Be(UsmStatus.UnknownEngineId);
        probe.Pdu!.VarBinds.Should().BeEmpty("RFC 3414 §4: the probe's varBindList is empty");

        var last = exchange.Requests[^1];
        last.Result.Status.Should().Be(UsmStatus.Ok);
        last.Level.Should().Be(UsmSecurityLevel.AuthPriv);
        (last.Parameters.AuthoritativeEngineBoots, last.Parameters.AuthoritativeEngineTime).Should().Be((3, 1234), "snmpget adopted the Report's boots/time");
        AssertIsGetSysDescr(last.Pdu!, UsmTestData.EngineId);
        exchange.ExitCode.Should().Be(0, exchange.Stderr);
        exchange.Stdout.Should().Contain("after discovery");
    }

    static void AssertIsGetSysDescr(ScopedPdu pdu, byte[] engineId)
    {
        pdu.ContextEngineId.Should().Equal(engineId);
        pdu.ContextName.Should().BeEmpty();
        pdu.PduTag.Should().Be(ScopedPdu.GetRequest);
        (pdu.ErrorStatus, pdu.ErrorIndex).Should().Be((0, 0));
        pdu.VarBinds.Should().ContainSingle();
        pdu.VarBinds[0].Oid.Should().Be(SysDescr);
        pdu.VarBinds[0].EncodedValue.Should().Equal(ScopedPdu.Null);
    }

    void JudgeWithTshark(Exchange exchange, string auth, string priv, string value)
    {
        var client = new IPEndPoint(IPAddress.Parse("10.0.0.2"), 40161);
        var server = new IPEndPoint(IPAddress.Parse("10.0.0.1"), 161);
        string pcap = Tshark.PcapOfUdp((exchange.Datagrams[0], client, server), (exchange.Replies[0], server, client));
        // Wireshark's SNMP users table (packet-snmp.c users_fields); an empty engine ID matches any engine.
        string[] users = ["-o", $"uat:snmp_users:\"\",\"eueuser\",\"{(auth == "SHA" ? "SHA1" : "MD5")}\",\"{UsmTestData.AuthPassword}\",\"{priv}\",\"{UsmTestData.PrivPassword}\""];
        var rows = Tshark.Fields(pcap, users, "snmp.msgUserName", "snmp.name", "snmp.value.octets", "_ws.expert.message", "snmp.msgAuthoritativeEngineID");
        output.WriteLine(string.Join("\n", rows.Select(r => string.Join(" | ", r))));
        rows.Should().HaveCount(2);
        rows[0][0].Should().Be("eueuser");
        rows[0][1].Should().Be(SysDescr, "tshark decrypted snmpget's request");
        rows[0][3].Should().Contain("SNMP Authentication OK");
        rows[1][1].Should().Be(SysDescr, "tshark decrypted our Response");
        Convert.FromHexString(rows[1][2].Replace(":", "")).Should().Equal(System.Text.Encoding.UTF8.GetBytes(value));
        rows[1][3].Should().Contain("SNMP Authentication OK", "tshark verified our MAC");
        rows[1][4].Should().Be(Convert.ToHexString(UsmTestData.EngineId).ToLowerInvariant());
        Tshark.Problems(pcap, users).Should().BeEmpty(Tshark.Verbose(pcap, users));
    }

    // ------------------------------------------------------------ the tiny agent

    sealed record Received(UsmSecurityLevel Level, UsmSecurityParameters Parameters, UsmIncomingResult Result, ScopedPdu? Pdu, int MsgId);
    sealed record Exchange(List<byte[]> Datagrams, List<byte[]> Replies, List<Received> Requests, int ExitCode, string Stdout, string Stderr);

    async Task<Exchange> RunSnmpget(string auth, string priv, string[] extra, UsmLocalEngine agent, UsmUserTable users, string value)
    {
        File.Exists(Snmpget).Should().BeTrue($"net-snmp's snmpget is the judge here: apt-get install snmp");
        using var socket = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        int port = ((IPEndPoint)socket.Client.LocalEndPoint!).Port;
        string home = Repo.TempDir();
        var psi = new ProcessStartInfo(Snmpget) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in (string[])["-v3", "-l", "authPriv", "-u", "eueuser", "-a", auth, "-A", UsmTestData.AuthPassword, "-x", priv, "-X", UsmTestData.PrivPassword,
                     .. extra, "-r", "0", "-t", "5", "-Oqv", $"127.0.0.1:{port}", SysDescr])
            psi.ArgumentList.Add(a);
        // Keep net-snmp away from the machine's configuration and persistent state.
        psi.Environment["HOME"] = home;
        psi.Environment["SNMPCONFPATH"] = home;
        psi.Environment["SNMP_PERSISTENT_DIR"] = home;
        psi.Environment["MIBS"] = "";

        var datagrams = new List<byte[]>();
        var replies = new List<byte[]>();
        var requests = new List<Received>();
        using var process = Process.Start(psi)!;
        try
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            using var deadline = new CancellationTokenSource(Bound);
            var salt = new UsmSaltCounter(0x5A17);
            while (true)
            {
                UdpReceiveResult got;
                try { got = await socket.ReceiveAsync(deadline.Token); }
                catch (OperationCanceledException) { throw new TimeoutException($"snmpget sent nothing more within {Bound}; stderr: {(process.HasExited ? await stderr : "(running)")}"); }
                datagrams.Add(got.Buffer);
                var (received, reply) = Answer(got.Buffer, agent, users, value, salt);
                requests.Add(received);
                replies.Add(reply);
                await socket.SendAsync(reply, got.RemoteEndPoint, deadline.Token);
                if (received.Result.IsOk) break;
                if (requests.Count > 4) throw new InvalidOperationException("snmpget keeps retrying: " + string.Join("; ", requests.Select(r => r.Result.Status)));
            }
            if (!process.WaitForExit((int)Bound.TotalMilliseconds)) throw new TimeoutException("snmpget did not exit after our Response");
            return new Exchange(datagrams, replies, requests, process.ExitCode, await stdout, await stderr);
        }
        finally
        {
            if (!process.HasExited) process.Kill();
        }
    }

    /// <summary>Processes one datagram with this USM as the authoritative engine and builds the Response or the Report.</summary>
    static (Received, byte[] Reply) Answer(byte[] datagram, UsmLocalEngine agent, UsmUserTable users, string value, UsmSaltCounter salt)
    {
        var frame = SnmpV3Frame.Parse(datagram);
        frame.SecurityModel.Should().Be(SnmpV3Frame.UsmSecurityModel);
        var parameters = UsmSecurityParameters.Decode(datagram.AsSpan(frame.SecurityParametersOffset, frame.SecurityParametersLength), frame.SecurityParametersOffset, out int authOffset);
        var level = UsmSecurityLevels.FromMsgFlags(frame.MsgFlags)!.Value;
        var result = UsmIncoming.Process(level, parameters, datagram, authOffset, datagram.AsSpan(frame.MsgDataOffset, frame.MsgDataLength), agent, users);
        ScopedPdu? pdu = result.ScopedPdu is { } plain ? ScopedPdu.Decode(plain)
            : !frame.Encrypted ? ScopedPdu.Decode(datagram.AsSpan(frame.MsgDataOffset, frame.MsgDataLength).ToArray()) : null;
        var received = new Received(level, parameters, result, pdu, frame.MsgId);

        if (result.IsOk)
        {
            var response = new ScopedPdu(agent.EngineId, [], ScopedPdu.GetResponse, pdu!.RequestId, 0, 0, [(SysDescr, ScopedPdu.OctetString(value))]);
            return (received, UsmTestData.SecureMessage(result.User!, level, agent.Boots, agent.Time, response.Encode(), salt, frame.MsgId, reportable: false, engineId: agent.EngineId));
        }

        // A Report (RFC 3412 §7.1 step 3; RFC 3414 §3.2): the counter's OID with a Counter32 value, at the level the counter asks for.
        var counter = result.Counter!;
        var report = new ScopedPdu(agent.EngineId, [], ScopedPdu.Report, pdu?.RequestId ?? 0, 0, 0, [(counter.Oid, [0x41, 0x01, 0x01])]).Encode();
        if (counter.ReportSecurityLevel == UsmSecurityLevel.NoAuthNoPriv || result.User is null)
        {
            byte[] sp = UsmDiscovery.ReportParameters(agent, parameters).Encode();
            return (received, SnmpV3Frame.Encode(frame.MsgId, UsmSecurityLevel.NoAuthNoPriv.ToMsgFlags(false), sp, report, false));
        }
        return (received, UsmTestData.SecureMessage(result.User, counter.ReportSecurityLevel, agent.Boots, agent.Time, report, salt, frame.MsgId, reportable: false, engineId: agent.EngineId));
    }
}
