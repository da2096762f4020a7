using EUeConformance.Network.Evidence;
using EUeConformance.Network.Fabric;

namespace EUeConformance.Headend.Servers.Common;

/// <summary>What every server runs with: the host it opens its sockets on, the fabric's clock (every timer), and where it publishes evidence.</summary>
public sealed record ServerRuntime(INetworkHost Host, TimeProvider Clock, IEvidenceSink Evidence);
