using ActorHeartbeat.Hocon.Model;

namespace ActorHeartbeat.Hocon.Resolution;

/// <summary>
/// Resolves substitutions lazily, following the HOCON specification:
/// a substitution sees the final value of its path ("looks forward"); while a field defined by a
/// substitution or concatenation is resolved, lookups of that field see only its earlier definitions
/// ("look backward", which makes <c>path = ${path}":/bin"</c> and <c>a += b</c> work); reaching a value that
/// is still being resolved is a cycle. Objects are only resolved as far as a lookup needs, so an object may
/// refer to its own fields. Results that do not depend on the context are memoized by node.
/// </summary>
internal sealed partial class Resolver
{
    private readonly HoconObject _root;
    private readonly Func<string, string?> _environment;
    private readonly Dictionary<HoconValue, HoconValue?> _memo = new(ReferenceEqualityComparer.Instance);
    private readonly HashSet<(HoconValue Node, Override? Context)> _inProgress = [];
    private readonly List<HoconSubstitution> _trace = [];
    private int _depth;
    private int _consulted = int.MaxValue;

    private Resolver(HoconObject root, Func<string, string?> environment)
    {
        _root = root;
        _environment = environment;
    }

    public static HoconObject Resolve(HoconObject root, Func<string, string?> environment)
    {
        var resolver = new Resolver(root, environment);
        HoconObject result;
        try
        {
            result = resolver.ResolveValue(root, HoconPath.Root, null) as HoconObject ?? new HoconObject(root.Origin);
        }
        catch (CycleSignal)
        {
            throw HoconException.At(root.Origin, "substitution cycle: the configuration refers to itself");
        }

        ExpansionGuard.Check(result);
        return result;
    }

    /// <summary>True when the tree contains no substitutions, concatenations or merge stacks.</summary>
    public static bool IsResolved(HoconValue value)
    {
        var pending = new Stack<HoconValue>();
        pending.Push(value);
        while (pending.Count > 0)
        {
            switch (pending.Pop())
            {
                case HoconObject obj:
                    foreach (var (_, child) in obj.Fields)
                    {
                        pending.Push(child);
                    }

                    break;
                case HoconArray array:
                    foreach (var item in array.Items)
                    {
                        pending.Push(item);
                    }

                    break;
                case HoconScalar:
                    break;
                default:
                    return false;
            }
        }

        return true;
    }

    /// <summary>Resolves <paramref name="node"/>; null means "undefined" (an optional substitution that found nothing).</summary>
    /// <param name="node">The value to resolve.</param>
    /// <param name="path">The field path the value defines, or null (array elements, parts of concatenations).</param>
    /// <param name="context">The overrides in force.</param>
    private HoconValue? ResolveValue(HoconValue node, HoconPath? path, Override? context)
    {
        if (node is HoconScalar)
        {
            return node;
        }

        if (_memo.TryGetValue(node, out var memoized))
        {
            return memoized;
        }

        var key = (node, context);
        if (!_inProgress.Add(key))
        {
            throw new CycleSignal();
        }

        var savedConsulted = _consulted;
        _consulted = int.MaxValue;
        try
        {
            if (++_depth > HoconLimits.MaxResolveDepth)
            {
                throw HoconException.At(node.Origin, $"substitutions and values nested more than {HoconLimits.MaxResolveDepth} levels deep while resolving {path?.ToString() ?? "a value"}");
            }

            StackGuard.Ensure(node.Origin);
            var result = node switch
            {
                HoconObject obj => ResolveObject(obj, path, context),
                HoconArray array => ResolveArray(array, context),
                HoconSubstitution substitution => ResolveFieldSubstitution(substitution, path, context),
                HoconConcatenation concatenation => ResolveConcatenation(concatenation, path, context),
                HoconMergeStack stack => ResolveStack(stack, path, context),
                _ => node,
            };

            var contextSize = context is null ? 0 : context.Depth + 1;
            if (_consulted >= contextSize)
            {
                _memo[node] = result;
            }

            return result;
        }
        finally
        {
            _consulted = Math.Min(savedConsulted, _consulted);
            _inProgress.Remove(key);
            _depth--;
        }
    }

