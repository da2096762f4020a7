using EUeConformance.Network.Fabric;

namespace EUeConformance.Device;

/// <summary>An adapter that reaches the device through the operator's network (e.g. an SNMP reset of the eCM) gets the headend's host for it.</summary>
public interface IOperatorNetworkUser
{
    void UseOperatorHost(INetworkHost host);
}
