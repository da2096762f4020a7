using EUeConformance.Protocols.Snmp;
using EUeConformance.Protocols.Snmp.Agent;
using EUeConformance.Protocols.Snmp.Engine;
using EUeConformance.Protocols.Snmp.Mibs;
using FluentAssertions;
using Xunit;

namespace EUeConformance.Tests.Protocols.Snmp;

/// <summary>The agent answers Get, GetNext, GetBulk and Set as RFC 3416 §4.2 says, in SNMPv1 as RFC 1157 and RFC 3584 say.</summary>
public class AgentTests
{
    readonly SnmpTestBed _bed = new();

    static readonly ObjectIdentifier SysDescr0 = MibNames.Snmpv2.SysDescr.InstanceId(0);
    static readonly ObjectIdentifier SysObjectId0 = MibNames.Snmpv2.SysObjectID.InstanceId(0);
    static readonly ObjectIdentifier ConfigFile0 = MibNames.IetfMta.PktcMtaDevConfigFile.InstanceId(0);
    static readonly ObjectIdentifier Hash0 = MibNames.IetfMta.PktcMtaDevProvConfigHash.InstanceId(0);
    static readonly ObjectIdentifier Timer0 = MibNames.IetfMta.PktcMtaDevProvisioningTimer.InstanceId(0);
    static readonly ObjectIdentifier State0 = MibNames.IetfMta.PktcMtaDevProvisioningState.InstanceId(0);
    static readonly MibTable Realm = MibNames.IetfMta.PktcMtaDevRealmTable;
    static ObjectIdentifier RealmColumn(string name, uint index) => Realm.Column(name).InstanceId(index);

    Pdu Ask(Pdu request, string community = "private", SnmpVersion version = SnmpVersion.V2c)
    {
        byte[]? reply = _bed.Agent.Handle(new CommunityMessage(version, community, request).Encode(), SnmpTestBed.ManagerEndPoint);
        reply.Should().NotBeNull($"the agent answers {request}");
        var message = (CommunityMessage)SnmpMessage.Decode(reply!);
        message.Version.Should().Be(version);
        var response = (Pdu)message.Pdu;
        (response.Type, response.RequestId).Should().Be((PduType.Response, request.RequestId));
        return response;
    }

    static Pdu Get(params ObjectIdentifier[] names) => Pdu.Request(PduType.GetRequest, 42, names);
    static Pdu GetNext(params ObjectIdentifier[] names) => Pdu.Request(PduType.GetNextRequest, 43, names);
    static Pdu Set(params VarBind[] varBinds) => new(PduType.SetRequest, 44, SnmpErrorStatus.NoError, 0, varBinds);
    static VarBind V(ObjectIdentifier name, SnmpValue value) => new(name, value);

    // ------------------------------------------------------------ Get, GetNext

    [Fact]
    public void Get_returns_each_value_and_the_v2_exceptions_where_there_is_none()
    {
        var r = Ask(Get(SysDescr0, ConfigFile0.Prefix(ConfigFile0.Length - 1).Append(5), ObjectIdentifier.Parse("1.3.6.1.4.1.9.9.9.0"), State0), "public");
        r.ErrorStatus.Should().Be(SnmpErrorStatus.NoError);
        r.VarBinds.Select(v => v.Value).Should().Equal(SnmpValue.OctetString(SnmpTestBed.SysDescr), SnmpValue.NoSuchInstance, SnmpValue.NoSuchObject, SnmpValue.Integer(2));
    }

    [Fact]
    public void SNMPv1_Get_of_a_missing_instance_is_noSuchName_with_its_index_and_the_request_varbinds()
    {
        var request = Get(SysDescr0, ObjectIdentifier.Parse("1.3.6.1.4.1.9.9.9.0"));
        var r = Ask(request, "public", SnmpVersion.V1);
        (r.ErrorStatus, r.ErrorIndex).Should().Be((SnmpErrorStatus.NoSuchName, 2));
        r.VarBinds.Should().Equal(request.VarBinds);
    }

