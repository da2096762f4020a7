namespace EUeConformance.Network.Fabric;

/// <summary>
/// Shorthands over <see cref="IFabric.InvokeAsync"/> for work that is synchronous or returns a value.
/// C# prefers the interface's own InvokeAsync(Func&lt;Task&gt;) whenever the lambda can be read as
/// returning a plain Task (<c>() =&gt; t</c> and <c>async () =&gt; await t</c> both can): to get a
/// Task&lt;T&gt;'s value back, name the type, <c>InvokeAsync&lt;T&gt;(…)</c>, or return it from a block body.
/// </summary>
public static class FabricExtensions
{
    /// <summary>Runs <paramref name="work"/> on the actor context.</summary>
    public static Task InvokeAsync(this IFabric fabric, Action work) =>
        fabric.InvokeAsync(() => { work(); return Task.CompletedTask; });

    /// <summary>Runs <paramref name="work"/> on the actor context and hands back its result.</summary>
    public static async Task<T> InvokeAsync<T>(this IFabric fabric, Func<Task<T>> work)
    {
        T result = default!;
        await fabric.InvokeAsync(async () => result = await work());
        return result;
    }

    /// <summary>Runs <paramref name="work"/> on the actor context and hands back its result.</summary>
    public static Task<T> InvokeAsync<T>(this IFabric fabric, Func<T> work) =>
        InvokeAsync(fabric, () => Task.FromResult(work()));
}
