using Xunit;

namespace EUeConformance.Tests.Headend.Interop;

/// <summary>Interop tests run one at a time: each makes namespaces and runs real clients (the machine has two cores).</summary>
[CollectionDefinition(nameof(InteropCollection), DisableParallelization = true)]
public sealed class InteropCollection;