    [Fact]
    public void SNMPv1_never_sees_Counter64_which_GetNext_skips_and_Get_calls_noSuchName()
    {
        var last = SnmpTestBed.TestCounter64.InstanceId(0);
        var before = ObjectIdentifier.Parse("1.3.6.1.4.1.4491.99");
        Ask(GetNext(before), "public").VarBinds.Single().Should().Be(V(last, SnmpValue.Counter64(1UL << 40)));
        var v1 = Ask(GetNext(before), "public", SnmpVersion.V1);
        v1.ErrorStatus.Should().Be(SnmpErrorStatus.NoError);
        v1.VarBinds.Single().Name.Should().Be(MibNames.SnmpFramework.SnmpEngineID.InstanceId(0), "the next object after the Counter64 one");
        Ask(Get(last), "public", SnmpVersion.V1).ErrorStatus.Should().Be(SnmpErrorStatus.NoSuchName);
    }

    [Fact]
    public void GetNext_walks_in_lexicographic_order_across_scalars_and_table_columns()
    {
        _bed.Realms.SetRow([2], (Realm.Column("pktcMtaDevRealmName"), SnmpValue.OctetString("B.EXAMPLE")), (Realm.Column("pktcMtaDevRealmOrgName"), SnmpValue.OctetString("B Org")));
        _bed.Realms.SetRow([1], (Realm.Column("pktcMtaDevRealmName"), SnmpValue.OctetString("A.EXAMPLE")), (Realm.Column("pktcMtaDevRealmOrgName"), SnmpValue.OctetString("A Org")));
        var names = new List<ObjectIdentifier>();
        var at = Realm.EntryId;
        while (true)
        {
            var vb = Ask(GetNext(at), "public").VarBinds.Single();
            if (!vb.Name.StartsWith(Realm.EntryId)) break;
            names.Add(vb.Name);
            at = vb.Name;
        }
        // The index column is not-accessible; each readable column, row 1 then row 2 (RFC 3416 §4.2.2).
        names.Should().Equal(RealmColumn("pktcMtaDevRealmName", 1), RealmColumn("pktcMtaDevRealmName", 2),
            RealmColumn("pktcMtaDevRealmOrgName", 1), RealmColumn("pktcMtaDevRealmOrgName", 2),
            RealmColumn("pktcMtaDevRealmStatus", 1), RealmColumn("pktcMtaDevRealmStatus", 2));
        names.Should().BeInAscendingOrder();
    }

    [Fact]
    public void GetNext_past_the_last_object_is_endOfMibView_in_v2_and_noSuchName_in_v1()
    {
        var end = ObjectIdentifier.Parse("2.999");
        Ask(GetNext(end), "public").VarBinds.Single().Should().Be(V(end, SnmpValue.EndOfMibView));
        var v1 = Ask(GetNext(end), "public", SnmpVersion.V1);
        (v1.ErrorStatus, v1.ErrorIndex).Should().Be((SnmpErrorStatus.NoSuchName, 1));
    }

    // ------------------------------------------------------------ GetBulk

    [Fact]
    public void GetBulk_returns_the_non_repeaters_once_then_max_repetitions_rows_of_the_repeaters()
    {
        var system = ObjectIdentifier.Parse("1.3.6.1.2.1.1");
        var request = Pdu.GetBulk(50, 1, 3, [V(SysDescr0, SnmpValue.Null()), V(system, SnmpValue.Null()), V(SysObjectId0, SnmpValue.Null())]);
        var r = Ask(request, "public");
        r.VarBinds.Select(v => v.Name.ToString()).Should().Equal(
            "1.3.6.1.2.1.1.2.0",                          // GetNext of sysDescr.0 (non-repeater)
            "1.3.6.1.2.1.1.1.0", "1.3.6.1.2.1.1.3.0",      // repetition 1 of the two repeaters
            "1.3.6.1.2.1.1.2.0", "1.3.6.1.2.1.1.4.0",      // repetition 2
            "1.3.6.1.2.1.1.3.0", "1.3.6.1.2.1.1.5.0");     // repetition 3
        r.VarBinds[1].Value.ToText().Should().Be(SnmpTestBed.SysDescr);
    }

    [Fact]
    public void GetBulk_at_the_end_of_the_MIB_stops_after_one_repetition_of_endOfMibView()
    {
        var r = Ask(Pdu.GetBulk(51, 0, 1000, [V(ObjectIdentifier.Parse("2.999"), SnmpValue.Null())]), "public");
        r.VarBinds.Should().ContainSingle().Which.Value.Should().Be(SnmpValue.EndOfMibView);
    }

