using System.Diagnostics;

namespace Routing.Server.Storage.GroupCommit;

/// <summary>
/// The spans of grain state operations, on the activity source <see cref="SourceName"/>: one per operation, child of
/// the grain call that made it, lasting until its batch commits and tagged with that batch's size, so a trace shows
/// how long a call waited for the store and how many others shared the round trip.
/// </summary>
public static class StorageTracing
{
    /// <summary>The activity source's name, to subscribe to with OpenTelemetry.</summary>
    public const string SourceName = "Routing.Storage";

    public static readonly ActivitySource Source = new(SourceName);

    /// <summary>A span for <paramref name="operation"/>, or null when nobody listens.</summary>
    public static Activity? Start(GrainStateOperation operation)
    {
        ArgumentNullException.ThrowIfNull(operation);
        var activity = Source.StartActivity("routing.storage " + operation.Kind, ActivityKind.Client);
        activity?.SetTag("routing.storage.state", operation.StateName);
        return activity;
    }
}
