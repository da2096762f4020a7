using System.Globalization;
using EUeConformance.Protocols.Dhcp4;
using EUeConformance.Protocols.Wire;

namespace EUeConformance.Headend.Servers.Dhcp4;

/// <summary>A DHCPv4 message's fields for evidence, under Wireshark's field names (packet-dhcp.c).</summary>
public static class Dhcp4Fields
{
    public static IReadOnlyDictionary<string, string> Of(DhcpMessage m)
    {
        var f = new Dictionary<string, string>
        {
            ["dhcp.type"] = ((byte)m.Op).ToString(CultureInfo.InvariantCulture),
            ["dhcp.id"] = $"0x{m.Xid:x8}",
            ["dhcp.flags"] = $"0x{m.Flags:x4}",
            ["dhcp.hw.mac_addr"] = string.Join(':', m.ClientHardwareAddress.Select(b => b.ToString("x2", CultureInfo.InvariantCulture))),
            ["dhcp.ip.client"] = m.CiAddr.ToString(),
            ["dhcp.ip.your"] = m.YiAddr.ToString(),
            ["dhcp.ip.server"] = m.SiAddr.ToString(),
            ["dhcp.ip.relay"] = m.GiAddr.ToString(),
            ["dhcp.option.type"] = string.Join(',', m.Options.Select(o => o.Code.ToString(CultureInfo.InvariantCulture))),
        };
        if (m.MessageType is { } t) f["dhcp.option.dhcp"] = ((byte)t).ToString(CultureInfo.InvariantCulture);
        if (m.BootFileName is { Length: > 0 } file) f["dhcp.file"] = file;
        Try(f, "dhcp.option.dhcp_server_id", () => m.ServerIdentifier?.ToString());
        Try(f, "dhcp.option.requested_ip_address", () => m.RequestedIpAddress?.ToString());
        Try(f, "dhcp.option.request_list_item", () => m.ParameterRequestList is { } l ? string.Join(',', l) : null);
        Try(f, "dhcp.option.vendor_class_id", () => m.VendorClassIdentifier);
        Try(f, "dhcp.option.ip_address_lease_time", () => m.LeaseTime?.ToString(CultureInfo.InvariantCulture));
        Try(f, "dhcp.option.vi.cl.option_request", () => m.CableLabsV4?.Oro is { } oro ? string.Join(',', oro) : null);
        foreach (var o in m.Options)
            f[$"dhcp.option.{o.Code}.value"] = Convert.ToHexString(o.Value);
        return f;
    }

    // A malformed option (a device's, or one an override altered) leaves its typed field out rather than failing the event.
    static void Try(Dictionary<string, string> f, string name, Func<string?> read)
    {
        try { if (read() is { } v) f[name] = v; }
        catch (ParseError) { }
    }
}
