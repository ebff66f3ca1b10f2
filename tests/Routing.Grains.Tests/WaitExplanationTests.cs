using Routing.Abstractions;
using Routing.Core;

namespace Routing.Grains.Tests;

/// <summary>A waiting contact is told, in plain words, why no agent has taken it.</summary>
[Collection(RoutingClusterCollection.Name)]
public sealed class WaitExplanationTests(RoutingClusterFixture cluster)
{
    [Fact]
    public async Task Contact_needing_billing_7_waits_when_the_only_logged_in_agent_has_billing_5()
    {
        const string Expected = "no logged-in agent has billing >= 7";
        var center = new CallCenter(cluster.Client);
        var queue = await center.CreateQueue("billing", CallCenter.QueueOf(Channel.Voice));
        var ana = await center.CreateAgent("ana", CallCenter.ExclusiveVoice, [("billing", 1)], CallCenter.Skills(("billing", 5)));

        // An expert who is logged out does not count.
        await center.CreateAgent("expert", CallCenter.ExclusiveVoice, [("billing", 1)], CallCenter.Skills(("billing", 9)), presence: AgentPresence.LoggedOut);
        await center.QueueSees("billing", loggedIn: 1, available: 1);

        var decision = await center.Routed("call", "billing", Channel.Voice, skills: new SkillRequirement("billing", 7));

        Assert.Equal((ContactState.Queued, 1, Expected), (decision.State, decision.Position, decision.Reason));
        var status = await queue.GetContactStatus(center.Id("call"));
        Assert.Equal((true, 1, null, Expected), (status.InQueue, status.Position, status.OfferedTo, status.Explanation));
        Assert.Empty((await ana.Get())!.Assignments);
    }

    [Fact]
    public async Task Chat_waits_when_every_eligible_agent_is_at_chat_capacity()
    {
        const string Expected = "all 2 eligible agents at chat capacity";
        var center = new CallCenter(cluster.Client);
        var queue = await center.CreateQueue("chat", CallCenter.QueueOf(Channel.Chat));
        await center.CreateAgent("ana", CallCenter.Chats(2), [("chat", 1)]);
        await center.CreateAgent("ben", CallCenter.Chats(2), [("chat", 1)]);

        // Serves the queue but takes no chat: not one of the eligible agents.
        await center.CreateAgent("vic", CallCenter.ExclusiveVoice, [("chat", 1)]);
        await center.QueueSees("chat", loggedIn: 3, available: 3);
        for (var i = 1; i <= 4; i++)
        {
            Assert.Equal(ContactState.Offered, (await center.Routed($"chat-{i}", "chat", Channel.Chat)).State);
        }

        var decision = await center.Routed("fifth", "chat", Channel.Chat);

        Assert.Equal((ContactState.Queued, 1), (decision.State, decision.Position));
        var status = await Poll.Eventually(
            () => queue.GetContactStatus(center.Id("fifth")),
            s => s.Explanation == Expected,
            $"the fifth chat should be explained as '{Expected}'");
        Assert.Equal((true, 1, null, Expected), (status.InQueue, status.Position, status.OfferedTo, status.Explanation));
        Assert.Equal(2, (await center.HeldBy("ana")).Count);
        Assert.Equal(2, (await center.HeldBy("ben")).Count);
        Assert.Empty(await center.HeldBy("vic"));
    }
}
