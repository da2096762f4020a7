using System.Buffers.Binary;
using System.Text;

namespace EUeConformance.Protocols.Dhcp6;

/// <summary>Status codes of RFC 3315 §24.4.</summary>
public enum Dhcp6Status : ushort
{
    Success = 0,
    UnspecFail = 1,
    NoAddrsAvail = 2,
    NoBinding = 3,
    NotOnLink = 4,
    UseMulticast = 5,
}

/// <summary>OPTION_STATUS_CODE (RFC 3315 §22.13): a 2-octet code and a UTF-8 message.</summary>
public readonly record struct StatusCode(Dhcp6Status Code, string Message)
{
    public static StatusCode FromOption(Dhcp6Option option)
    {
        Dhcp6OptionSpaces.Dhcp6.Validate(option, Dhcp6OptionCode.StatusCode);
        return new StatusCode((Dhcp6Status)BinaryPrimitives.ReadUInt16BigEndian(option.Span), Encoding.UTF8.GetString(option.Span[2..]));
    }

    public static StatusCode? FindIn(IReadOnlyList<Dhcp6Option> options) =>
        Dhcp6Option.FindIn(options, Dhcp6OptionCode.StatusCode) is { } o ? FromOption(o) : null;

    public Dhcp6Option ToOption()
    {
        var w = new Dhcp6OptionWriter();
        w.WriteUInt16((ushort)Code);
        w.WriteBytes(Encoding.UTF8.GetBytes(Message));
        return new Dhcp6Option(Dhcp6OptionCode.StatusCode, w.ToArray());
    }
}
