using System.Diagnostics;
using EUeConformance.Protocols.Snmp;
using EUeConformance.Protocols.Snmp.Engine;
using EUeConformance.Protocols.Snmp.Mibs;
using EUeConformance.Protocols.Snmp.Usm;
using EUeConformance.Tests.Support;
using FluentAssertions;
using Xunit;
using Xunit.Abstractions;
using UsmTestData = EUeConformance.Tests.Protocols.Snmp.Usm.UsmTestData;

namespace EUeConformance.Tests.Protocols.Snmp;

/// <summary>
/// The issue's budget: an authPriv (SHA/AES) GET round trip through our manager and our agent, in
/// process (no sockets), under 50 µs of CPU. The round trip is the real API: SnmpManager.GetAsync
/// encrypts and signs, the agent's Handle verifies, decrypts, answers, encrypts and signs, and the
/// manager verifies and decrypts the Response. Over the in-process link it completes synchronously
/// on the calling thread (asserted), so that thread's CPU time (clock_gettime
/// CLOCK_THREAD_CPUTIME_ID) measures exactly it, whatever else the machine runs. Warm-up, then
/// 3 rounds of 20,000; the best round counts. An optimised (Release) build, CI's, is held to the
/// 50 µs budget itself; a Debug build only to a loose regression bound. The figure is printed. Measure with
/// 'dotnet test -c Release --filter SnmpBenchmarkTests --logger "console;verbosity=detailed"'.
/// </summary>
[Collection(nameof(Dhcp4.BenchmarkCollection))]
public class SnmpBenchmarkTests(ITestOutputHelper output)
{
    const int WarmUp = 5_000;
    const int Iterations = 20_000;
    const int Rounds = 3;
    const double BudgetMicroseconds = 50;
    const double RegressionBoundMicroseconds = 300;

    [Fact]
    public async Task An_authPriv_GET_round_trip_through_manager_and_agent_stays_within_the_budget()
    {
        var bed = new SnmpTestBed(time: TimeProvider.System);
        var (manager, link) = bed.Manager();
        await using var _ = manager;
        var target = SnmpTestBed.V3(SnmpTestBed.ShaAesCredentials, UsmSecurityLevel.AuthPriv);
        var names = new[] { MibNames.Snmpv2.SysDescr.InstanceId(0), MibNames.IetfMta.PktcMtaDevProvisioningState.InstanceId(0) };
        // Discovery first (not part of the measured round trip), then the GET that is measured.
        var first = await manager.GetAsync(target, names);
        first.VarBinds[0].Value.ToText().Should().Be(SnmpTestBed.SysDescr);
        link.Requests.Clear(); link.Replies.Clear();

        int RoundTrip()
        {
            var task = manager.GetAsync(target, names);
            if (!task.IsCompleted) throw new InvalidOperationException("the in-process round trip must complete synchronously to be measured on this thread");
            return task.Result.VarBinds.Count;
        }

        RoundTrip();
        byte[] request = link.Requests[^1];
        byte[] reply = link.Replies[^1];
        link.Record = false;
        var agentEndPoint = SnmpTestBed.ManagerEndPoint;

        var (wall, cpu) = Measure(RoundTrip);
        var (agentWall, agentCpu) = Measure(() => bed.Agent.Handle(request, agentEndPoint)!.Length);
        var (decodeWall, decodeCpu) = Measure(() => SnmpMessage.Decode(request) is SnmpV3Message m ? m.MessageId : 0);
        var user = SnmpTestBed.ShaAesCredentials.ForEngine(UsmTestData.EngineId);
        var scoped = new ScopedPdu(UsmTestData.EngineId, [], Pdu.Request(PduType.GetRequest, 1, names));
        var outgoing = new SnmpV3Outgoing(5, 65507, true, UsmSecurityLevel.AuthPriv, user.UserName, user, UsmTestData.EngineId, 3, 10, scoped);
        var (encodeWall, encodeCpu) = Measure(() => SnmpV3Processor.Encode(outgoing, manager.Engine.Salt).Length);
        var replyMessage = (SnmpV3Message)SnmpMessage.Decode(reply);
        var (receiveWall, receiveCpu) = Measure(() => SnmpV3Processor.Receive(manager.Engine, replyMessage, reply, SnmpDecodeOptions.Rfc3417)!.ScopedPdu!.Pdu.VarBinds.Count);

        output.WriteLine($"authPriv SHA/AES GET of 2 varbinds: request {request.Length} octets, response {reply.Length} octets; best of {Rounds} rounds of {Iterations:N0}");
        output.WriteLine($"{"round trip (manager + agent, 4 USM passes)",-46} {cpu,8:F2} µs CPU {wall,8:F2} µs wall {(cpu < BudgetMicroseconds ? "(within the 50 µs budget)" : "(OVER the 50 µs budget)")}");
        output.WriteLine($"{"  agent alone: Handle(authPriv GET)",-46} {agentCpu,8:F2} µs CPU {agentWall,8:F2} µs wall");
        output.WriteLine($"{"  codec alone: SnmpMessage.Decode(request)",-46} {decodeCpu,8:F2} µs CPU {decodeWall,8:F2} µs wall");
        output.WriteLine($"{"  manager: SnmpV3Processor.Encode(request)",-46} {encodeCpu,8:F2} µs CPU {encodeWall,8:F2} µs wall");
        output.WriteLine($"{"  manager: SnmpV3Processor.Receive(response)",-46} {receiveCpu,8:F2} µs CPU {receiveWall,8:F2} µs wall");
        output.WriteLine($"build: {(IsOptimized() ? "Release (optimized)" : "Debug (not optimized): measure in Release")}");

        // The issue's budget in an optimised build (CI's); a Debug build only gets a loose regression bound.
        cpu.Should().BeLessThan(IsOptimized() ? BudgetMicroseconds : RegressionBoundMicroseconds, "an authPriv GET round trip through our manager and agent costs under 50 µs of CPU (issue 4)");
    }

    static bool IsOptimized() => CpuTime.Optimized(typeof(SnmpMessage));

    /// <summary>Best round's wall time and thread CPU time per operation (<see cref="CpuTime"/>).</summary>
    static (double Wall, double Cpu) Measure(Func<int> operation)
    {
        var f = CpuTime.PerOperation(operation, Iterations, Rounds, WarmUp, TimeSpan.FromMilliseconds(500));
        return (f.WallMicroseconds, f.CpuMicroseconds);
    }
}
