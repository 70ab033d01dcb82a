using System.Runtime.CompilerServices;

namespace ActorHeartbeat.Hocon.Model;

/// <summary>
/// Last line of defence for the recursive algorithms (merging, resolving, rendering): when the thread's stack
/// is nearly exhausted, fail with a <see cref="HoconException"/> instead of crashing the process.
/// The parser's nesting limit normally keeps trees far below this point.
/// </summary>
internal static class StackGuard
{
    public static void Ensure(HoconOrigin origin)
    {
        if (!RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            throw HoconException.At(origin, "the configuration is nested too deeply to be processed on this thread's stack");
        }
    }
}
