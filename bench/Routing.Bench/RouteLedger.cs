using System.Collections.Concurrent;
using System.Diagnostics;
using Grpc.Core;
using Routing.Api.V1;
using Routing.Client;

namespace Routing.Bench;

/// <summary>
/// Every RouteContact the overload scenario sent, by request id: what each caller was told (a decision, or an error
/// the server gave knowingly), and which calls ended without the caller knowing whether a contact exists (deadline
/// passed, cancelled, connection lost): those are retried once the overload is over, then compared with the contacts
/// the server holds.
/// </summary>
internal sealed class RouteLedger
{
    private readonly ConcurrentDictionary<string, RouteContactRequest> attempted = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, RouteOutcome> told = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, StatusCode> unanswered = new(StringComparer.Ordinal);

    // Every attempt's status in order, to say how an orphan came about.
    private readonly ConcurrentDictionary<string, ConcurrentQueue<StatusCode>> attempts = new(StringComparer.Ordinal);

    /// <summary>Every request sent at least once, shed or not.</summary>
    public ICollection<RouteContactRequest> Attempted => attempted.Values;

    /// <summary>Requests whose last attempt left the caller not knowing whether a contact exists.</summary>
    public IReadOnlyList<RouteContactRequest> Unanswered => [.. unanswered.Keys.Select(id => attempted[id])];

    /// <summary>Callers told a decision that leaves a contact to answer (offered or queued).</summary>
    public int ToAnswer => told.Values.Count(outcome => outcome is RouteOutcome.Offered or RouteOutcome.Queued);

    public int Told => told.Count;

    public bool WasTold(string requestId, out RouteOutcome outcome) => told.TryGetValue(requestId, out outcome);

    /// <summary>The statuses of a request's attempts in order, e.g. "ResourceExhausted ResourceExhausted OK".</summary>
    public string History(string requestId) =>
        attempts.TryGetValue(requestId, out var statuses) ? string.Join(" ", statuses) : "-";

    /// <summary>Sends one attempt; OK or the status it failed with, and its latency as the caller sees it.</summary>
    /// <param name="deadline">Null: none, the caller waits as long as it takes.</param>
    public async Task<(StatusCode Status, TimeSpan Latency)> RouteAsync(RoutingClient client, RouteContactRequest request, TimeSpan? deadline)
    {
        attempted.TryAdd(request.RequestId, request);
        var from = Stopwatch.GetTimestamp();
        try
        {
            var decision = await client.Routing.RouteContactAsync(request, deadline: deadline is { } d ? DateTime.UtcNow + d : null);
            told[request.RequestId] = decision.Outcome;
            unanswered.TryRemove(request.RequestId, out _);
            Attempts(request.RequestId).Enqueue(StatusCode.OK);
            return (StatusCode.OK, Stopwatch.GetElapsedTime(from));
        }
        catch (RpcException ex)
        {
            Attempts(request.RequestId).Enqueue(ex.StatusCode);
            // Shed is decided before any work: no contact, and the caller knows it. Any other status the server
            // sends knowingly (invalid, refused) creates none either.
            if (Unknowable(ex.StatusCode))
            {
                unanswered[request.RequestId] = ex.StatusCode;
            }

            return (ex.StatusCode, Stopwatch.GetElapsedTime(from));
        }
    }

    private ConcurrentQueue<StatusCode> Attempts(string requestId) => attempts.GetOrAdd(requestId, _ => new ConcurrentQueue<StatusCode>());

    /// <summary>A status after which the contact may or may not exist: the call ended without the server's answer.</summary>
    private static bool Unknowable(StatusCode status) =>
        status is StatusCode.DeadlineExceeded or StatusCode.Cancelled or StatusCode.Unavailable or StatusCode.Unknown or StatusCode.Internal or StatusCode.Aborted;
}
