using EUeConformance.Device.Dhcp;
using EUeConformance.Device.Options;
using EUeConformance.Device.Runtime;
using EUeConformance.Network.Fabric;
using EUeConformance.Protocols.Dhcp4;

namespace EUeConformance.Device.Ecm;

/// <summary>
/// The eCM's DHCPv4 exchange, EUE-PROV 6.3.1 Table 2 CM1-CM4: the DOCSIS DISCOVER with the E-UE requests its
/// eUE calls for, OFFER precedence with the three retries, and the ACK as the authority.
/// </summary>
public sealed class EcmDhcpv4Client(DeviceContext context, INetworkHost host, ReferenceDeviceOptions options, EueOptionRequest requested, Random random, Action<EcmDhcpv4Client, bool> bound)
    : Dhcpv4Client("ecm-dhcpv4", context, host, options.Timers, random)
{
    public EueOptionRequest Requested { get; } = requested;

    /// <summary>The E-UE options of the last ACK (CM4: the ACK is authoritative over the OFFER).</summary>
    public EueProvisioningOptions EueOptions { get; private set; } = EueProvisioningOptions.None;

    protected override IReadOnlyList<DhcpOption> ClientOptions() => options.Behaviour.EcmDhcpv4Options.Build(Requested);

    protected override IReadOnlyList<DhcpOption> ClientOptions(DhcpMessageType type) => options.Behaviour.EcmDhcpv4Options.Build(Requested, type);

    protected override Dhcpv4ClientRules Rules => options.Behaviour.EcmDhcpv4Rules;

    protected override DhcpMessage? ChooseOffer(IReadOnlyList<DhcpMessage> offers, int round, out TimeSpan? retryAfter)
    {
        retryAfter = null;
        // Table 2 CM3: the required retries are counted in rounds that brought OFFERs; the first round is not a retry.
        var retries = options.Timers.EcmRequestedOptionRetries;
        bool exhausted = round >= retries.Count;
        var candidates = offers.Select(o => EueProvisioningOptions.FromDhcpv4(o, Requested)).ToList();
        var index = options.Behaviour.EcmOfferSelection.Select(candidates, Requested, exhausted);
        if (index is null)
        {
            retryAfter = retries[Math.Min(round, retries.Count - 1)];
            Note($"CM3: none of {offers.Count} OFFER(s) carries the requested E-UE options; retry {round + 1} of {retries.Count}");
            return null;
        }
        return offers[index.Value];
    }

    protected override void OnAck(DhcpMessage ack, bool renewal)
    {
        // Table 2 CM4: what the ACK says wins over the OFFER.
        // (A mutant of EcmFlowPolicy.AckIsAuthoritative keeps believing the OFFER.)
        var authority = renewal || options.Behaviour.EcmFlow.AckIsAuthoritative || ChosenOffer is null ? ack : ChosenOffer;
        EueOptions = EueProvisioningOptions.FromDhcpv4(authority, Requested);
        bound(this, renewal);
    }
}
