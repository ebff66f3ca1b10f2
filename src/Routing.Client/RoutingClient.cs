using System.Runtime.CompilerServices;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;
using Grpc.Net.Client.Configuration;
using Routing.Api.V1;

namespace Routing.Client;

/// <summary>
/// One connection to the router with a typed client per service, for channel adapters (IVR, chat gateways, email
/// pollers), agent desktops and dashboards.
/// </summary>
public sealed class RoutingClient : IDisposable
{
    private readonly GrpcChannel channel;

    public RoutingClient(RoutingClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        // One attempt means no retries inside the client: the caller sees every attempt's status.
        channel = GrpcChannel.ForAddress(options.Address, new GrpcChannelOptions
        {
            ServiceConfig = options.MaxAttempts <= 1 ? null : new ServiceConfig
            {
                MethodConfigs =
                {
                    new MethodConfig
                    {
                        Names = { MethodName.Default },
                        RetryPolicy = new RetryPolicy
                        {
                            MaxAttempts = options.MaxAttempts,
                            InitialBackoff = options.InitialBackoff,
                            MaxBackoff = options.InitialBackoff * 16,
                            BackoffMultiplier = 2,
                            RetryableStatusCodes = { StatusCode.Unavailable },
                        },
                    },
                },
            },
        });
        // The token travels as call metadata: gRPC's call credentials refuse a plaintext channel, and a loopback
        // router over plaintext is the development default.
        var invoker = options.BearerToken is { } token
            ? channel.Intercept(metadata =>
            {
                metadata.Add("authorization", $"Bearer {token}");
                return metadata;
            })
            : channel.CreateCallInvoker();
        Routing = new Api.V1.Routing.RoutingClient(invoker);
        Agents = new Agents.AgentsClient(invoker);
        Admin = new Admin.AdminClient(invoker);
        Supervisor = new Supervisor.SupervisorClient(invoker);
        Feedback = new Feedback.FeedbackClient(invoker);
    }

    /// <summary>Route, watch and cancel contacts; ask a queue's expected wait.</summary>
    public Api.V1.Routing.RoutingClient Routing { get; }

    /// <summary>Agent status, offers, accept / reject, complete, wrap-up.</summary>
    public Agents.AgentsClient Agents { get; }

    /// <summary>Queues, agents and touch-tone menus.</summary>
    public Admin.AdminClient Admin { get; }

    /// <summary>Queue lists and live statistics.</summary>
    public Supervisor.SupervisorClient Supervisor { get; }

    /// <summary>Customers' survey answers for finished contacts.</summary>
    public Feedback.FeedbackClient Feedback { get; }

    public static RoutingClient Connect(string address, string? bearerToken = null) =>
        new(new RoutingClientOptions { Address = new Uri(address), BearerToken = bearerToken });

    /// <summary>A fresh request id: reuse it when retrying the same request so it is not carried out twice.</summary>
    public static string NewRequestId() => Guid.NewGuid().ToString("N");

    /// <summary>An agent's offers as they come and go; the first events are the offers pending now.</summary>
    public async IAsyncEnumerable<OfferEvent> WatchOffersAsync(string agentId, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        using var call = Agents.WatchOffers(new WatchOffersRequest { AgentId = agentId }, cancellationToken: cancellationToken);
        await foreach (var offer in call.ResponseStream.ReadAllAsync(cancellationToken))
        {
            yield return offer;
        }
    }

    /// <summary>A contact's state as it changes, ending after the contact ends.</summary>
    public async IAsyncEnumerable<Contact> WatchContactAsync(string contactId, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        using var call = Routing.WatchContact(new WatchContactRequest { ContactId = contactId }, cancellationToken: cancellationToken);
        await foreach (var update in call.ResponseStream.ReadAllAsync(cancellationToken))
        {
            yield return update;
        }
    }

    public void Dispose() => channel.Dispose();
}