    [Fact]
    public void A_GetBulk_too_big_for_the_message_is_cut_short_not_refused()
    {
        var bed = new SnmpTestBed(options: new SnmpAgentOptions { Communities = new Dictionary<string, SnmpAccess> { ["public"] = SnmpAccess.ReadOnly }, MaxMessageSize = 484 });
        byte[] request = new CommunityMessage(SnmpVersion.V2c, "public", Pdu.GetBulk(52, 0, int.MaxValue, [V(ObjectIdentifier.Parse("1.3"), SnmpValue.Null())])).Encode();
        byte[] reply = bed.Agent.Handle(request, SnmpTestBed.ManagerEndPoint)!;
        reply.Length.Should().BeLessThanOrEqualTo(484);
        var r = (Pdu)((CommunityMessage)SnmpMessage.Decode(reply)).Pdu;
        r.ErrorStatus.Should().Be(SnmpErrorStatus.NoError, "RFC 3416 §4.2.3: GetBulk never answers tooBig for its repetitions");
        r.VarBinds.Count.Should().BeGreaterThan(5);
        r.VarBinds.Select(v => v.Name).Should().BeInAscendingOrder();
    }

    [Fact]
    public void A_Get_whose_Response_would_exceed_the_limit_is_tooBig_with_no_varbinds_in_v2_and_the_request_varbinds_in_v1()
    {
        var bed = new SnmpTestBed(options: new SnmpAgentOptions { Communities = new Dictionary<string, SnmpAccess> { ["public"] = SnmpAccess.ReadOnly }, MaxMessageSize = 484 });
        var names = Enumerable.Repeat(SysDescr0, 20).ToArray();
        foreach (var version in new[] { SnmpVersion.V2c, SnmpVersion.V1 })
        {
            byte[] reply = bed.Agent.Handle(new CommunityMessage(version, "public", Get(names)).Encode(), SnmpTestBed.ManagerEndPoint)!;
            var r = (Pdu)((CommunityMessage)SnmpMessage.Decode(reply)).Pdu;
            (r.ErrorStatus, r.ErrorIndex).Should().Be((SnmpErrorStatus.TooBig, 0));
            r.VarBinds.Should().HaveCount(version == SnmpVersion.V1 ? 20 : 0);
        }
    }

    // ------------------------------------------------------------ Set

    [Fact]
    public void Set_of_the_configuration_file_URL_hash_and_timer_commits_them_all_and_echoes_the_varbinds()
    {
        byte[] hash = [.. Enumerable.Range(1, 20).Select(i => (byte)i)];
        var request = Set(V(ConfigFile0, SnmpValue.OctetString("tftp://[2001:db8::1]/eue.cfg")), V(Hash0, SnmpValue.OctetString(hash)), V(Timer0, SnmpValue.Gauge32(30)));
        var r = Ask(request);
        (r.ErrorStatus, r.ErrorIndex).Should().Be((SnmpErrorStatus.NoError, 0));
        r.VarBinds.Should().Equal(request.VarBinds);
        Ask(Get(ConfigFile0, Hash0, Timer0), "public").VarBinds.Select(v => v.Value).Should().Equal(request.VarBinds.Select(v => v.Value));
    }

    public static TheoryData<string, string, SnmpValue, SnmpErrorStatus, SnmpErrorStatus> SetErrors => new()
    {
        // what, name, value, v2 error, v1 error (RFC 3584 §4.4)
        { "a read-only object", "1.3.6.1.2.1.140.1.1.8.0", SnmpValue.Integer(1), SnmpErrorStatus.NotWritable, SnmpErrorStatus.NoSuchName },
        { "an object nobody implements", "1.3.6.1.4.1.9.9.9.0", SnmpValue.Integer(1), SnmpErrorStatus.NotWritable, SnmpErrorStatus.NoSuchName },
        { "an INTEGER for an SnmpAdminString", "1.3.6.1.2.1.140.1.2.9.0", SnmpValue.Integer(1), SnmpErrorStatus.WrongType, SnmpErrorStatus.BadValue },
        { "a 19-octet SHA-1 hash (SIZE(20))", "1.3.6.1.2.1.140.1.2.11.0", SnmpValue.OctetString(new byte[19]), SnmpErrorStatus.WrongLength, SnmpErrorStatus.BadValue },
        { "a provisioning timer of 31 (0..30)", "1.3.6.1.2.1.140.1.1.10.0", SnmpValue.Gauge32(31), SnmpErrorStatus.WrongValue, SnmpErrorStatus.BadValue },
        { "instance .1 of a scalar", "1.3.6.1.2.1.140.1.2.9.1", SnmpValue.OctetString("x"), SnmpErrorStatus.NoCreation, SnmpErrorStatus.NoSuchName },
    };

