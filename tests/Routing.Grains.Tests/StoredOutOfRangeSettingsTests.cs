using Orleans.Storage;
using Routing.Abstractions;
using Routing.Core;

namespace Routing.Grains.Tests;

/// <summary>
/// Settings outside ConfigurationLimits are refused by the grains themselves, not only at the gRPC edge; and a queue or
/// agent stored with one before the limits existed (a 10,000-year offer timeout or wrap-up once made every claim and
/// completion throw, and the agent retry its pull forever) works with the nearest value in range.
/// </summary>
[Collection(RoutingClusterCollection.Name)]
public sealed class StoredOutOfRangeSettingsTests(RoutingClusterFixture cluster)
{
    private static readonly TimeSpan TenThousandYears = TimeSpan.FromDays(3_652_500);

    [Fact]
    public async Task A_queue_or_agent_configured_out_of_range_is_refused_by_its_grain()
    {
        var center = new CallCenter(cluster.Client);
        var queue = await center.Queue("line").Configure(CallCenter.QueueOf(Channel.Voice) with { OfferTimeout = TenThousandYears });
        await center.CreateQueue("ok", CallCenter.QueueOf(Channel.Voice));
        var agent = await center.Agent("ana").Configure(new AgentDefinition(
            "ana", CallCenter.Skills(), CallCenter.ExclusiveVoice, new Dictionary<Channel, TimeSpan> { [Channel.Voice] = TenThousandYears }, [new QueueMembership(center.Id("ok"), 1)]));

        Assert.Equal((ReplyStatus.InvalidArgument, "offer_timeout of 3652500 d is out of range 1 s to 1 d"), (queue.Status, queue.Message));
        Assert.Equal((ReplyStatus.InvalidArgument, "wrap_up for voice of 3652500 d is out of range 0 s to 1 d"), (agent.Status, agent.Message));
        Assert.Null(await center.Queue("line").GetDefinition());
        Assert.Null(await center.Agent("ana").Get());
    }

    [Fact]
    public async Task A_queue_and_agent_stored_with_10000_year_settings_offer_complete_and_end_wrap_up_with_the_nearest_in_range()
    {
        var center = new CallCenter(cluster.Client);
        var stored = CallCenter.QueueOf(Channel.Voice) with { OfferTimeout = TenThousandYears, StarvationBound = TenThousandYears };
        await cluster.Storage.WriteStateAsync("queue", center.Queue("line").GetGrainId(), new GrainState<QueueState>(new QueueState { Definition = stored }));
        var agentDefinition = new AgentDefinition(
            "ana", CallCenter.Skills(), CallCenter.ExclusiveVoice, new Dictionary<Channel, TimeSpan> { [Channel.Voice] = TenThousandYears }, [new QueueMembership(center.Id("line"), 1)]);
        await cluster.Storage.WriteStateAsync("agent", center.Agent("ana").GetGrainId(), new GrainState<AgentState>(new AgentState { Definition = agentDefinition }));

        var definition = (await center.Queue("line").GetDefinition())!;
        Assert.Equal((ConfigurationLimits.OfferTimeout.Max, ConfigurationLimits.StarvationBound.Max), (definition.OfferTimeout, definition.StarvationBound));
        var ana = center.Agent("ana");
        Assert.True((await ana.SetPresence(AgentPresence.Available, string.Empty)).IsOk);
        await center.QueueSees("line", loggedIn: 1, available: 1);

        Assert.Equal(ContactState.Offered, (await center.Routed("call", "line", Channel.Voice)).State);
        Assert.True((await ana.AcceptOffer(center.Id("call"))).IsOk);
        var completed = await ana.CompleteContact(center.Id("call"), "resolved");
        Assert.True(completed.IsOk, completed.Message);
        Assert.Equal(AssignmentPhase.WrapUp, completed.Value!.Phase);
        var ended = await ana.EndWrapUp(center.Id("call"));
        Assert.True(ended.IsOk, ended.Message);
    }
}
