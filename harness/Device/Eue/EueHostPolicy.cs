using System.Net;
using System.Net.NetworkInformation;
using EUeConformance.Device.Eue.Ipv6;

namespace EUeConformance.Device.Eue;

/// <summary>What the eUE does after a link-local address conflict (EUE-PROV 6.3.4.1 bullet 3).</summary>
public enum LinkLocalConflictAction
{
    /// <summary>6.3.4.1: log it, stop IPv6 provisioning, leave the address unassigned, wait for manual intervention.</summary>
    Stop,
    /// <summary>A mutant: forms another link-local address and goes on.</summary>
    TryAnotherAddress,
    /// <summary>A mutant: stops, but keeps the conflicting address configured.</summary>
    KeepAddress,
}

/// <summary>
/// The eUE as a host of its own on the link (EUE-PROV 6.2.1.2) and its IPv6 start-up (6.3.4.1, 6.3.4.2; Table 5 eUE-4):
/// which link-local address it forms, the duplicate address detection it runs, the order of its phases, which source
/// address its services use, and what a dormant or disabled eUE keeps. The reference device uses it as it is; a mutant
/// overrides one rule.
/// </summary>
public class EueHostPolicy
{
    /// <summary>6.3.4.1 bullets 1-2: fe80::/64 with the modified EUI-64 of the eUE's own MAC.</summary>
    public virtual IPAddress LinkLocalAddress(PhysicalAddress eueMac) => Eui64LinkLocal.For(eueMac);

    /// <summary>6.3.4.1 bullet 2: duplicate address detection on the tentative link-local address before it is used.</summary>
    public virtual bool ProbesLinkLocalAddress => true;

    /// <summary>Table 5 eUE-4: duplicate address detection on the leased address before it is used.</summary>
    public virtual bool ProbesLeasedAddress => true;

    /// <summary>6.3.4.1 bullet 3: a conflict on the link-local address stops IPv6 provisioning.</summary>
    public virtual LinkLocalConflictAction OnLinkLocalConflict => LinkLocalConflictAction.Stop;

    /// <summary>6.3.4 / 6.3.4.2: router solicitation only once the link-local address is confirmed (a mutant solicits before).</summary>
    public virtual bool SolicitsRouterBeforeDad => false;

    /// <summary>6.3.4.2: DHCPv6 only after a valid Router Advertisement (a mutant starts DHCPv6 without waiting for one).</summary>
    public virtual bool WaitsForRouterAdvertisement => true;

    /// <summary>Table 5 eUE-4: a leased address that DAD finds in use is DECLINEd to the server.</summary>
    public virtual bool DeclinesConflictingLease => true;

    /// <summary>6.3.2.1 ¶15 (and Table 5 eUE-3 disabling): a dormant or disabled eUE holds no address, so it answers no neighbour discovery.</summary>
    public virtual bool IdleKeepsLinkLocalAddress => false;

    /// <summary>6.2.1.2 bullets 2, 11, 12: DNS, file transfer, syslog and SNMP go from the leased (global) address.</summary>
    public virtual IPAddress ServiceSource(EueIpConfiguration configuration, IPAddress? linkLocal) => configuration.Address;

    /// <summary>
    /// 6.2.1.2 bullet 3: the eUE provisions whether its address is in the eCM's subnet or another one, reaching off-link
    /// servers through its router. A mutant reaches only on-link destinations.
    /// </summary>
    public virtual bool Reaches(EueIpConfiguration configuration, IPAddress destination) => true;
}
