using System.Collections.Concurrent;
using System.Diagnostics;
using Grpc.Core;
using Routing.Api.V1;
using Routing.Client;

namespace Routing.Bench;

/// <summary>
/// Simulated agent desktops: each watches its agent's offer stream and accepts, then completes, every offer at once.
/// A call the server sheds (RESOURCE_EXHAUSTED, when overloaded) or that is not answered is sent again with the same
/// request id after a short jittered pause, and a broken stream is opened again, as a desktop would, so that contacts
/// keep draining.
/// </summary>
internal sealed class Desktops(RoutingClient client, CancellationToken stop)
{
    private readonly List<Task> running = [];
    private long completed;
    private long shed;
    private long reconnected;

    /// <summary>When each contact's offer reached an agent's stream (a stopwatch timestamp), by contact id.</summary>
    public ConcurrentDictionary<string, long> Offered { get; } = new(StringComparer.Ordinal);

    /// <summary>Contacts completed so far.</summary>
    public long Completed => Interlocked.Read(ref completed);

    /// <summary>Accept and complete calls shed by the server so far (each sent again).</summary>
    public long Shed => Interlocked.Read(ref shed);

    /// <summary>Offer streams that broke and were opened again.</summary>
    public long Reconnected => Interlocked.Read(ref reconnected);

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
        while (!stop.IsCancellationRequested)
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
                    var accept = new AcceptOfferRequest { AgentId = agentId, ContactId = contactId, RequestId = RoutingClient.NewRequestId() };
                    await AnsweredAsync(() => client.Agents.AcceptOfferAsync(accept, cancellationToken: stop));
                    var complete = new CompleteContactRequest { AgentId = agentId, ContactId = contactId, RequestId = RoutingClient.NewRequestId() };
                    await AnsweredAsync(() => client.Agents.CompleteContactAsync(complete, cancellationToken: stop));
                    Interlocked.Increment(ref completed);
                }
            }
            catch (RpcException ex) when (ex.StatusCode == StatusCode.Cancelled && stop.IsCancellationRequested)
            {
            }
            catch (OperationCanceledException)
            {
            }
            catch (RpcException ex) when (ex.StatusCode is StatusCode.Unavailable or StatusCode.Internal or StatusCode.Cancelled)
            {
                // The stream broke (a connection fault, a server draining it): a desktop opens it again at once, within
                // its agent's desktop grace, and is sent the offers it holds.
                Interlocked.Increment(ref reconnected);
            }
        }
    }

    /// <summary>Sends <paramref name="call"/> (the same request id each time) until it is answered.</summary>
    private async Task AnsweredAsync<T>(Func<AsyncUnaryCall<T>> call)
    {
        while (true)
        {
            try
            {
                await call();
                return;
            }
            catch (RpcException ex) when (ex.StatusCode == StatusCode.ResourceExhausted)
            {
                Interlocked.Increment(ref shed);
                await Task.Delay(Random.Shared.Next(5, 21), stop);
            }
            catch (RpcException ex) when (ex.StatusCode is StatusCode.Unavailable or StatusCode.Internal && !stop.IsCancellationRequested)
            {
                // Not answered (a connection fault): the retry with the same request id gets the first answer.
                await Task.Delay(Random.Shared.Next(5, 21), stop);
            }
        }
    }
}
