using System.Collections.Concurrent;
using System.Diagnostics;
using Grpc.Core;
using Routing.Api.V1;
using Routing.Client;
using Routing.Server.Mapping;

namespace Routing.Bench;

/// <summary>
/// Many more callers than saturate the server, each routing contacts in a closed loop with a deadline: what is
/// admitted should keep most of the saturated throughput at a latency near the unloaded one, the rest be shed at
/// once; memory should stay bounded; one caller should be served as before soon after; and no contact should exist
/// that its caller was not told about.
/// </summary>
internal static class Overload
{
    // Routes of one caller alone: enough for a p99 that is not the single slowest call.
    private const int UnloadedRoutes = 300;

    // What a telephony adapter would give a route before it plays the caller a fallback.
    private static readonly TimeSpan CallDeadline = TimeSpan.FromSeconds(5);

    private static readonly TimeSpan RecoveryLimit = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan DrainLimit = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan SampleInterval = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(20);

    // A skill no bench agent has: contacts that need it wait for good.
    private const string UnstaffedSkill = "unstaffed";

    public static async Task<OverloadFigures> RunAsync(string address, Desktops desktops, BenchOptions options, double saturatedRoutesPerSecond, double saturatedLivesPerSecond)
    {
        // Its own connections: the desktops' offer streams and calls keep theirs. No retries inside the client, so
        // every attempt's status is seen here: an UNAVAILABLE retried out of sight could have made a contact that
        // a later shed attempt would seem to deny.
        using var client = new RoutingClient(new RoutingClientOptions { Address = new Uri(address), MaxAttempts = 1 });
        var ledger = new RouteLedger();
        var completedBefore = desktops.Completed;
        var next = 0;
        RouteContactRequest NextRequest(string prefix) => Request(prefix, Interlocked.Increment(ref next), options);

        // Ahead of everything routed below, so every agent's peek has them in front (issue 24: each peek once walked
        // them all). Not in the ledger: they are never answered, and the drain and the contact check are of the rest.
        await Parallel.ForEachAsync(Enumerable.Range(0, options.OverloadUnservable), new ParallelOptions { MaxDegreeOfParallelism = options.Callers }, async (i, cancellationToken) =>
        {
            var request = Request("unservable", i, options);
            request.RequiredSkills.Add(new SkillRequirement { Skill = UnstaffedSkill, MinLevel = 1 });
            while (true)
            {
                try
                {
                    await client.Routing.RouteContactAsync(request, deadline: DateTime.UtcNow + CallDeadline, cancellationToken: cancellationToken);
                    return;
                }
                catch (RpcException ex) when (ex.StatusCode is StatusCode.ResourceExhausted or StatusCode.Unavailable or StatusCode.DeadlineExceeded)
                {
                    await Task.Delay(Random.Shared.Next(5, 21), cancellationToken);
                }
            }
        });

        var unloaded = new Latencies();
        for (var i = 0; i < UnloadedRoutes; i++)
        {
            var (status, latency) = await ledger.RouteAsync(client, NextRequest("overload-unloaded"), CallDeadline);
            if (status == StatusCode.OK)
            {
                unloaded.Add(latency);
            }
        }

        var workingSetBefore = Environment.WorkingSet;
        var peak = workingSetBefore;
        using var sampled = new CancellationTokenSource();
        var sampling = Task.Run(async () =>
        {
            while (!sampled.IsCancellationRequested)
            {
                peak = Math.Max(peak, Environment.WorkingSet);
                await Task.Delay(SampleInterval, CancellationToken.None);
            }
        });

        var admitted = new Latencies();
        var shed = new Latencies();
        var failures = new ConcurrentDictionary<StatusCode, int>();
        long admittedInWindow = 0;
        var desktopShedsBefore = desktops.Shed;
        var reopenedBefore = desktops.Reconnected;
        using var stopping = new CancellationTokenSource();
        var completedAtStart = desktops.Completed;
        var window = Stopwatch.StartNew();
        var callers = Enumerable.Range(0, options.OverloadCallers).Select(caller => Task.Run(async () =>
        {
            while (!stopping.IsCancellationRequested)
            {
                // A refused caller calls again about the same contact: the same request id.
                var request = NextRequest($"overload-{caller}");
                while (true)
                {
                    var (status, latency) = await ledger.RouteAsync(client, request, CallDeadline);
                    if (status == StatusCode.OK)
                    {
                        admitted.Add(latency);
                        if (!stopping.IsCancellationRequested)
                        {
                            Interlocked.Increment(ref admittedInWindow);
                        }

                        break;
                    }

                    if (status != StatusCode.ResourceExhausted)
                    {
                        failures.AddOrUpdate(status, 1, (_, n) => n + 1);
                        break;
                    }

                    shed.Add(latency);
                    if (stopping.IsCancellationRequested)
                    {
                        break;
                    }

                    // Jittered, so that the shed callers do not come back in step.
                    await Task.Delay(Random.Shared.Next(5, 21), CancellationToken.None);
                }
            }
        })).ToList();

        await Task.Delay(options.OverloadDuration);
        await stopping.CancelAsync();
        var windowLength = window.Elapsed;
        var admittedPerSecond = Interlocked.Read(ref admittedInWindow) / windowLength.TotalSeconds;
        var completedPerSecond = (desktops.Completed - completedAtStart) / windowLength.TotalSeconds;

        // Measured from the stop while the callers' last calls are still in flight: that is when a caller is back.
        var recovery = await RecoveryAsync(client, ledger, TimeSpan.FromMilliseconds(2 * unloaded.Percentile(0.99)), () => NextRequest("overload-probe"));
        await Task.WhenAll(callers);
        await sampled.CancelAsync();
        await sampling;
        var desktopSheds = desktops.Shed - desktopShedsBefore;
        var reopened = desktops.Reconnected - reopenedBefore;

        var unanswered = ledger.Unanswered;
        var retriedAnswered = 0;
        await Parallel.ForEachAsync(unanswered, new ParallelOptions { MaxDegreeOfParallelism = options.Callers }, async (request, _) =>
        {
            while (true)
            {
                var (status, _) = await ledger.RouteAsync(client, request, deadline: null);
                if (status == StatusCode.OK)
                {
                    Interlocked.Increment(ref retriedAnswered);
                }

                if (status != StatusCode.ResourceExhausted)
                {
                    return;
                }

                await Task.Delay(Random.Shared.Next(5, 21), CancellationToken.None);
            }
        });

        var drain = await DrainedAsync(desktops, completedBefore + ledger.ToAnswer);
        var workingSetAfter = Environment.WorkingSet;
        var (serverContacts, orphans, lost, orphanExamples) = await CheckContactsAsync(client, ledger, options.Callers);
        return new OverloadFigures
        {
            Callers = options.OverloadCallers,
            Duration = windowLength,
            MaxCallsInFlight = options.MaxCallsInFlight > 0 ? options.MaxCallsInFlight : null,
            SaturatedRoutesPerSecond = saturatedRoutesPerSecond,
            SaturatedLivesPerSecond = saturatedLivesPerSecond,
            Unloaded = unloaded,
            AdmittedPerSecond = admittedPerSecond,
            CompletedPerSecond = completedPerSecond,
            Admitted = admitted,
            Shed = shed,
            Failures = failures,
            DesktopSheds = desktopSheds,
            StreamsReopened = reopened,
            WorkingSetBefore = workingSetBefore,
            WorkingSetPeak = peak,
            WorkingSetAfter = workingSetAfter,
            Recovery = recovery,
            Retried = unanswered.Count,
            RetriedAnswered = retriedAnswered,
            Drain = drain,
            RequestIds = ledger.Attempted.Count,
            Told = ledger.Told,
            ServerContacts = serverContacts,
            Orphans = orphans,
            OrphanExamples = orphanExamples,
            Lost = lost,
        };
    }

