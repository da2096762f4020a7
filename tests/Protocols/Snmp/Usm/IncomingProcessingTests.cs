using EUeConformance.Protocols.Snmp.Usm;
using FluentAssertions;
using Xunit;

namespace EUeConformance.Tests.Protocols.Snmp.Usm;

/// <summary>
/// RFC 3414 §3.2 end to end on whole messages (framed by the tests' <see cref="SnmpV3Frame"/>): each
/// error maps to its usmStats counter, in the RFC's order, and a good message yields its ScopedPDU.
/// The Provisioning Server is authoritative for the eUE's INFORMs (eUE-15, eUE-25) and not for the
/// Responses to its own GET/SET (eUE-16..19).
/// </summary>
public class IncomingProcessingTests
{
    static readonly UsmLocalEngine Local = new(UsmTestData.EngineId, 7, 10_000);
    static byte[] Pdu => UsmTestData.GetSysDescr(99).Encode();

    static byte[] Message(UsmUser user, UsmSecurityLevel level, int boots = 7, int time = 10_000, byte[]? engineId = null) =>
        UsmTestData.SecureMessage(user, level, boots, time, Pdu, new UsmSaltCounter(5), engineId: engineId);

    [Theory]
    [InlineData(UsmSecurityLevel.AuthPriv)]
    [InlineData(UsmSecurityLevel.AuthNoPriv)]
    [InlineData(UsmSecurityLevel.NoAuthNoPriv)]
    public void A_good_message_yields_its_ScopedPDU(UsmSecurityLevel level)
    {
        foreach (var user in new[] { UsmTestData.ShaAesUser, UsmTestData.Md5DesUser })
        {
            var r = UsmTestData.Receive(Message(user, level), Local, UsmTestData.Users);
            r.Status.Should().Be(UsmStatus.Ok);
            r.Counter.Should().BeNull();
            r.User.Should().BeSameAs(user);
            ScopedPdu.Decode(r.ScopedPdu!).RequestId.Should().Be(99);
            r.ScopedPdu.AsSpan(0, Pdu.Length).SequenceEqual(Pdu).Should().BeTrue();
        }
    }

    [Fact]
    public void Discovery_probe_gets_unknownEngineID_and_a_Report_that_names_this_engine()
    {
        // RFC 3414 §4: noAuthNoPriv, empty engine ID and user name, empty varBindList.
        var probePdu = new ScopedPdu([], [], ScopedPdu.GetRequest, 1, 0, 0, []).Encode();
        byte[] probe = SnmpV3Frame.Encode(1, UsmSecurityLevel.NoAuthNoPriv.ToMsgFlags(reportable: true), UsmDiscovery.ProbeParameters().Encode(), probePdu, false);
        var r = UsmTestData.Receive(probe, Local, UsmTestData.Users);
        r.Status.Should().Be(UsmStatus.UnknownEngineId);
        r.Counter.Should().BeSameAs(UsmStatsCounters.UnknownEngineIds);
        r.Counter!.Oid.Should().Be("1.3.6.1.6.3.15.1.1.4.0");
        r.Counter.ReportSecurityLevel.Should().Be(UsmSecurityLevel.NoAuthNoPriv);

        var report = UsmDiscovery.ReportParameters(Local, UsmDiscovery.ProbeParameters());
        report.AuthoritativeEngineId.Should().Equal(UsmTestData.EngineId);
        (report.AuthoritativeEngineBoots, report.AuthoritativeEngineTime).Should().Be((7, 10_000));

        // The manager side learns the engine ID (and, unauthenticated, a hint of boots/time).
        var learnt = UsmDiscovery.LearnFromReport(report, r.Counter.Oid)!;
        learnt.EngineId.Should().Equal(UsmTestData.EngineId);
        learnt.Authentic.Should().BeFalse();
        learnt.EngineTime.Should().Be(new UsmEngineTimeNotion(7, 10_000, 10_000));
    }

