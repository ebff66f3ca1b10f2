using Routing.Abstractions;
using Routing.Core;

namespace Routing.Grains.Tests;

/// <summary>A waiting contact's estimate counts the contacts its own channel serves before it, not the whole line.</summary>
[Collection(RoutingClusterCollection.Name)]
public sealed class WaitEstimateTests(RoutingClusterFixture cluster)
{
    [Fact]
    public async Task A_chat_behind_three_calls_is_estimated_as_first_of_the_chats()
    {
        var center = new CallCenter(cluster.Client);
        var queue = await center.CreateQueue("mixed", CallCenter.QueueOf(Channel.Voice, Channel.Chat));
        await center.CreateAgent("vic", CallCenter.ExclusiveVoice, [("mixed", 1)]);
        await center.CreateAgent("cat", CallCenter.Chats(1), [("mixed", 1)]);
        await center.QueueSees("mixed", loggedIn: 2, available: 2);

        // Both agents busy, then three calls and one chat wait.
        Assert.Equal(ContactState.Offered, (await center.Routed("call-0", "mixed", Channel.Voice)).State);
        Assert.Equal(ContactState.Offered, (await center.Routed("chat-0", "mixed", Channel.Chat)).State);
        for (var i = 1; i <= 3; i++)
        {
            Assert.Equal(ContactState.Queued, (await center.Routed($"call-{i}", "mixed", Channel.Voice)).State);
        }

        Assert.Equal(ContactState.Queued, (await center.Routed("chat-1", "mixed", Channel.Chat)).State);

        var firstCall = await queue.GetContactStatus(center.Id("call-1"));
        var secondCall = await queue.GetContactStatus(center.Id("call-2"));
        var chat = await queue.GetContactStatus(center.Id("chat-1"));

        // Fourth in the line it is shown, but only the one chat agent's work stands before it: as long as the first
        // call waits for the one voice agent, and shorter than the second call.
        Assert.Equal(4, chat.Position);
        Assert.NotNull(chat.EstimatedWait);
        Assert.NotNull(firstCall.EstimatedWait);
        Assert.True(chat.EstimatedWait < secondCall.EstimatedWait, $"the chat's {chat.EstimatedWait} is not below the second call's {secondCall.EstimatedWait}");
        Assert.True(chat.EstimatedWait <= firstCall.EstimatedWait * 1.5, $"the chat's {chat.EstimatedWait} is far above the first call's {firstCall.EstimatedWait}");

        // A new chat would be second among the chats; a new call fourth among the calls.
        var newChat = (await queue.EstimateForNewContact(Channel.Chat)).Value!;
        var newCall = (await queue.EstimateForNewContact(Channel.Voice)).Value!;
        Assert.True(newChat.Wait < newCall.Wait, $"a new chat's {newChat.Wait} is not below a new call's {newCall.Wait}");
    }
}