    [Theory]
    [MemberData(nameof(SetErrors))]
    public void A_Set_that_cannot_be_done_names_the_varbind_and_the_reason_and_changes_nothing(string what, string name, SnmpValue value, SnmpErrorStatus v2, SnmpErrorStatus v1)
    {
        var good = V(ConfigFile0, SnmpValue.OctetString("tftp://10.0.0.1/new.cfg"));
        var request = Set(good, V(ObjectIdentifier.Parse(name), value));
        var r = Ask(request);
        (r.ErrorStatus, r.ErrorIndex).Should().Be((v2, 2), what);
        r.VarBinds.Should().Equal(request.VarBinds);
        var old = Ask(request, version: SnmpVersion.V1);
        (old.ErrorStatus, old.ErrorIndex).Should().Be((v1, 2), $"{what} in SNMPv1");
        _bed.ConfigFile.Value.ToText().Should().BeEmpty("phase 1 failed, so the first varbind was not assigned either (RFC 3416 §4.2.5)");
    }

    [Fact]
    public void A_device_state_check_refuses_with_inconsistentValue_outside_the_enrollment_flows()
    {
        _bed.EnrollmentFlow = false; // e.g. the Basic flow: RFC 4682 pktcMtaDevConfigFile DESCRIPTION
        var r = Ask(Set(V(ConfigFile0, SnmpValue.OctetString("tftp://10.0.0.1/x.cfg"))));
        (r.ErrorStatus, r.ErrorIndex).Should().Be((SnmpErrorStatus.InconsistentValue, 1));
    }

    [Fact]
    public void A_read_only_community_may_not_Set_noAccess_and_the_bad_use_is_counted()
    {
        var r = Ask(Set(V(ConfigFile0, SnmpValue.OctetString("x"))), "public");
        (r.ErrorStatus, r.ErrorIndex).Should().Be((SnmpErrorStatus.NoAccess, 1));
        _bed.Engine.Counters[SnmpCounter.SnmpInBadCommunityUses].Should().Be(1);
    }

    [Fact]
    public void An_unknown_community_is_dropped_and_counted()
    {
        _bed.Agent.Handle(new CommunityMessage(SnmpVersion.V2c, "secret", Get(SysDescr0)).Encode(), SnmpTestBed.ManagerEndPoint).Should().BeNull();
        _bed.Engine.Counters[SnmpCounter.SnmpInBadCommunityNames].Should().Be(1);
    }

    [Fact]
    public void A_datagram_that_does_not_parse_is_dropped_and_counted_by_kind()
    {
        _bed.Agent.Handle([0x30, 0x03, 0x02, 0x01, 0x02], SnmpTestBed.ManagerEndPoint).Should().BeNull();
        _bed.Engine.Counters[SnmpCounter.SnmpInBadVersions].Should().Be(1);
        _bed.Agent.Handle([0x30, 0x80], SnmpTestBed.ManagerEndPoint).Should().BeNull();
        _bed.Engine.Counters[SnmpCounter.SnmpInASNParseErrs].Should().Be(1);
        _bed.Engine.Counters[SnmpCounter.SnmpInPkts].Should().Be(2);
    }

    [Fact]
    public void A_commit_that_fails_is_undone_commitFailed_and_an_undo_that_fails_is_undoFailed()
    {
        var a = new MibObject("TEST", "a", "1.3.6.1.4.1.4491.99.2", "Integer32", MibAccess.ReadWrite);
        var b = new MibObject("TEST", "b", "1.3.6.1.4.1.4491.99.3", "Integer32", MibAccess.ReadWrite);
        int aValue = 1;
        bool undoWorks = true;
        _bed.Mib.Register(new MibScalar(a, () => SnmpValue.Integer(aValue), write: v => { if (v.ToInt32() == 1 && !undoWorks) return false; aValue = v.ToInt32(); return true; }));
        _bed.Mib.Register(new MibScalar(b, () => SnmpValue.Integer(0), write: _ => false));

        var r = Ask(Set(V(a.InstanceId(0), SnmpValue.Integer(7)), V(b.InstanceId(0), SnmpValue.Integer(8))));
        (r.ErrorStatus, r.ErrorIndex).Should().Be((SnmpErrorStatus.CommitFailed, 2));
        aValue.Should().Be(1, "the first assignment was undone");

        undoWorks = false;
        r = Ask(Set(V(a.InstanceId(0), SnmpValue.Integer(7)), V(b.InstanceId(0), SnmpValue.Integer(8))));
        (r.ErrorStatus, r.ErrorIndex).Should().Be((SnmpErrorStatus.UndoFailed, 2));
        aValue.Should().Be(7, "the undo could not restore it");
        Ask(Set(V(b.InstanceId(0), SnmpValue.Integer(8))), version: SnmpVersion.V1).ErrorStatus.Should().Be(SnmpErrorStatus.GenErr, "RFC 3584 §4.4");
    }

