using System.Globalization;

namespace EUeConformance.Protocols.Tftp;

/// <summary>What a transfer runs with once negotiation is over.</summary>
public sealed record TftpTransferParameters(int BlockSize, int? TimeoutSeconds, long? TransferSize)
{
    /// <summary>RFC 1350 without options: 512-octet blocks, the implementation's own timeout, no size.</summary>
    public static readonly TftpTransferParameters Default = new(TftpOptionDefinitions.DefaultBlockSize, null, null);
}

/// <summary>
/// How a server answers options. <see cref="MaxBlockSize"/> is the largest block it will use: RFC 2348 lets
/// the server answer a smaller blksize than asked ("less than or equal to the value specified by the client").
/// </summary>
public sealed record TftpServerPolicy
{
    public int MaxBlockSize { get; init; } = TftpOptionDefinitions.BlockSizeMaximum;
    public bool AcceptBlockSize { get; init; } = true;
    public bool AcceptTimeout { get; init; } = true;
    public bool AcceptTransferSize { get; init; } = true;
}

/// <summary>The server's reply to a request's options: an OACK (null when it accepts none) and the resulting parameters.</summary>
public sealed record TftpServerAnswer(TftpOptionAck? OptionAck, TftpTransferParameters Parameters);

/// <summary>One way an OACK breaks the option rules, with the rule it breaks.</summary>
public sealed record TftpNegotiationViolation(string Option, string Reference, string Problem)
{
    public override string ToString() => $"{Option}: {Problem} ({Reference})";
}

/// <summary>The client's judgement of an OACK: the parameters it yields, and every rule it breaks.</summary>
public sealed record TftpOptionAckCheck(IReadOnlyList<TftpNegotiationViolation> Violations, TftpTransferParameters Parameters)
{
    public bool Acceptable => Violations.Count == 0;

    /// <summary>RFC 2347/2348: a client that does not accept an OACK ends the transfer with ERROR 8.</summary>
    public TftpError Refusal() => TftpError.OptionNegotiationRefused(string.Join("; ", Violations));
}

/// <summary>
/// Option negotiation, both sides (RFC 2347 with blksize of RFC 2348, timeout and tsize of RFC 2349).
/// Pure functions over decoded packets: the server side builds the OACK, the client side judges one.
/// </summary>
public static class TftpNegotiation
{
    /// <summary>
    /// The server's answer to <paramref name="request"/>. RFC 2347: the server acknowledges only options it
    /// recognises and accepts, under the client's spelling and in the client's order; everything else is
    /// ignored, as if never asked. When an option is sent twice, the first one counts.
    /// <paramref name="fileSize"/> is what an RRQ's tsize is answered with (RFC 2349); unknown, tsize is left out.
    /// </summary>
    public static TftpServerAnswer Answer(TftpRequest request, TftpServerPolicy policy, long? fileSize = null)
    {
        if (policy.MaxBlockSize is < TftpOptionDefinitions.BlockSizeMinimum or > TftpOptionDefinitions.BlockSizeMaximum)
            throw new ArgumentOutOfRangeException(nameof(policy), $"MaxBlockSize must lie in {TftpOptionDefinitions.BlockSizeMinimum}..{TftpOptionDefinitions.BlockSizeMaximum} (RFC 2348)");
        var accepted = new List<TftpOption>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        int blockSize = TftpOptionDefinitions.DefaultBlockSize;
        int? timeout = null;
        long? size = null;
        foreach (var option in request.Options)
        {
            if (!seen.Add(option.Name)) continue;
            if (option.Is(TftpOptionDefinitions.BlockSize.Name) && policy.AcceptBlockSize
                && TftpOptionDefinitions.BlockSize.ParseValue(option.Value) is { } asked)
            {
                // RFC 2348: the OACK's value "must be less than or equal to the value specified by the client".
                blockSize = (int)Math.Min(asked, policy.MaxBlockSize);
                accepted.Add(option with { Value = Decimal(blockSize) });
            }
            else if (option.Is(TftpOptionDefinitions.Timeout.Name) && policy.AcceptTimeout
                && TftpOptionDefinitions.Timeout.ParseValue(option.Value) is { } seconds)
            {
                // RFC 2349: "The specified timeout value must match the value specified by the client."
                timeout = (int)seconds;
                accepted.Add(option with { Value = Decimal(seconds) });
            }
            else if (option.Is(TftpOptionDefinitions.TransferSize.Name) && policy.AcceptTransferSize
                && TftpOptionDefinitions.TransferSize.ParseValue(option.Value) is { } claimed)
            {
                // RFC 2349: an RRQ carries "0" and the OACK returns the file's size; a WRQ carries the size and the OACK echoes it.
                long? answer = request is TftpWriteRequest ? claimed : fileSize;
                if (answer is null or < 0) continue;
                size = answer;
                accepted.Add(option with { Value = Decimal(answer.Value) });
            }
        }
        var parameters = new TftpTransferParameters(blockSize, timeout, size);
        return new TftpServerAnswer(accepted.Count == 0 ? null : new TftpOptionAck(accepted), parameters);
    }

