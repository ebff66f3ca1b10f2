using System.Runtime.CompilerServices;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;
using Microsoft.Extensions.DependencyInjection;
using Routing.Api.V1;

namespace Routing.Client;

/// <summary>
/// One connection to the router with a typed client per service, for channel adapters (IVR, chat gateways, email
/// pollers), agent desktops and dashboards.
/// </summary>
public sealed class RoutingClient : IDisposable
{
    private readonly GrpcChannel channel;
    private readonly ServiceProvider? balancerServices;

    /// <exception cref="ArgumentException">A setting in <paramref name="options"/> cannot work; the message names it.</exception>
    public RoutingClient(RoutingClientOptions options)
        : this(options, TimeProvider.System)
    {
    }

    /// <param name="time">The clock default deadlines are counted from.</param>
    public RoutingClient(RoutingClientOptions options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        options.Validate();
        channel = RoutingChannel.Create(options, out balancerServices);
        var tokenProvider = options.TokenProvider
            ?? (options.BearerToken is { } token ? _ => ValueTask.FromResult<string?>(token) : null);

        // Intercept runs the last interceptor given first: the deadline is set, then the token attached.
        var invoker = channel.CreateCallInvoker();
        if (tokenProvider is not null)
        {
            invoker = invoker.Intercept(new BearerTokenInterceptor(tokenProvider));
        }

        if (options.DefaultDeadline is { } deadline)
        {
            invoker = invoker.Intercept(new DefaultDeadlineInterceptor(deadline, time));
        }

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

    public void Dispose()
    {
        channel.Dispose();
        balancerServices?.Dispose();
    }
}
