using Routing.Api.V1;
using Routing.Client;

namespace Routing.Cli;

/// <summary>queues, stats, estimate: what supervisors and the IVR see of the queues.</summary>
internal static class QueueCommands
{
    public static async Task Queues(RoutingClient client, Arguments args, CancellationToken cancellationToken)
    {
        args.Expect(0, 0);
        var response = await client.Supervisor.ListQueuesAsync(new ListQueuesRequest(), cancellationToken: cancellationToken);
        foreach (var queue in response.Queues)
        {
            var channels = string.Join(',', queue.Channels.Select(Format.Channel));
            Console.WriteLine($"{queue.QueueId,-11} {queue.Name,-21} {channels,-17} waiting {queue.Waiting}");
        }
    }

    public static async Task Stats(RoutingClient client, Arguments args, CancellationToken cancellationToken)
    {
        args.Expect(1, 1);
        var stats = await client.Supervisor.GetQueueStatsAsync(new GetQueueStatsRequest { QueueId = args.Required(0) }, cancellationToken: cancellationToken);
        Console.WriteLine($"{stats.Name} [{stats.QueueId}]");
        Console.WriteLine($"  waiting       {stats.Waiting} (longest {Format.Wait(stats.LongestWait ?? new())}), {stats.Offered} offered to an agent");
        Console.WriteLine($"  new contact   estimated wait {Format.Wait(stats.EstimatedWaitForNewContact)}");
        Console.WriteLine($"  agents        {stats.AgentsLoggedIn} logged in: {stats.AgentsAvailable} available, {stats.AgentsBusy} busy, "
            + $"{stats.AgentsNotReady} not ready, {stats.AgentsInWrapUp} in wrap-up");
        Console.WriteLine($"  contacts      {stats.OffersMade} offers made, {stats.Answered} answered, {stats.Abandoned} abandoned");
        Console.WriteLine($"  handle time   {(stats.AverageHandleTime is null ? "none yet" : Format.Wait(stats.AverageHandleTime) + " on average")}");
        Console.WriteLine($"  last {Format.Wait(stats.WindowLength)}  {Period(stats.Window, stats)}");
        Console.WriteLine($"  today         {Period(stats.SinceMidnight, stats)}");
    }

    private static string Period(PeriodStats p, QueueStats stats) =>
        $"{p.Offered} offered, {p.Answered} answered, {p.Abandoned} abandoned ({p.AbandonRate:0.#%}); "
        + $"service level {(p.HasServiceLevel ? p.ServiceLevel.ToString("0.#%", System.Globalization.CultureInfo.InvariantCulture) : "-")} (target {stats.ServiceLevelPercent}% in {Format.Wait(stats.ServiceLevelTarget)}); "
        + $"ASA {(p.AverageSpeedOfAnswer is null ? "-" : Format.Wait(p.AverageSpeedOfAnswer))}, AHT {(p.AverageHandleTime is null ? "-" : Format.Wait(p.AverageHandleTime))}, first response {(p.AverageFirstResponse is null ? "-" : Format.Wait(p.AverageFirstResponse))}; "
        + $"CSAT {(p.CsatResponses > 0 ? p.AverageCsat.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) : "-")}; turned away {p.TurnedAwayFull}, callbacks {p.Callbacks}";

    public static async Task Estimate(RoutingClient client, Arguments args, CancellationToken cancellationToken)
    {
        args.Expect(1, 1);
        var estimate = await client.Routing.GetQueueEstimateAsync(new GetQueueEstimateRequest { QueueId = args.Required(0) }, cancellationToken: cancellationToken);
        Console.WriteLine($"{estimate.QueueId}: {estimate.Waiting} waiting, agents available: {estimate.AgentsAvailable}, "
            + $"estimated wait {Format.Wait(estimate.EstimatedWait)}, "
            + $"{estimate.ProbabilityAnsweredWithinTarget.ToString("0.#%", System.Globalization.CultureInfo.InvariantCulture)} chance of an answer within {Format.Wait(estimate.ServiceLevelTarget)}");
    }
}
