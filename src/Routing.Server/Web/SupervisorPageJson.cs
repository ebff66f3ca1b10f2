using System.Text.Json.Serialization;

namespace Routing.Server.Web;

/// <summary>The supervisor page's JSON, source-generated (camelCase, as the page's script reads it).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(IReadOnlyList<SupervisorAgentRow>))]
public sealed partial class SupervisorPageJson : JsonSerializerContext;