    private static RouteContactRequest Request(string prefix, int i, BenchOptions options) => new()
    {
        RequestId = $"{prefix}-{i}",
        Channel = Channel.Voice,
        CustomerId = $"{prefix}-customer-{i}",
        QueueId = BenchRun.QueueOf(i, options),
    };

    /// <summary>One caller routing again and again until a route is answered within <paramref name="within"/>.</summary>
    private static async Task<TimeSpan?> RecoveryAsync(RoutingClient client, RouteLedger ledger, TimeSpan within, Func<RouteContactRequest> nextRequest)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < RecoveryLimit)
        {
            var request = nextRequest();
            var (status, latency) = await ledger.RouteAsync(client, request, CallDeadline);
            while (status == StatusCode.ResourceExhausted && clock.Elapsed < RecoveryLimit)
            {
                await Task.Delay(Random.Shared.Next(5, 21), CancellationToken.None);
                (status, latency) = await ledger.RouteAsync(client, request, CallDeadline);
            }

            if (status == StatusCode.OK && latency <= within)
            {
                return clock.Elapsed;
            }
        }

        return null;
    }

    /// <summary>Waits for the desktops to have completed <paramref name="completed"/> contacts in all; how long it took, or null.</summary>
    private static async Task<TimeSpan?> DrainedAsync(Desktops desktops, long completed)
    {
        var clock = Stopwatch.StartNew();
        while (desktops.Completed < completed)
        {
            if (clock.Elapsed > DrainLimit)
            {
                return null;
            }

            await Task.Delay(PollInterval);
        }

        return clock.Elapsed;
    }

    /// <summary>
    /// Asks the server for the contact of every request id sent (its id derived from the request id, as the server
    /// derives it): one that exists and whose caller was never told is an orphan; one a caller was told is offered or
    /// queued and that does not exist is lost.
    /// </summary>
    private static async Task<(int Contacts, int Orphans, int Lost, IReadOnlyList<string> Examples)> CheckContactsAsync(RoutingClient client, RouteLedger ledger, int parallelism)
    {
        int contacts = 0, orphans = 0, lost = 0;
        var examples = new ConcurrentBag<string>();
        await Parallel.ForEachAsync(ledger.Attempted, new ParallelOptions { MaxDegreeOfParallelism = parallelism }, async (request, ct) =>
        {
            var exists = await ExistsAsync(client, ContactIds.Of(caller: null, request.RequestId), ct);
            var told = ledger.WasTold(request.RequestId, out var outcome);
            if (exists)
            {
                Interlocked.Increment(ref contacts);
            }

            if (exists && !told)
            {
                Interlocked.Increment(ref orphans);
                examples.Add($"{request.RequestId}: {ledger.History(request.RequestId)}");
            }
            else if (!exists && told && outcome is RouteOutcome.Offered or RouteOutcome.Queued)
            {
                Interlocked.Increment(ref lost);
            }
        });
        return (contacts, orphans, lost, [.. examples.Order(StringComparer.Ordinal).Take(5)]);
    }

    private static async Task<bool> ExistsAsync(RoutingClient client, string contactId, CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                await client.Routing.GetContactAsync(new GetContactRequest { ContactId = contactId }, cancellationToken: cancellationToken);
                return true;
            }
            catch (RpcException ex) when (ex.StatusCode == StatusCode.NotFound)
            {
                return false;
            }
            catch (RpcException ex) when (ex.StatusCode == StatusCode.ResourceExhausted)
            {
                await Task.Delay(Random.Shared.Next(5, 21), cancellationToken);
            }
        }
    }
}
