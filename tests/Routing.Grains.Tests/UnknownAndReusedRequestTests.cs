using Orleans.Runtime;
using Routing.Abstractions;
using Routing.Core;

namespace Routing.Grains.Tests;

/// <summary>
/// Asking for contacts nobody routed leaves no activations behind (a flood of random ids once kept ~4 KB each until
/// collection), and a cancel keeps its request id as callbacks and feedback do: a retry answers again, the same id
/// asking the contact for something else is refused.
/// </summary>
[Collection(RoutingClusterCollection.Name)]
public sealed class UnknownAndReusedRequestTests(RoutingClusterFixture cluster)
{
    private const int UnknownIds = 200;

    [Fact]
    public async Task Contacts_asked_for_by_unknown_ids_are_not_left_active()
    {
        var center = new CallCenter(cluster.Client);
        var ids = Enumerable.Range(0, UnknownIds).Select(i => center.Id($"nobody-{i}")).ToList();

        foreach (var id in ids)
        {
            Assert.Null(await cluster.Client.GetGrain<IContactGrain>(id).Get());
            Assert.Equal(ReplyStatus.NotFound, (await cluster.Client.GetGrain<IContactGrain>(id).Cancel()).Status);
        }

        var management = cluster.Client.GetGrain<IManagementGrain>(0);
        await Poll.Eventually(
            async () =>
            {
                var active = await management.GetDetailedGrainStatistics([typeof(ContactGrain).FullName!]);
                return !active.Any(s => ids.Contains(s.GrainId.Key.ToString()!));
            },
            Poll.Timeout,
            "the unknown contacts' activations to be gone");
    }

    [Fact]
    public async Task A_cancel_retried_answers_again_and_its_id_asking_the_contact_for_feedback_is_refused()
    {
        var center = new CallCenter(cluster.Client);
        await center.CreateQueue("line", CallCenter.QueueOf(Channel.Voice));
        await center.Routed("call", "line", Channel.Voice);
        var cancel = new RequestKey("hang-up-1", "cancel-fingerprint");

        var first = await center.Contact("call").Cancel(cancel);
        var retried = await center.Contact("call").Cancel(cancel);
        var reused = await center.Contact("call").RecordFeedback(new CustomerFeedback(5, null, string.Empty), new RequestKey("hang-up-1", "feedback-fingerprint"));

        Assert.Equal((ContactState.Abandoned, ContactState.Abandoned), (first.Value!.State, retried.Value!.State));
        Assert.Equal(
            (ReplyStatus.FailedPrecondition, $"request id 'hang-up-1' already asked contact '{center.Id("call")}' for a cancel; use a new request id"),
            (reused.Status, reused.Message));
    }
}
