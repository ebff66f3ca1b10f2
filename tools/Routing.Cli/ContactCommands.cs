using System.Globalization;
using Routing.Api.V1;
using Routing.Client;

namespace Routing.Cli;

/// <summary>route, watch, contact, cancel: a channel adapter's side of a contact.</summary>
internal static class ContactCommands
{
    public static async Task Route(RoutingClient client, Arguments args, CancellationToken cancellationToken)
    {
        args.Expect(2, 2, "customer", "skill", "priority", "request-id");
        var request = new RouteContactRequest
        {
            RequestId = args.Option("request-id") ?? RoutingClient.NewRequestId(),
            QueueId = args.Required(0),
            Channel = ParseChannel(args.Required(1)),
            // Customer history and sticky routing are per customer; a walk-in gets a one-off id.
            CustomerId = args.Option("customer") ?? $"walk-in-{Guid.NewGuid().ToString("N")[..8]}",
        };
        request.RequiredSkills.AddRange(args.All("skill").Select(ParseSkill));
        if (args.Option("priority") is { } priority)
        {
            request.Priority = ParseNumber(priority, "--priority");
        }

        var decision = await client.Routing.RouteContactAsync(request, cancellationToken: cancellationToken);
        var detail = decision.Outcome switch
        {
            RouteOutcome.Offered => $"offered to {decision.AgentId}",
            RouteOutcome.Queued => $"position {decision.Position}, estimated wait {Format.Wait(decision.EstimatedWait)}",
            _ => "",
        };
        Console.WriteLine($"{Format.Name(decision.Outcome)}  contact {decision.ContactId}  customer {request.CustomerId}  {detail}");
        Console.WriteLine($"  reason: {decision.Reason}");
    }

    public static async Task Watch(RoutingClient client, Arguments args, CancellationToken cancellationToken)
    {
        args.Expect(1, 1);
        await foreach (var update in client.WatchContactAsync(args.Required(0), cancellationToken))
        {
            Console.WriteLine(Format.ContactUpdate(update));
        }
    }

    public static async Task Show(RoutingClient client, Arguments args, CancellationToken cancellationToken)
    {
        args.Expect(1, 1);
        Format.Contact(await client.Routing.GetContactAsync(new GetContactRequest { ContactId = args.Required(0) }, cancellationToken: cancellationToken));
    }

    public static async Task Cancel(RoutingClient client, Arguments args, CancellationToken cancellationToken)
    {
        args.Expect(1, 1);
        var request = new CancelContactRequest { RequestId = RoutingClient.NewRequestId(), ContactId = args.Required(0) };
        Format.Contact(await client.Routing.CancelContactAsync(request, cancellationToken: cancellationToken));
    }

    public static async Task Feedback(RoutingClient client, Arguments args, CancellationToken cancellationToken)
    {
        args.Expect(1, 1, "csat", "nps", "comment");
        var request = new RecordFeedbackRequest { RequestId = RoutingClient.NewRequestId(), ContactId = args.Required(0), Comment = args.Option("comment") ?? string.Empty };
        if (args.Option("csat") is { } csat)
        {
            request.Csat = ParseNumber(csat, "--csat");
        }

        if (args.Option("nps") is { } nps)
        {
            request.Nps = ParseNumber(nps, "--nps");
        }

        Format.Contact(await client.Feedback.RecordFeedbackAsync(request, cancellationToken: cancellationToken));
    }

    private static Channel ParseChannel(string text) => text.ToUpperInvariant() switch
    {
        "VOICE" => Channel.Voice,
        "CHAT" => Channel.Chat,
        "EMAIL" => Channel.Email,
        _ => throw new UsageException($"unknown channel '{text}': voice, chat or email"),
    };

    // The level's range (1-10) is the router's rule; it answers InvalidArgument, so the tool only checks the shape.
    private static SkillRequirement ParseSkill(string text)
    {
        var parts = text.Split('=', 2);
        return parts.Length == 2 && parts[0].Length > 0
            ? new SkillRequirement { Skill = parts[0], MinLevel = ParseNumber(parts[1], $"--skill {text}") }
            : throw new UsageException($"--skill takes name=level, not '{text}'");
    }

    private static int ParseNumber(string text, string what) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number)
            ? number
            : throw new UsageException($"{what}: '{text}' is not a number");
}
