namespace Routing.Core.Tests;

public sealed class PreferredAgentTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    private static AgentWorkView Agent(string id) =>
        new(id, new Dictionary<string, int>(), CapacityProfile.Of((Channel.Voice, new ChannelCapacity(1, Exclusive: true))), []);

    [Fact]
    public void A_contact_reserved_for_its_preferred_agent_is_passed_over_by_others_until_the_reservation_lapses()
    {
        var line = new WaitingList(new AgingPolicy(TimeSpan.FromMinutes(10)));
        line.Add(new WaitingContact("regular", Channel.Voice, 10, [], T0, 1, ReservedFor: "ana", ReservedUntil: T0.AddSeconds(30)));
        line.Add(new WaitingContact("other", Channel.Voice, 10, [], T0.AddSeconds(1), 2));

        Assert.Equal("other", line.BestFor(Agent("bob"), [], T0.AddSeconds(10))!.ContactId);
        Assert.Equal("regular", line.BestFor(Agent("ana"), [], T0.AddSeconds(10))!.ContactId);
        Assert.Equal("regular", line.BestFor(Agent("bob"), [], T0.AddSeconds(30))!.ContactId);
    }
}
