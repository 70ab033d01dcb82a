using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace ActorHeartbeat.Hocon.Configuration;

/// <summary>Turns a resolved HOCON tree into <see cref="IConfiguration"/> key/value pairs.</summary>
internal static class HoconConfigurationFlattener
{
    /// <summary>
    /// Flattens <paramref name="root"/>: object paths become <c>:</c>-separated keys, array elements
    /// index keys, scalars their text (<see langword="null"/> for HOCON null); an empty object or array
    /// becomes its own key with a <see langword="null"/> value.
    /// </summary>
    public static Dictionary<string, string?> Flatten(HoconObject root)
    {
        ArgumentNullException.ThrowIfNull(root);
        var data = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (string key in root.Keys)
        {
            Visit(root[key], key, data);
        }

        return data;
    }

    private static void Visit(HoconValue value, string key, Dictionary<string, string?> data)
    {
        switch (value)
        {
            case HoconObject obj:
                if (obj.Count == 0)
                {
                    data[key] = null;
                }

                foreach (string child in obj.Keys)
                {
                    Visit(obj[child], ConfigurationPath.Combine(key, child), data);
                }

                break;
            case HoconArray array:
                if (array.Items.Count == 0)
                {
                    data[key] = null;
                }

                for (int i = 0; i < array.Items.Count; i++)
                {
                    Visit(array.Items[i], ConfigurationPath.Combine(key, i.ToString(CultureInfo.InvariantCulture)), data);
                }

                break;
            case HoconScalar scalar:
                data[key] = scalar.Kind == HoconScalarKind.Null ? null : scalar.Text;
                break;
            default:
                throw new InvalidOperationException($"{key}: unexpected HOCON value type {value.GetType().Name}.");
        }
    }
}
