using System.Collections.Concurrent;
using System.Diagnostics;
using Grpc.Core;
using Routing.Api.V1;
using Routing.Client;

namespace Routing.Bench;

/// <summary>Simulated agent desktops: each watches its agent's offer stream and accepts, then completes, every offer at once.</summary>
internal sealed class Desktops(RoutingClient client, CancellationToken stop)
{
    private readonly List<Task> running = [];
    private long completed;

    /// <summary>When each contact's offer reached an agent's stream (a stopwatch timestamp), by contact id.</summary>
    public ConcurrentDictionary<string, long> Offered { get; } = new(StringComparer.Ordinal);

    /// <summary>Contacts completed so far.</summary>
    public long Completed => Interlocked.Read(ref completed);

    public void Open(string agentId)
    {
        lock (running)
        {
            running.Add(AnswerEveryOfferAsync(agentId));
        }
    }

    /// <summary>Waits for every stream to end once <c>stop</c> is cancelled.</summary>
    public Task Closed() => Task.WhenAll(running);

    private async Task AnswerEveryOfferAsync(string agentId)
    {
        try
        {
            await foreach (var offer in client.WatchOffersAsync(agentId, stop))
            {
                if (offer.Kind != OfferEventKind.Offered)
                {
                    continue;
                }

                var contactId = offer.Assignment.ContactId;
                Offered.TryAdd(contactId, Stopwatch.GetTimestamp());
                await client.Agents.AcceptOfferAsync(new AcceptOfferRequest { AgentId = agentId, ContactId = contactId, RequestId = RoutingClient.NewRequestId() }, cancellationToken: stop);
                await client.Agents.CompleteContactAsync(new CompleteContactRequest { AgentId = agentId, ContactId = contactId, RequestId = RoutingClient.NewRequestId() }, cancellationToken: stop);
                Interlocked.Increment(ref completed);
            }
        }
        catch (RpcException ex) when (ex.StatusCode == StatusCode.Cancelled)
        {
        }
        catch (OperationCanceledException)
        {
        }
    }
}