    /// <summary>
    /// The client's check of an OACK against the request it answers: RFC 2347 (no option the client did not
    /// ask for, and not twice), RFC 2348 (blksize valid and not larger than asked), RFC 2349 (timeout equal to
    /// the one asked; tsize a size, and on a WRQ the size sent).
    /// </summary>
    public static TftpOptionAckCheck CheckOptionAck(TftpRequest request, TftpOptionAck optionAck)
    {
        var violations = new List<TftpNegotiationViolation>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        int blockSize = TftpOptionDefinitions.DefaultBlockSize;
        int? timeout = null;
        long? size = null;
        if (optionAck.Options.Count == 0)
            violations.Add(new("(none)", "RFC 2347", "the OACK acknowledges no option; a server that accepts none answers without an OACK"));
        foreach (var option in optionAck.Options)
        {
            if (!seen.Add(option.Name))
            {
                violations.Add(new(option.Name, "RFC 2347", "acknowledged more than once"));
                continue;
            }
            var asked = request.Options.Find(option.Name);
            if (asked is null)
            {
                violations.Add(new(option.Name, "RFC 2347", "the client did not request this option; only the client may initiate option negotiation"));
                continue;
            }
            if (option.Is(TftpOptionDefinitions.BlockSize.Name))
            {
                var value = TftpOptionDefinitions.BlockSize.ParseValue(option.Value);
                var requested = TftpOptionDefinitions.BlockSize.ParseValue(asked.Value);
                if (value is null)
                    violations.Add(new(option.Name, "RFC 2348", $"'{option.Value}' is not a block size between 8 and 65464"));
                else if (requested is not null && value > requested)
                    violations.Add(new(option.Name, "RFC 2348", $"{value} is larger than the {requested} the client asked for"));
                else
                    blockSize = (int)value;
            }
            else if (option.Is(TftpOptionDefinitions.Timeout.Name))
            {
                var value = TftpOptionDefinitions.Timeout.ParseValue(option.Value);
                var requested = TftpOptionDefinitions.Timeout.ParseValue(asked.Value);
                if (value is null)
                    violations.Add(new(option.Name, "RFC 2349", $"'{option.Value}' is not a timeout between 1 and 255 seconds"));
                else if (value != requested)
                    violations.Add(new(option.Name, "RFC 2349", $"{value} s differs from the {asked.Value} s the client asked for; the value must match"));
                else
                    timeout = (int)value;
            }
            else if (option.Is(TftpOptionDefinitions.TransferSize.Name))
            {
                var value = TftpOptionDefinitions.TransferSize.ParseValue(option.Value);
                if (value is null)
                    violations.Add(new(option.Name, "RFC 2349", $"'{option.Value}' is not a size in octets"));
                else if (request is TftpWriteRequest && option.Value != asked.Value && value != TftpOptionDefinitions.TransferSize.ParseValue(asked.Value))
                    violations.Add(new(option.Name, "RFC 2349", $"{value} does not echo the {asked.Value} octets the WRQ announced"));
                else
                    size = value;
            }
        }
        return new TftpOptionAckCheck(violations, new TftpTransferParameters(blockSize, timeout, size));
    }

    static string Decimal(long value) => value.ToString(CultureInfo.InvariantCulture);
}
