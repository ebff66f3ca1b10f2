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
}
