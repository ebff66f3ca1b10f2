using Orleans.Serialization;

namespace Routing.Abstractions;

/// <summary>Serializer setup shared by silos and clients.</summary>
public static class RoutingSerialization
{
    /// <summary>
    /// The routing core stays free of Orleans attributes, so its value types travel inside grain messages as
    /// JSON through Orleans' System.Text.Json codec rather than being mirrored by a second set of records.
    /// </summary>
    public static ISerializerBuilder AddRoutingCoreTypes(this ISerializerBuilder builder) =>
        builder.AddJsonSerializer(isSupported: type => type.Namespace == typeof(Core.Channel).Namespace);
}