    [Fact]
    public void Time_synchronisation_learns_boots_and_time_from_an_authenticated_notInTimeWindow_Report()
    {
        // The manager's authenticated request with boots/time 0 (§4) is outside the agent's window…
        var atAgent = UsmTestData.Receive(Message(UsmTestData.ShaAesUser, UsmSecurityLevel.AuthNoPriv, boots: 0, time: 0), Local, UsmTestData.Users);
        atAgent.Status.Should().Be(UsmStatus.NotInTimeWindow);
        atAgent.Counter!.ReportSecurityLevel.Should().Be(UsmSecurityLevel.AuthNoPriv, "RFC 3414 §3.2 step 7a");

        // …and its authenticated Report, built with the agent's own boots/time, teaches them to the manager.
        var reportPdu = new ScopedPdu(UsmTestData.EngineId, [], ScopedPdu.Report, 1, 0, 0, [(atAgent.Counter.Oid, [0x41, 0x01, 0x01])]).Encode();
        byte[] report = UsmTestData.SecureMessage(UsmTestData.ShaAesUser, UsmSecurityLevel.AuthNoPriv, Local.Boots, Local.Time, reportPdu, new UsmSaltCounter(0), reportable: false);
        var manager = new UsmLocalEngine(UsmTestData.OtherEngineId, 1, 50);
        var atManager = UsmTestData.Receive(report, manager, UsmTestData.Users, UsmEngineTimeNotion.Unknown);
        atManager.Status.Should().Be(UsmStatus.Ok);
        atManager.EngineTime.Should().Be(new UsmEngineTimeNotion(7, 10_000, 10_000));

        var frame = SnmpV3Frame.Parse(report);
        var parameters = UsmSecurityParameters.Decode(report.AsSpan(frame.SecurityParametersOffset, frame.SecurityParametersLength));
        var learnt = UsmDiscovery.LearnFromReport(parameters, ScopedPdu.Decode(atManager.ScopedPdu!).VarBinds[0].Oid, atManager)!;
        learnt.Authentic.Should().BeTrue();
        learnt.EngineTime.Should().Be(new UsmEngineTimeNotion(7, 10_000, 10_000));
        UsmDiscovery.LearnFromReport(parameters, "1.3.6.1.6.3.15.1.1.5.0").Should().BeNull("wrongDigests teaches nothing");
    }

    [Fact]
    public void Another_engines_ID_at_an_authoritative_receiver_is_unknownEngineID()
    {
        // A user localized for another engine (known to the table), sending to us with that engine's ID.
        var elsewhere = UsmUser.FromLocalizedKeys("provserver", UsmTestData.OtherEngineId, UsmAuthProtocol.HmacSha, UsmTestData.ShaAesUser.AuthKey,
            UsmPrivProtocol.AesCfb128, UsmTestData.ShaAesUser.PrivKey);
        var r = UsmTestData.Receive(Message(elsewhere, UsmSecurityLevel.AuthPriv), Local, UsmTestData.Users.With(elsewhere));
        r.Status.Should().Be(UsmStatus.UnknownEngineId);
        r.Counter!.Oid.Should().Be("1.3.6.1.6.3.15.1.1.4.0");
    }

    [Fact]
    public void Unknown_user_is_unknownUserName()
    {
        var stranger = UsmUser.FromLocalizedKeys("stranger", UsmTestData.EngineId, UsmAuthProtocol.HmacSha, UsmTestData.ShaAesUser.AuthKey);
        var r = UsmTestData.Receive(Message(stranger, UsmSecurityLevel.AuthNoPriv), Local, UsmTestData.Users);
        r.Status.Should().Be(UsmStatus.UnknownUserName);
        r.Counter!.Oid.Should().Be("1.3.6.1.6.3.15.1.1.3.0");
    }

    [Fact]
    public void A_level_the_user_lacks_is_unsupportedSecLevel()
    {
        // The sender believes "authonly" has privacy; the table says it has none.
        var believed = UsmUser.FromLocalizedKeys("authonly", UsmTestData.EngineId, UsmAuthProtocol.HmacSha, UsmTestData.ShaOnlyUser.AuthKey,
            UsmPrivProtocol.AesCfb128, new byte[20]);
        var r = UsmTestData.Receive(Message(believed, UsmSecurityLevel.AuthPriv), Local, UsmTestData.Users);
        r.Status.Should().Be(UsmStatus.UnsupportedSecurityLevel);
        r.Counter!.Oid.Should().Be("1.3.6.1.6.3.15.1.1.1.0");

        var noAuth = UsmUser.FromLocalizedKeys("public-ish", UsmTestData.EngineId, UsmAuthProtocol.HmacMd5, new byte[16]);
        UsmTestData.Receive(Message(noAuth, UsmSecurityLevel.AuthNoPriv), Local, UsmTestData.Users).Status.Should().Be(UsmStatus.UnsupportedSecurityLevel);
    }