    // ------------------------------------------------------------ RowStatus (RFC 2579)

    static VarBind Col(string column, uint index, SnmpValue value) => V(RealmColumn(column, index), value);
    static VarBind Status(uint index, RowStatus status) => Col("pktcMtaDevRealmStatus", index, SnmpValue.Integer((int)status));
    static VarBind Name(uint index, string name) => Col("pktcMtaDevRealmName", index, SnmpValue.OctetString(name));
    static VarBind Org(uint index, string org) => Col("pktcMtaDevRealmOrgName", index, SnmpValue.OctetString(org));

    [Fact]
    public void createAndGo_with_every_required_column_makes_an_active_row()
    {
        var r = Ask(Set(Name(1, "PCLAB.EXAMPLE.COM"), Org(1, "Example Cable Operator"), Status(1, RowStatus.CreateAndGo)));
        r.ErrorStatus.Should().Be(SnmpErrorStatus.NoError);
        var row = _bed.Realms.Row(1)!;
        row.Status.Should().Be(RowStatus.Active);
        row["pktcMtaDevRealmName"]!.ToText().Should().Be("PCLAB.EXAMPLE.COM");
        Ask(Get(RealmColumn("pktcMtaDevRealmStatus", 1)), "public").VarBinds.Single().Value.Should().Be(SnmpValue.Integer(1));
    }

    [Fact]
    public void createAndGo_without_a_required_column_or_on_an_existing_row_is_inconsistentValue()
    {
        var r = Ask(Set(Name(1, "PCLAB.EXAMPLE.COM"), Status(1, RowStatus.CreateAndGo)));
        (r.ErrorStatus, r.ErrorIndex).Should().Be((SnmpErrorStatus.InconsistentValue, 2));
        _bed.Realms.Rows.Should().BeEmpty();
        Ask(Set(Name(1, "A"), Org(1, "O"), Status(1, RowStatus.CreateAndGo))).ErrorStatus.Should().Be(SnmpErrorStatus.NoError);
        (Ask(Set(Status(1, RowStatus.CreateAndGo))).ErrorStatus).Should().Be(SnmpErrorStatus.InconsistentValue);
    }

    [Fact]
    public void createAndWait_gives_notReady_then_notInService_as_columns_arrive_then_active()
    {
        Ask(Set(Status(3, RowStatus.CreateAndWait))).ErrorStatus.Should().Be(SnmpErrorStatus.NoError);
        _bed.Realms.Row(3)!.Status.Should().Be(RowStatus.NotReady);
        Ask(Set(Status(3, RowStatus.Active))).ErrorStatus.Should().Be(SnmpErrorStatus.InconsistentValue, "a notReady row cannot become active");
        Ask(Set(Name(3, "R3"))).ErrorStatus.Should().Be(SnmpErrorStatus.NoError);
        _bed.Realms.Row(3)!.Status.Should().Be(RowStatus.NotReady);
        Ask(Set(Org(3, "Org 3"))).ErrorStatus.Should().Be(SnmpErrorStatus.NoError);
        _bed.Realms.Row(3)!.Status.Should().Be(RowStatus.NotInService, "RFC 2579 note 1: it now has what it needs");
        Ask(Set(Status(3, RowStatus.Active))).ErrorStatus.Should().Be(SnmpErrorStatus.NoError);
        _bed.Realms.Row(3)!.Status.Should().Be(RowStatus.Active);
        Ask(Set(Status(3, RowStatus.NotInService))).ErrorStatus.Should().Be(SnmpErrorStatus.NoError);
        _bed.Realms.Row(3)!.Status.Should().Be(RowStatus.NotInService);
    }

