using System.Reflection;
using System.Runtime.ExceptionServices;

namespace EUeConformance.Runner.Bindings;

/// <summary>Reqnroll-style access to the scenario's objects, for hooks that register instances.</summary>
public interface IObjectContainer
{
    void RegisterInstanceAs<T>(T instance) where T : class;
    T Resolve<T>() where T : class;
    object Resolve(Type type);
}

/// <summary>
/// Scenario-scoped constructor injection: one instance per type per scenario, built through its
/// public constructor with the most parameters, each resolved the same way. Disposed (in reverse
/// order of creation) when the scenario ends.
/// </summary>
public sealed class ObjectContainer : IObjectContainer, IAsyncDisposable
{
    readonly Dictionary<Type, object> _instances = [];
    readonly List<object> _created = [];
    readonly HashSet<Type> _resolving = [];
    readonly object _gate = new();

    public ObjectContainer() => _instances[typeof(IObjectContainer)] = this;

    public void RegisterInstanceAs<T>(T instance) where T : class
    {
        lock (_gate) _instances[typeof(T)] = instance;
    }

    public T Resolve<T>() where T : class => (T)Resolve(typeof(T));

    public object Resolve(Type type)
    {
        lock (_gate)
        {
            if (_instances.TryGetValue(type, out var existing)) return existing;
            if (type.IsInterface || type.IsAbstract || type.IsPrimitive || type == typeof(string))
                throw new InvalidOperationException(
                    $"cannot create {type.Name} for injection: register an instance in a [BeforeScenario] hook with IObjectContainer.RegisterInstanceAs<{type.Name}>(...)");
            if (!_resolving.Add(type))
                throw new InvalidOperationException($"circular constructor dependency through {type.Name}");
            try
            {
                var ctor = type.GetConstructors(BindingFlags.Public | BindingFlags.Instance)
                    .OrderByDescending(c => c.GetParameters().Length).FirstOrDefault()
                    ?? throw new InvalidOperationException($"{type.Name} has no public constructor to inject");
                var args = ctor.GetParameters().Select(p => Resolve(p.ParameterType)).ToArray();
                object instance;
                try { instance = ctor.Invoke(args); }
                catch (TargetInvocationException e) when (e.InnerException is not null) { ExceptionDispatchInfo.Capture(e.InnerException).Throw(); throw; }
                _instances[type] = instance;
                _created.Add(instance);
                return instance;
            }
            finally { _resolving.Remove(type); }
        }
    }

    public async ValueTask DisposeAsync()
    {
        List<object> created;
        lock (_gate) { created = [.. _created]; _created.Clear(); }
        for (int i = created.Count - 1; i >= 0; i--)
        {
            switch (created[i])
            {
                case IAsyncDisposable a: await a.DisposeAsync(); break;
                case IDisposable d: d.Dispose(); break;
            }
        }
    }
}
