using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Routing.Api.V1;

namespace Routing.Server.Tests.Hostile;

public static partial class HostileCorpus
{
    private static HostileCase FeedbackCase(string name, StatusCode expected, string message, Action<RecordFeedbackRequest> change) =>
        Case("RecordFeedback: " + name, expected, message, async c =>
        {
            var request = new RecordFeedbackRequest { RequestId = "fb-" + Guid.NewGuid().ToString("N"), ContactId = c.WaitingContactId, Csat = 5 };
            change(request);
            await c.Adapter.Feedback.RecordFeedbackAsync(request);
        });

    private static IEnumerable<HostileCase> SupervisionCases()
    {
        const StatusCode Invalid = StatusCode.InvalidArgument;
        yield return Case("GetQueueStats: empty queue_id", Invalid, "queue_id is required", async c => await c.Supervisor.Supervisor.GetQueueStatsAsync(new GetQueueStatsRequest()));
        yield return Case("GetQueueStats: unknown queue", StatusCode.NotFound, "queue 'no-such-queue' does not exist", async c => await c.Supervisor.Supervisor.GetQueueStatsAsync(new GetQueueStatsRequest { QueueId = "no-such-queue" }));
        yield return Case("GetQueueStats: queue_id with ESC", Invalid, @"queue_id 'a\u001b[31mred' is malformed", async c => await c.Supervisor.Supervisor.GetQueueStatsAsync(new GetQueueStatsRequest { QueueId = Hostile.Escape }));
        yield return Case("WatchQueueStats: 501 queues", Invalid, "queue_ids has 501 queues; at most 500 are allowed",
            c => ReadAllAsync(c.Supervisor.Supervisor.WatchQueueStats(new WatchQueueStatsRequest { QueueIds = { Enumerable.Range(0, 501).Select(i => $"q{i}") } })));
        yield return Case("WatchQueueStats: a malformed queue id", Invalid, "queue_ids 'has space' is malformed",
            c => ReadAllAsync(c.Supervisor.Supervisor.WatchQueueStats(new WatchQueueStatsRequest { QueueIds = { Hostile.Space } })));
        foreach (var (what, value, message) in Unrepresentable("min_interval"))
        {
            yield return Case($"WatchQueueStats: min_interval {what}", Invalid, message,
                c => ReadAllAsync(c.Supervisor.Supervisor.WatchQueueStats(new WatchQueueStatsRequest { QueueIds = { HostileCallers.QueueId }, MinInterval = value })));
        }

        yield return Case("WatchQueueStats: min_interval of 2 hours", Invalid, "min_interval of 7200 s is out of range 0 s to 1 h",
            c => ReadAllAsync(c.Supervisor.Supervisor.WatchQueueStats(new WatchQueueStatsRequest { QueueIds = { HostileCallers.QueueId }, MinInterval = Duration.FromTimeSpan(TimeSpan.FromHours(2)) })));

        yield return FeedbackCase("empty request_id", Invalid, "request_id is required", f => f.RequestId = "");
        yield return FeedbackCase("empty contact_id", Invalid, "contact_id is required", f => f.ContactId = "");
        yield return FeedbackCase("unknown contact", StatusCode.NotFound, "does not exist", f => f.ContactId = "no-such-contact");
        yield return FeedbackCase("CSAT 6", Invalid, "csat 6 is out of range 1-5", f => f.Csat = 6);
        yield return FeedbackCase("CSAT 0", Invalid, "csat 0 is out of range 1-5", f => f.Csat = 0);
        yield return FeedbackCase("NPS 11", Invalid, "nps 11 is out of range 0-10", f => f.Nps = 11);
        yield return FeedbackCase("NPS -1", Invalid, "nps -1 is out of range 0-10", f => f.Nps = -1);
        yield return FeedbackCase("nothing to record", Invalid, "feedback needs a CSAT score, an NPS score or a comment", f => f.ClearCsat());
        yield return FeedbackCase("comment of 4,001 characters", Invalid, "comment is 4001 characters long; at most 4000 are allowed", f => f.Comment = Hostile.Long(4001));
        yield return FeedbackCase("comment with ESC", Invalid, "comment contains control character U+001B", f => f.Comment = Hostile.Escape);
        yield return FeedbackCase("feedback for a contact still waiting", StatusCode.FailedPrecondition, "feedback is for a contact an agent answered and finished", _ => { });
    }
}
