using EUeConformance.Protocols.Dhcp6;
using EUeConformance.Protocols.Wire;
using EUeConformance.Tests.Support;
using FluentAssertions;
using Xunit;

namespace EUeConformance.Tests.Protocols.Dhcp6;

/// <summary>100,000 mutated inputs per decoder: nothing but ParseError may come out.</summary>
public class Dhcp6FuzzTests
{
    static IReadOnlyList<byte[]> Seeds => [.. Dhcp6Samples.All().Select(s => s.Message.Encode())];

    [Fact]
    public void Message_decoder_raises_only_ParseError()
    {
        var findings = Fuzzer.Run(Seeds, bytes => Dhcp6Message.Decode(bytes), iterations: 100_000);
        findings.Should().BeEmpty(string.Join("\n", findings.Select(f => $"{Convert.ToHexString(f.Input)}: {f.Exception}")));
    }

    /// <summary>The typed accessors are decoders too: after a decode succeeds, reading every value raises nothing.</summary>
    [Fact]
    public void Typed_accessors_of_decoded_messages_raise_nothing()
    {
        var findings = Fuzzer.Run(Seeds, bytes =>
        {
            Dhcp6Message m;
            try { m = Dhcp6Message.Decode(bytes); }
            catch (ParseError) { return; }
            // A message that decoded was checked whole: an accessor failing on it, even with a ParseError, is a bug.
            try { ReadEverything(m); }
            catch (ParseError e) { throw new InvalidOperationException("an accessor failed on a message that decoded", e); }
        }, iterations: 100_000, seed: 4704);
        findings.Should().BeEmpty(string.Join("\n", findings.Select(f => $"{Convert.ToHexString(f.Input)}: {f.Exception}")));
    }

    /// <summary>Sub-option decoders fed directly: CCCV6, CCC and the FQDN from arbitrary option data (ParseError only).</summary>
    [Fact]
    public void Option_decoders_raise_only_ParseError()
    {
        var m = Dhcp6Samples.Advertise();
        var cccv6 = m.CableLabs!.Find(ClOptionCode.Cccv6)!.Value.Span.ToArray();
        var fqdn = m.Find(Dhcp6OptionCode.Fqdn)!.Value.Span.ToArray();
        var ccc = Dhcp6Samples.EcmAdvertise().CableLabs!.Find(ClOptionCode.Ccc)!.Value.Span.ToArray();
        var ia = m.Find(Dhcp6OptionCode.IaNa)!.Value.Span.ToArray();
        var findings = Fuzzer.Run([cccv6, fqdn, ccc, ia], bytes =>
        {
            ReadCccv6(ClOptionCccv6.FromOption(new Dhcp6Option(ClOptionCode.Cccv6, bytes)));
            _ = ClOptionCcc.FromOption(new Dhcp6Option(ClOptionCode.Ccc, bytes)).PrimaryDhcpServer;
            _ = ClientFqdn.FromOption(new Dhcp6Option(Dhcp6OptionCode.Fqdn, bytes)).FlagViolations(FqdnSender.Client);
            _ = IaNa.FromOption(new Dhcp6Option(Dhcp6OptionCode.IaNa, bytes)).Addresses;
        }, iterations: 100_000, seed: 2171);
        findings.Should().BeEmpty(string.Join("\n", findings.Select(f => $"{Convert.ToHexString(f.Input)}: {f.Exception}")));
    }

    static void ReadEverything(Dhcp6Message m)
    {
        _ = (m.ClientId?.TimeStamp, m.ServerId?.Identifier, m.OptionRequest, m.Preference, m.ElapsedTime, m.Status, m.RapidCommit,
            m.ReconfigureAccept, m.VendorClass?.Strings, m.DnsServers, m.DomainList, m.ClientFqdn, m.ReconfigureMessage, m.InterfaceId);
        foreach (var ia in m.IaNas)
        {
            _ = ia.Status;
            foreach (var a in ia.Addresses) _ = a.Status;
        }
        if (m.CableLabs is { } cl)
        {
            _ = (cl.OptionRequest, cl.DeviceType, cl.DeviceSerialNumber, cl.HardwareVersionNumber, cl.SoftwareVersionNumber, cl.BootRomVersion,
                cl.VendorOui, cl.ModelNumber, cl.VendorName, cl.TftpServers, cl.ConfigFileName, cl.SyslogServers, cl.ModemCapabilities,
                cl.DeviceId, cl.Rfc868Servers, cl.TimeOffset, cl.IpPref, cl.Ccc?.PrimaryDhcpServer, cl.Ccc?.SecondaryDhcpServer);
            if (cl.Cccv6 is { } c) ReadCccv6(c);
        }
        if (m.RelayedMessage is { } inner) ReadEverything(inner);
    }

    static void ReadCccv6(ClOptionCccv6 c) =>
        _ = (c.PrimaryDssId?.Effective, c.SecondaryDssId?.IsAnyServer, c.ProvSnmpEntity?.ToString(), c.AsReqAsRepBackoff, c.ApReqApRepBackoff,
            c.KerberosRealm, c.TgtFlag, c.FetchTgt, c.ProvisioningTimer, c.TicketControl);
}