    [Fact]
    public void A_flipped_bit_or_a_wrong_key_is_wrongDigest()
    {
        byte[] m = Message(UsmTestData.ShaAesUser, UsmSecurityLevel.AuthPriv);
        m[^3] ^= 0x10;
        var r = UsmTestData.Receive(m, Local, UsmTestData.Users);
        r.Status.Should().Be(UsmStatus.WrongDigest);
        r.Counter!.Oid.Should().Be("1.3.6.1.6.3.15.1.1.5.0");

        var impostor = UsmUser.FromPasswords("provserver", UsmTestData.EngineId, UsmAuthProtocol.HmacSha, "not the password", UsmPrivProtocol.AesCfb128, UsmTestData.PrivPassword);
        UsmTestData.Receive(Message(impostor, UsmSecurityLevel.AuthPriv), Local, UsmTestData.Users).Status.Should().Be(UsmStatus.WrongDigest);
    }

    [Fact]
    public void Authentication_parameters_that_are_not_12_octets_are_wrongDigest()
    {
        var parts = UsmOutgoing.Prepare(UsmSecurityLevel.AuthNoPriv, UsmTestData.ShaAesUser, UsmTestData.EngineId, 7, 10_000, Pdu, new UsmSaltCounter(0));
        var shortMac = parts.Parameters.WithAuthenticationParameters(new byte[11]);
        byte[] sp = shortMac.Encode(out int inSp);
        byte[] m = SnmpV3Frame.Encode(1, UsmSecurityLevel.AuthNoPriv.ToMsgFlags(true), sp, parts.MsgData, false);
        UsmTestData.Receive(m, Local, UsmTestData.Users).Status.Should().Be(UsmStatus.WrongDigest);
    }

    [Theory]
    [InlineData(7, 10_150, UsmStatus.Ok)]
    [InlineData(7, 10_151, UsmStatus.NotInTimeWindow)]
    [InlineData(7, 9_850, UsmStatus.Ok)]
    [InlineData(7, 9_849, UsmStatus.NotInTimeWindow)]
    [InlineData(6, 10_000, UsmStatus.NotInTimeWindow)]
    [InlineData(8, 10_000, UsmStatus.NotInTimeWindow)]
    public void Timeliness_at_the_authoritative_receiver(int boots, int time, UsmStatus expected)
    {
        UsmTestData.Receive(Message(UsmTestData.ShaAesUser, UsmSecurityLevel.AuthPriv, boots, time), Local, UsmTestData.Users).Status.Should().Be(expected);
    }

    [Fact]
    public void Boots_latched_at_the_maximum_refuses_everything_authenticated()
    {
        var latched = new UsmLocalEngine(UsmTestData.EngineId, int.MaxValue, 10_000);
        UsmTestData.Receive(Message(UsmTestData.ShaAesUser, UsmSecurityLevel.AuthNoPriv, int.MaxValue, 10_000), latched, UsmTestData.Users)
            .Status.Should().Be(UsmStatus.NotInTimeWindow);
        UsmTestData.Receive(Message(UsmTestData.NoAuthUser, UsmSecurityLevel.NoAuthNoPriv, int.MaxValue, 10_000), latched, UsmTestData.Users)
            .Status.Should().Be(UsmStatus.Ok, "timeliness applies to authenticated messages only (§3.2 step 7)");
    }

    [Fact]
    public void Timeliness_at_a_non_authoritative_receiver_follows_step_7b()
    {
        var manager = new UsmLocalEngine(UsmTestData.OtherEngineId, 1, 50);
        var notion = new UsmEngineTimeNotion(7, 10_000, 9_990);
        byte[] old = Message(UsmTestData.ShaAesUser, UsmSecurityLevel.AuthPriv, 7, 9_849);
        var r = UsmTestData.Receive(old, manager, UsmTestData.Users, notion);
        r.Status.Should().Be(UsmStatus.NotInTimeWindow);
        r.EngineTime.Should().Be(notion);

        var ok = UsmTestData.Receive(Message(UsmTestData.ShaAesUser, UsmSecurityLevel.AuthPriv, 7, 10_020), manager, UsmTestData.Users, notion);
        ok.Status.Should().Be(UsmStatus.Ok);
        ok.EngineTime.Should().Be(new UsmEngineTimeNotion(7, 10_020, 10_020));

        UsmTestData.Receive(Message(UsmTestData.ShaAesUser, UsmSecurityLevel.AuthPriv, 7, 10_020), manager, UsmTestData.Users, remote: null)
            .Status.Should().Be(UsmStatus.UnknownEngineId, "an engine the manager never discovered is unknown unless it chooses to learn it");
    }