    [Fact]
    public void An_agent_without_createAndWait_answers_wrongValue_as_RFC_2579_says()
    {
        var bed = new SnmpTestBed();
        bed.Mib.Unregister(MibNames.IetfMta.PktcMtaDevRealmTable.EntryId);
        bed.Mib.Register(new MibTableHandler(MibNames.IetfMta.PktcMtaDevRealmTable, new MibTableOptions { SupportsCreateAndWait = false }));
        var request = Set(Status(1, RowStatus.CreateAndWait));
        byte[] reply = bed.Agent.Handle(new CommunityMessage(SnmpVersion.V2c, "private", request).Encode(), SnmpTestBed.ManagerEndPoint)!;
        var r = (Pdu)((CommunityMessage)SnmpMessage.Decode(reply)).Pdu;
        (r.ErrorStatus, r.ErrorIndex).Should().Be((SnmpErrorStatus.WrongValue, 1));
    }

    [Fact]
    public void The_other_RowStatus_transitions_follow_the_RFC_2579_table()
    {
        Ask(Set(Status(1, RowStatus.NotReady))).ErrorStatus.Should().Be(SnmpErrorStatus.WrongValue, "notReady is never set");
        Ask(Set(Status(1, RowStatus.Active))).ErrorStatus.Should().Be(SnmpErrorStatus.InconsistentValue, "no row to activate");
        Ask(Set(Status(1, RowStatus.NotInService))).ErrorStatus.Should().Be(SnmpErrorStatus.InconsistentValue);
        Ask(Set(Name(1, "X"))).ErrorStatus.Should().Be(SnmpErrorStatus.InconsistentName, "note 4: no row and no RowStatus");
        Ask(Set(Status(1, RowStatus.Destroy))).ErrorStatus.Should().Be(SnmpErrorStatus.NoError, "destroying nothing is fine");
        Ask(Set(Name(1, "A"), Org(1, "O"), Status(1, RowStatus.CreateAndGo))).ErrorStatus.Should().Be(SnmpErrorStatus.NoError);
        Ask(Set(Status(1, RowStatus.Destroy))).ErrorStatus.Should().Be(SnmpErrorStatus.NoError);
        _bed.Realms.Rows.Should().BeEmpty();
        Ask(Get(RealmColumn("pktcMtaDevRealmName", 1)), "public").VarBinds.Single().Value.Should().Be(SnmpValue.NoSuchInstance);
    }

    [Fact]
    public void An_index_outside_the_INDEX_syntax_could_never_exist_noCreation()
    {
        // pktcMtaDevRealmIndex is Unsigned32 (1..64).
        var r = Ask(Set(Name(65, "A"), Org(65, "O"), Status(65, RowStatus.CreateAndGo)));
        (r.ErrorStatus, r.ErrorIndex).Should().Be((SnmpErrorStatus.NoCreation, 1));
        Ask(Set(V(Realm.Column("pktcMtaDevRealmName").Id.Append(1, 2), SnmpValue.OctetString("A")))).ErrorStatus.Should().Be(SnmpErrorStatus.NoCreation, "two index arcs for a one-integer INDEX");
    }

    [Fact]
    public void A_row_check_of_the_whole_row_answers_for_the_table_and_a_table_without_RowStatus_creates_nothing()
    {
        var r = Ask(Set(Name(1, "lower.case"), Org(1, "O"), Status(1, RowStatus.CreateAndGo)));
        (r.ErrorStatus, r.ErrorIndex).Should().Be((SnmpErrorStatus.InconsistentValue, 1));
        var errorOid = MibNames.IetfMta.PktcMtaDevErrorOid.InstanceId(1);
        Ask(Set(V(errorOid, SnmpValue.OctetString("x")))).ErrorStatus.Should().Be(SnmpErrorStatus.NotWritable, "the error table is read-only");
    }

    [Fact]
    public void Committed_row_changes_are_told_to_the_device()
    {
        var changes = new List<MibRowChange>();
        _bed.Realms.RowChanged += changes.Add;
        Ask(Set(Name(5, "R5"), Org(5, "O5"), Status(5, RowStatus.CreateAndGo)));
        Ask(Set(Status(5, RowStatus.Destroy)));
        changes.Should().HaveCount(2);
        (changes[0].Before, changes[0].After!.Status).Should().Be((null, RowStatus.Active));
        (changes[1].Before!.Index.ToString(), changes[1].After).Should().Be(("5", null));
    }
}
