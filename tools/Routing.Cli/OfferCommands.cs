using Routing.Api.V1;
using Routing.Client;

namespace Routing.Cli;

/// <summary>offers, accept, reject, complete, end-wrap-up: an agent desktop's side of a contact.</summary>
internal static class OfferCommands
{
    public static async Task Watch(RoutingClient client, Arguments args, CancellationToken cancellationToken)
    {
        args.Expect(1, 1);
        Console.WriteLine($"watching offers for {args.Required(0)} (Ctrl+C to stop)");
        await foreach (var offer in client.WatchOffersAsync(args.Required(0), cancellationToken))
        {
            var a = offer.Assignment;
            var accept = offer.Kind == OfferEventKind.Offered ? $"  accept within {Format.Wait(offer.TimeToAccept)}" : "";
            Console.WriteLine($"{DateTimeOffset.Now:HH:mm:ss} {Format.Name(offer.Kind),-8} contact {a.ContactId} "
                + $"{Format.Channel(a.Channel)} {a.QueueId} customer {a.CustomerId}{accept}");
            if (offer.Kind != OfferEventKind.Offered)
            {
                continue;
            }

            // What the desktop shows before answering, so the customer need not repeat themselves.
            if (a.CallbackNumber.Length > 0)
            {
                Console.WriteLine($"  CALLBACK: call {a.CallbackNumber}");
            }

            if (a.IvrPath.Count > 0)
            {
                Console.WriteLine($"  menus: {string.Join(" > ", a.IvrPath.Select(p => p.Label))}");
            }

            if (offer.Customer is { } customer)
            {
                Console.WriteLine($"  customer {customer.Name} ({Format.Name(customer.Tier)}), last agent '{customer.LastAgentId}', {customer.History.Count} earlier contacts"
                    + string.Concat(customer.History.Take(3).Select(h => $"\n    {Format.Time(h.EndedAt)} {Format.Channel(h.Channel)} {h.QueueId} {Format.Name(h.Outcome)} agent '{h.AgentId}'{(h.Satisfaction > 0 ? $" CSAT {h.Satisfaction}" : "")}")));
            }
        }
    }

    public static async Task Accept(RoutingClient client, Arguments args, CancellationToken cancellationToken)
    {
        args.Expect(2, 2);
        var request = new AcceptOfferRequest { RequestId = RoutingClient.NewRequestId(), AgentId = args.Required(0), ContactId = args.Required(1) };
        Console.WriteLine(Format.Assignment(await client.Agents.AcceptOfferAsync(request, cancellationToken: cancellationToken)));
    }

    public static async Task Reject(RoutingClient client, Arguments args, CancellationToken cancellationToken)
    {
        args.Expect(2, 3);
        var request = new RejectOfferRequest
        {
            RequestId = RoutingClient.NewRequestId(),
            AgentId = args.Required(0),
            ContactId = args.Required(1),
            Reason = args.Word(2) ?? "",
        };
        Format.Agent(await client.Agents.RejectOfferAsync(request, cancellationToken: cancellationToken));
    }

    public static async Task Complete(RoutingClient client, Arguments args, CancellationToken cancellationToken)
    {
        args.Expect(2, 3);
        var request = new CompleteContactRequest
        {
            RequestId = RoutingClient.NewRequestId(),
            AgentId = args.Required(0),
            ContactId = args.Required(1),
            Disposition = args.Word(2) ?? "",
        };
        Console.WriteLine(Format.Assignment(await client.Agents.CompleteContactAsync(request, cancellationToken: cancellationToken)));
    }

    public static async Task EndWrapUp(RoutingClient client, Arguments args, CancellationToken cancellationToken)
    {
        args.Expect(2, 2);
        var request = new EndWrapUpRequest { RequestId = RoutingClient.NewRequestId(), AgentId = args.Required(0), ContactId = args.Required(1) };
        Format.Agent(await client.Agents.EndWrapUpAsync(request, cancellationToken: cancellationToken));
    }

    public static async Task Transfer(RoutingClient client, Arguments args, CancellationToken cancellationToken)
    {
        args.Expect(2, 2, "queue", "to-agent");
        var request = new TransferContactRequest
        {
            RequestId = RoutingClient.NewRequestId(),
            AgentId = args.Required(0),
            ContactId = args.Required(1),
            ToQueueId = args.Option("queue") ?? string.Empty,
            ToAgentId = args.Option("to-agent") ?? string.Empty,
        };
        Console.WriteLine(Format.Assignment(await client.Agents.TransferContactAsync(request, cancellationToken: cancellationToken)));
    }
}
