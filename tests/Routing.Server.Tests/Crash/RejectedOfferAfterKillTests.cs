using Routing.Api.V1;
using Xunit.Abstractions;

namespace Routing.Server.Tests.Crash;

/// <summary>
/// A reject that returned OK must leave the contact waiting in its place after a <c>kill -9</c>: the agent records the
/// return on the contact before answering, so a kill the moment the rejects return cannot leave a contact reading
/// OFFERED to an agent that holds nothing (it did, two runs in three, while the agent told the contact one-way).
/// </summary>
[Collection(CrashCollection.Name)]
public sealed class RejectedOfferAfterKillTests(ITestOutputHelper output) : IAsyncLifetime
{
    private readonly string workDirectory = CrashFiles.NewWorkDirectory();
    private bool passed;

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        CrashFiles.Release(workDirectory, passed, output);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Contacts_whose_offer_was_rejected_wait_in_their_places_after_kill_9()
    {
        await using var server = new ServerUnderTest(workDirectory);
        var contacts = await ContactOutcomeAfterKillTests.OfferedChatsAsync(server);
        await Task.WhenAll(contacts.Select(id => server.Client.Agents.RejectOfferAsync(
            new RejectOfferRequest { AgentId = ContactOutcomeAfterKillTests.AgentId, ContactId = id, RequestId = $"reject-{id}", Reason = "wrong skill" }, deadline: ContactOutcomeAfterKillTests.Deadline()).ResponseAsync));
        await server.KillAsync();

        await server.StartAsync();
        var (agent, views) = await ContactOutcomeAfterKillTests.ReadAsync(server.Client, contacts, output);
        Assert.Equal(AgentStatus.NotReady, agent.Status);
        Assert.Empty(agent.Assignments);
        Assert.Equal(
            contacts.Select((id, i) => (id, ContactState.Queued, string.Empty, i + 1)),
            views.Select(v => (v.ContactId, v.State, v.AgentId, v.Position)));
        passed = true;
    }
}
