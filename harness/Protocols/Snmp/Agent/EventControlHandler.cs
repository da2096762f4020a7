using System.Net;
using EUeConformance.Protocols.Snmp.Mibs;
using Ev = EUeConformance.Protocols.Snmp.Mibs.MibNames.Event;

namespace EUeConformance.Protocols.Snmp.Agent;

/// <summary>
/// PKTC-EVENT-MIB's pktcDevEventControl group as one handler, so that one SET is judged whole: the
/// syslog address must fit its address type (the MIB: a mismatch is inconsistentValue; RFC 4001
/// gives the sizes: ipv4 4, ipv6 16, ipv4z 8, ipv6z 20, dns 1..255, unknown 0), whether the type and
/// the address come in the same PDU or not. pktcDevEvControl always reads '00' and acts on the bits
/// set to 1: resetEventLogTable(0) and resetEventDescrTable(1).
/// </summary>
public sealed class EventControlHandler : IMibHandler
{
    static readonly ObjectIdentifier Group = ObjectIdentifier.Parse("1.3.6.1.4.1.4491.2.2.3.1");
    static readonly MibObject[] Objects = [Ev.PktcDevEvControl, Ev.PktcDevEvSyslogAddressType, Ev.PktcDevEvSyslogAddress, Ev.PktcDevEvSyslogUdpPort];

    readonly Action<int> _control;
    SnmpValue _type = SnmpValue.Integer(1);                         // ipv4
    SnmpValue _address = SnmpValue.OctetString([0, 0, 0, 0]);       // none yet: syslog inhibited
    SnmpValue _port = SnmpValue.Unsigned32(514);                    // DEFVAL

    /// <param name="control">Runs the actions of the pktcDevEvControl bits set to 1 (bit 0 is the first octet's most significant bit).</param>
    public EventControlHandler(Action<int> control) => _control = control ?? throw new ArgumentNullException(nameof(control));

    public ObjectIdentifier Subtree => Group;

    /// <summary>
    /// Where syslog messages go: the address and port of the group, or null when syslog is inhibited
    /// (0.0.0.0 or 255.255.255.255, as the MIB says) or the address is not an IP address.
    /// </summary>
    public IPEndPoint? SyslogDestination
    {
        get
        {
            var a = _address.Bytes;
            if (a.Length is not (4 or 16)) return null;
            var ip = new IPAddress(a);
            if (ip.Equals(IPAddress.Any) || ip.Equals(IPAddress.Broadcast)) return null;
            return new IPEndPoint(ip, (int)_port.ToUInt32());
        }
    }

    /// <summary>The device's own setting (e.g. DHCP option 7's first server, EUE-PROV 6.1.6), not checked as a SET is.</summary>
    public void SetSyslogServer(IPAddress server, int port = 514)
    {
        ArgumentNullException.ThrowIfNull(server);
        _type = SnmpValue.Integer(server.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? 2 : 1);
        _address = SnmpValue.OctetString(server.GetAddressBytes());
        _port = SnmpValue.Unsigned32((uint)port);
    }

    SnmpValue Value(uint arc) => arc switch
    {
        1 => SnmpValue.OctetString([0]), // "Reading this MIB object MUST always return '00'"
        2 => _type,
        3 => _address,
        _ => _port,
    };

    static int ArcOf(ObjectIdentifier name) =>
        name.Length == Group.Length + 2 && name.StartsWith(Group) && name[^1] == 0 && name[Group.Length] is >= 1 and <= 4 ? (int)name[Group.Length] : -1;

    public SnmpValue Get(ObjectIdentifier instance)
    {
        if (instance.Length <= Group.Length || instance[Group.Length] is < 1 or > 4) return SnmpValue.NoSuchObject;
        return ArcOf(instance) is > 0 and var arc ? Value((uint)arc) : SnmpValue.NoSuchInstance;
    }

    public VarBind? GetNext(ObjectIdentifier after)
    {
        foreach (var o in Objects)
        {
            var instance = o.InstanceId(0);
            if (after < instance) return new VarBind(instance, Value(o.Id[^1]));
        }
        return null;
    }

    public SetTest TestSet(IReadOnlyList<SetItem> items)
    {
        SnmpValue type = _type, address = _address, port = _port;
        int control = 0, addressIndex = 0, typeIndex = 0;
        foreach (var item in items)
        {
            int arc = item.Name.Length > Group.Length ? (int)item.Name[Group.Length] : 0;
            if (arc is < 1 or > 4) return SetTest.Fail(item.Index, SnmpErrorStatus.NotWritable);
            var o = Objects[arc - 1];
            var syntax = o.Type!.Check(item.Value);
            if (syntax != SnmpErrorStatus.NoError) return SetTest.Fail(item.Index, syntax);
            if (ArcOf(item.Name) != arc) return SetTest.Fail(item.Index, SnmpErrorStatus.NoCreation);
            switch (arc)
            {
                case 1: control = item.Value.Bytes.Length > 0 ? item.Value.Bytes[0] : 0; break;
                case 2: type = item.Value; typeIndex = item.Index; break;
                case 3: address = item.Value; addressIndex = item.Index; break;
                default: port = item.Value; break;
            }
        }
        if (!Fits(type.ToInt32(), address.Bytes.Length))
            return SetTest.Fail(addressIndex != 0 ? addressIndex : typeIndex, SnmpErrorStatus.InconsistentValue);
        return SetTest.Ok(new Commit(this, type, address, port, control));
    }

    /// <summary>RFC 4001 InetAddress sizes by InetAddressType.</summary>
    static bool Fits(int type, int length) => type switch
    {
        0 => length == 0,
        1 => length == 4,
        2 => length == 16,
        3 => length == 8,
        4 => length == 20,
        16 => length is >= 1 and <= 255,
        _ => false,
    };

    sealed class Commit(EventControlHandler handler, SnmpValue type, SnmpValue address, SnmpValue port, int control) : ISetCommit
    {
        (SnmpValue, SnmpValue, SnmpValue) _old;

        SnmpErrorStatus ISetCommit.Commit()
        {
            _old = (handler._type, handler._address, handler._port);
            (handler._type, handler._address, handler._port) = (type, address, port);
            // Bits are numbered from the most significant bit of the first octet (RFC 2578 §7.1.4).
            if ((control & 0x80) != 0) handler._control(0);
            if ((control & 0x40) != 0) handler._control(1);
            return SnmpErrorStatus.NoError;
        }

        bool ISetCommit.Undo()
        {
            (handler._type, handler._address, handler._port) = _old;
            return control == 0; // a table reset cannot be taken back
        }
    }
}
