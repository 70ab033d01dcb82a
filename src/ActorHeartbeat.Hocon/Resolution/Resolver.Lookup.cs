using ActorHeartbeat.Hocon.Model;

namespace ActorHeartbeat.Hocon.Resolution;

/// <content>Substitutions: looking up paths, environment fallback, cycle reporting.</content>
internal sealed partial class Resolver
{
    private HoconValue? Substitute(HoconSubstitution substitution, Override? context)
    {
        _trace.Add(substitution);
        try
        {
            LookupResult result;
            try
            {
                result = Lookup(substitution.Path, context);
                if (!result.IsFound && !result.IsCycle && substitution.FallbackPath is not null)
                {
                    result = Lookup(substitution.FallbackPath, context);
                }
            }
            catch (CycleSignal signal)
            {
                if (substitution.Optional)
                {
                    return null;
                }

                if (signal.Marker is not null)
                {
                    throw CycleError(substitution, signal.Marker);
                }

                throw new HoconException(
                    $"substitution cycle: {substitution.Expression} at {substitution.Origin} needs {substitution.WrittenPath}, whose value (directly or through other substitutions) contains {substitution.Expression} itself",
                    substitution.Origin);
            }

            if (result.IsFound)
            {
                return result.Value;
            }

            if (result.IsCycle)
            {
                return substitution.Optional ? null : throw CycleError(substitution, result.Cycle!);
            }

            var written = substitution.WrittenPath;
            if (written.Length == 1 && _environment(written[0]) is { } variable)
            {
                return HoconScalar.String(variable, new HoconOrigin($"environment variable {written[0]}", 0, 0));
            }

            return substitution.Optional
                ? null
                : throw new HoconException($"cannot resolve {substitution.Expression} at {substitution.Origin}: {result.Missing}", substitution.Origin);
        }
        finally
        {
            _trace.RemoveAt(_trace.Count - 1);
        }
    }

    private HoconException CycleError(HoconSubstitution substitution, Override marker)
    {
        var steps = _trace.Skip(marker.TraceStart).ToList();
        if (steps.Count == 0 || (steps.Count == 1 && steps[0].Path.Equals(marker.Path)))
        {
            return new HoconException(
                $"cannot resolve {substitution.Expression} at {substitution.Origin}: {marker.Path} refers to itself and has no earlier value to build on",
                substitution.Origin);
        }

        var chain = string.Join(" → ", steps.Select(s => s.WrittenPath.ToString()).Prepend(marker.Path.ToString()));
        return new HoconException($"substitution cycle: {chain} ({substitution.Expression} at {substitution.Origin})", substitution.Origin);
    }

    /// <summary>Finds the resolved value at <paramref name="path"/> as seen from <paramref name="context"/>.</summary>
    private LookupResult Lookup(HoconPath path, Override? context)
    {
        HoconValue current = _root;
        var currentPath = HoconPath.Root;
        for (var i = 0; i < path.Length; i++)
        {
            var key = path[i];
            var nextPath = currentPath.Append(key);
            var link = context?.Find(nextPath);
            HoconValue? next;
            if (link is not null)
            {
                _consulted = Math.Min(_consulted, link.Depth);
                if (link.IsMarker)
                {
                    return LookupResult.CycleAt(link);
                }

                next = link.Replacement;
            }
            else
            {
                next = GetField(current, currentPath, key, context);
            }

            if (next is null)
            {
                return LookupResult.NotFound(Missing(path, i, current, currentPath, context));
            }

            current = next;
            currentPath = nextPath;
        }

        var value = ResolveValue(current, currentPath, context);
        return value is null
            ? LookupResult.NotFound($"{path} is only defined by optional substitutions that are undefined")
            : LookupResult.Found(value);
    }

    private string Missing(HoconPath path, int index, HoconValue container, HoconPath containerPath, Override? context)
    {
        if (index == 0)
        {
            return "no such path";
        }

        var resolved = container is HoconObject or HoconScalar or HoconArray ? container : null;
        if (resolved is null && container is HoconSubstitution or HoconConcatenation)
        {
            resolved = ResolveValue(container, containerPath, context);
        }

        return resolved is null or HoconObject or HoconMergeStack
            ? $"no such path ({containerPath} has no key '{path[index]}')"
            : $"no such path ({containerPath} is {ConcatJoiner.Describe(resolved)}, not an object)";
    }

    /// <summary>The unresolved value of field <paramref name="key"/> of <paramref name="container"/>, resolving only what is needed.</summary>
    private HoconValue? GetField(HoconValue container, HoconPath containerPath, string key, Override? context)
    {
        switch (container)
        {
            case HoconObject obj:
                return obj.TryGetValue(key, out var field) ? field : null;
            case HoconMergeStack stack:
                return PeekStack(stack, containerPath, key, context);
            case HoconSubstitution or HoconConcatenation:
                var resolved = ResolveValue(container, containerPath, context) as HoconObject;
                return resolved is not null && resolved.TryGetValue(key, out var resolvedField) ? resolvedField : null;
            default:
                return null;
        }
    }

    /// <summary>
    /// The definitions of <paramref name="key"/> inside a stacked object field, from the top of the stack
    /// down to the first definition that is not an object, merged; without resolving the whole stack.
    /// </summary>
    private HoconValue? PeekStack(HoconMergeStack stack, HoconPath stackPath, string key, Override? context)
    {
        var candidates = new List<HoconValue>();
        HoconValue? current = stack;
        while (current is not null)
        {
            var (element, below) = current is HoconMergeStack level ? (level.Top, level.Rest) : (current, null);
            current = below;
            var value = HoconMergeStack.IsUnresolvedType(element) ? ResolveStackElement(element, below, stackPath, context) : element;
            if (value is null)
            {
                continue;
            }

            if (value is not HoconObject obj)
            {
                break;
            }

            if (obj.TryGetValue(key, out var field))
            {
                candidates.Add(field);
                if (field is HoconObject { IgnoresFallbacks: true } || (field is not HoconObject && !HoconMergeStack.IsUnresolvedType(field)))
                {
                    break;
                }
            }

            if (obj.IgnoresFallbacks)
            {
                break;
            }
        }

        if (candidates.Count == 0)
        {
            return null;
        }

        var merged = candidates[^1];
        for (var i = candidates.Count - 2; i >= 0; i--)
        {
            merged = ValueMerger.Merge(candidates[i], merged, inPlace: false);
        }

        return merged;
    }
}