    [Fact]
    public void Bad_privacy_parameters_or_ciphertext_length_are_decryptionError()
    {
        var parts = UsmOutgoing.Prepare(UsmSecurityLevel.AuthPriv, UsmTestData.Md5DesUser, UsmTestData.EngineId, 7, 10_000, Pdu, new UsmSaltCounter(0));
        var r1 = Resign(UsmTestData.Md5DesUser, new UsmSecurityParameters(UsmTestData.EngineId, 7, 10_000, UsmTestData.Md5DesUser.UserName, new byte[12], new byte[7]), parts.MsgData);
        r1.Status.Should().Be(UsmStatus.DecryptionError);
        r1.Counter!.Oid.Should().Be("1.3.6.1.6.3.15.1.1.6.0");
        Resign(UsmTestData.Md5DesUser, parts.Parameters, parts.MsgData[..^1]).Status.Should().Be(UsmStatus.DecryptionError);
        Resign(UsmTestData.Md5DesUser, parts.Parameters, parts.MsgData).Status.Should().Be(UsmStatus.Ok);
    }

    /// <summary>Frames and signs arbitrary parts (to get past the MAC check with odd privacy fields).</summary>
    static UsmIncomingResult Resign(UsmUser user, UsmSecurityParameters parameters, byte[] msgData)
    {
        byte[] sp = parameters.Encode(out int inSp);
        byte[] m = SnmpV3Frame.Encode(1, UsmSecurityLevel.AuthPriv.ToMsgFlags(true), sp, msgData, true);
        UsmOutgoing.Authenticate(user, m, SnmpV3Frame.Parse(m).SecurityParametersOffset + inSp);
        return UsmTestData.Receive(m, Local, UsmTestData.Users);
    }

    [Fact]
    public void Outgoing_refuses_a_level_the_user_lacks_or_keys_for_another_engine()
    {
        FluentActions.Invoking(() => UsmOutgoing.Prepare(UsmSecurityLevel.AuthPriv, UsmTestData.ShaOnlyUser, UsmTestData.EngineId, 0, 0, Pdu, new UsmSaltCounter(0)))
            .Should().Throw<ArgumentException>();
        FluentActions.Invoking(() => UsmOutgoing.Prepare(UsmSecurityLevel.AuthNoPriv, UsmTestData.ShaOnlyUser, UsmTestData.OtherEngineId, 0, 0, Pdu, new UsmSaltCounter(0)))
            .Should().Throw<ArgumentException>();
        UsmSecurityLevels.FromMsgFlags(0x06).Should().BeNull("privFlag without authFlag (RFC 3412 §7.2 step 5)");
        UsmSecurityLevels.FromMsgFlags(0x07).Should().Be(UsmSecurityLevel.AuthPriv);
        UsmSecurityLevel.AuthPriv.ToMsgFlags(reportable: true).Should().Be(0x07);
    }
}

/// <summary>A user's keyed contexts are shared by concurrent sessions (the headend serves many at once).</summary>
public class ConcurrentUseTests
{
    [Fact]
    public void Parallel_securing_and_processing_with_one_user_gives_the_same_results_as_sequential()
    {
        var user = UsmUser.FromLocalizedKeys("provserver", UsmTestData.EngineId, UsmAuthProtocol.HmacSha, UsmTestData.ShaAesUser.AuthKey,
            UsmPrivProtocol.AesCfb128, UsmTestData.ShaAesUser.PrivKey);
        var users = new UsmUserTable([user]);
        var local = new UsmLocalEngine(UsmTestData.EngineId, 1, 100);
        int failures = 0;
        Parallel.For(0, 2_000, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i =>
        {
            byte[] pdu = UsmTestData.GetSysDescr(i).Encode();
            byte[] m = UsmTestData.SecureMessage(user, UsmSecurityLevel.AuthPriv, 1, 100, pdu, new UsmSaltCounter((ulong)i));
            var r = UsmTestData.Receive(m, local, users);
            if (!r.IsOk || ScopedPdu.Decode(r.ScopedPdu!).RequestId != i || !UsmAuthProtocol.HmacSha.Verify(user.AuthKey, m, AuthOffset(m)))
                Interlocked.Increment(ref failures);
        });
        failures.Should().Be(0);
    }

    static int AuthOffset(byte[] m)
    {
        var f = SnmpV3Frame.Parse(m);
        UsmSecurityParameters.Decode(m.AsSpan(f.SecurityParametersOffset, f.SecurityParametersLength), f.SecurityParametersOffset, out int off);
        return off;
    }
}