    private HoconObject ResolveObject(HoconObject obj, HoconPath? path, Override? context)
    {
        HoconObject? copy = null;
        var keys = obj.Keys;
        for (var i = 0; i < keys.Count; i++)
        {
            var child = obj[keys[i]];
            var childPath = path?.Append(keys[i]);
            var resolved = ResolveChild(child, childPath, context);
            if (copy is null && !ReferenceEquals(resolved, child))
            {
                copy = new HoconObject(obj.Origin) { IgnoresFallbacks = obj.IgnoresFallbacks };
                for (var j = 0; j < i; j++)
                {
                    copy.Set(keys[j], obj[keys[j]]);
                }
            }

            if (copy is not null && resolved is not null)
            {
                copy.Set(keys[i], resolved);
            }
        }

        return copy ?? obj;
    }

    /// <summary>Resolves a field of an object, honouring an override of the field's own path.</summary>
    private HoconValue? ResolveChild(HoconValue child, HoconPath? childPath, Override? context)
    {
        var link = childPath is null ? null : context?.Find(childPath);
        if (link is null)
        {
            return ResolveValue(child, childPath, context);
        }

        _consulted = Math.Min(_consulted, link.Depth);
        return link.IsMarker ? throw new CycleSignal(link) : ResolveValue(link.Replacement!, childPath, context);
    }

    private HoconArray ResolveArray(HoconArray array, Override? context)
    {
        var items = new List<HoconValue>(array.Count);
        var changed = false;
        foreach (var item in array.Items)
        {
            var resolved = ResolveValue(item, null, context);
            changed |= !ReferenceEquals(resolved, item);
            if (resolved is not null)
            {
                items.Add(resolved);
            }
        }

        return changed ? new HoconArray(items, array.Origin) : array;
    }

    private HoconValue? ResolveFieldSubstitution(HoconSubstitution substitution, HoconPath? path, Override? context) =>
        Substitute(substitution, path is null ? context : Mark(path, null, context));

    private HoconValue? ResolveConcatenation(HoconConcatenation concatenation, HoconPath? path, Override? context)
    {
        var inner = path is null ? context : Mark(path, null, context);
        var parts = new List<HoconValue>(concatenation.Pieces.Count);
        foreach (var piece in concatenation.Pieces)
        {
            var resolved = ResolveValue(piece, null, inner);
            if (resolved is not null)
            {
                parts.Add(resolved);
            }
        }

        return ConcatJoiner.Join(parts, concatenation.Origin, concatenation.AppendKey);
    }

    private HoconValue? ResolveStack(HoconMergeStack stack, HoconPath? path, Override? context)
    {
        HoconValue? merged = null;
        HoconValue? current = stack;
        while (current is not null)
        {
            var (element, below) = current is HoconMergeStack level ? (level.Top, level.Rest) : (current, null);
            current = below;
            var value = ResolveStackElement(element, below, path, context);
            if (value is null)
            {
                continue;
            }

            merged = merged is null ? value : ValueMerger.Merge(merged, value, inPlace: false);
            if (merged is not HoconObject { IgnoresFallbacks: false })
            {
                break;
            }
        }

        return merged;
    }

    /// <summary>
    /// Resolves one definition of a stacked field. A substitution or concatenation sees, at the field's own
    /// path, only the definitions <paramref name="below"/> it (or nothing, when it is the first definition).
    /// </summary>
    private HoconValue? ResolveStackElement(HoconValue element, HoconValue? below, HoconPath? path, Override? context)
    {
        if (!HoconMergeStack.IsUnresolvedType(element))
        {
            return ResolveValue(element, path, context);
        }

        var inner = path is null ? context : Mark(path, below, context);
        return ResolveValue(element, null, inner);
    }

    private Override Mark(HoconPath path, HoconValue? replacement, Override? context) =>
        new(path, replacement, context, _trace.Count);
}
