using Routing.Api.V1;
using Routing.Client;

namespace Routing.Cli;

/// <summary>ivr, route-ivr, callback: a telephony adapter's side of the touch-tone menus and callbacks.</summary>
internal static class IvrCommands
{
    public static async Task Navigate(RoutingClient client, Arguments args, CancellationToken cancellationToken)
    {
        args.Expect(1, 2, "digits", "timeout");
        var request = new NavigateIvrRequest
        {
            RequestId = RoutingClient.NewRequestId(),
            SessionId = args.Required(0),
            MenuId = args.Word(1) ?? string.Empty,
            Digits = args.Option("digits") ?? string.Empty,
            TimedOut = args.Option("timeout") is not null,
        };
        var step = await client.Routing.NavigateIvrAsync(request, cancellationToken: cancellationToken);
        if (step.Notice.Length > 0)
        {
            Console.WriteLine($"  notice: {step.Notice}");
        }

        Console.WriteLine(step.StepCase == NavigateIvrResponse.StepOneofCase.Prompt
            ? $"PROMPT {step.Prompt.MenuId}: \"{step.Prompt.Prompt}\" ({step.Prompt.RetriesLeft} retries left)"
            : $"DESTINATION {Format.Name(step.Destination.Kind)} in {step.Destination.QueueId}, skills {Format.Requirements(step.Destination.RequiredSkills)}, priority {step.Destination.Priority}, language '{step.Destination.Language}'");
        Console.WriteLine($"  path: {string.Join(" > ", step.Path.Select(p => $"{p.MenuId}:{p.Digit} {p.Label}{(p.ByDefault ? " (default)" : "")}"))}");
    }

    public static async Task RouteFromIvr(RoutingClient client, Arguments args, CancellationToken cancellationToken)
    {
        args.Expect(1, 1, "customer", "callback");
        var request = new RouteContactRequest
        {
            RequestId = RoutingClient.NewRequestId(),
            IvrSessionId = args.Required(0),
            CustomerId = args.Option("customer") ?? $"caller-{Guid.NewGuid().ToString("N")[..8]}",
            CallbackNumber = args.Option("callback") ?? string.Empty,
        };
        var decision = await client.Routing.RouteContactAsync(request, cancellationToken: cancellationToken);
        Console.WriteLine($"{Format.Name(decision.Outcome)}  contact {decision.ContactId}  customer {request.CustomerId}  {(decision.Outcome == RouteOutcome.Queued ? $"position {decision.Position}, estimated wait {Format.Wait(decision.EstimatedWait)}" : decision.AgentId)}");
        Console.WriteLine($"  reason: {decision.Reason}");
    }

    public static async Task Callback(RoutingClient client, Arguments args, CancellationToken cancellationToken)
    {
        args.Expect(2, 2);
        var request = new RequestCallbackRequest { RequestId = RoutingClient.NewRequestId(), ContactId = args.Required(0), CallbackNumber = args.Required(1) };
        Format.Contact(await client.Routing.RequestCallbackAsync(request, cancellationToken: cancellationToken));
    }
}
