using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Core.Internal;
using Orleans.Runtime;
using Routing.Abstractions;
using Routing.Core;

namespace Routing.Grains.Tests;

/// <summary>
/// Contacts, customers and IVR sessions are records made at the arrival rate: their activations are collected after
/// <see cref="RoutingGrainOptions.RecordCollectionAge"/>, and one that ends reads back whole and tells its watchers.
/// </summary>
[Collection(RoutingClusterCollection.Name)]
public sealed class RecordCollectionTests(RoutingClusterFixture cluster)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    [Fact]
    public void The_record_grains_are_collected_at_the_record_age_and_the_others_at_Orleans_default()
    {
        var services = cluster.Cluster.Silos[0].SiloHost.Services;
        var collection = services.GetRequiredService<IOptions<GrainCollectionOptions>>().Value;
        var age = services.GetRequiredService<IOptions<RoutingGrainOptions>>().Value.RecordCollectionAge;

        Assert.Equal(TimeSpan.FromMinutes(2), age);
        Assert.Equal(age, collection.ClassSpecificCollectionAge[typeof(ContactGrain).FullName!]);
        Assert.Equal(age, collection.ClassSpecificCollectionAge[typeof(CustomerGrain).FullName!]);
        Assert.Equal(age, collection.ClassSpecificCollectionAge[typeof(IvrSessionGrain).FullName!]);
        Assert.False(collection.ClassSpecificCollectionAge.ContainsKey(typeof(AgentGrain).FullName!));
        Assert.False(collection.ClassSpecificCollectionAge.ContainsKey(typeof(QueueGrain).FullName!));
    }

    [Fact]
    public async Task A_watched_contact_whose_activation_ends_tells_its_watchers_and_reads_back_whole()
    {
        var center = new CallCenter(cluster.Client);
        await center.CreateQueue("chat", CallCenter.QueueOf(Channel.Chat));
        await center.CreateAgent("ana", CallCenter.Chats(1), [("chat", 1)], CallCenter.Skills());
        var decision = await center.Routed("c1", "chat", Channel.Chat);
        Assert.Equal(ContactState.Offered, decision.State);
        var contact = center.Contact("c1");
        using var feed = center.Watch();
        var before = (await contact.Watch(feed.Reference))!;

        await contact.Cast<IGrainManagementExtension>().DeactivateOnIdle();

        Assert.True(await feed.WaitAsync(Deadline, CancellationToken.None), "the contact's watchers were not told its activation ended");
        var after = (await contact.Watch(feed.Reference))!;
        Assert.Equal((before.State, before.AgentId, before.Reason, before.Version), (after.State, after.AgentId, after.Reason, after.Version));
        Assert.Equal(
            (before.Ticket.ContactId, before.Ticket.QueueId, before.Ticket.CustomerId, before.Ticket.Priority, before.Ticket.ArrivedAt),
            (after.Ticket.ContactId, after.Ticket.QueueId, after.Ticket.CustomerId, after.Ticket.Priority, after.Ticket.ArrivedAt));
        Assert.Equal(before.Ticket.RequiredSkills, after.Ticket.RequiredSkills);
        Assert.Equal(before.Ticket.Attributes, after.Ticket.Attributes);
        Assert.True((await center.Agent("ana").AcceptOffer(center.Id("c1"))).IsOk);
        Assert.True(await feed.WaitAsync(Deadline, CancellationToken.None), "the next activation's watchers were not told of the accept");
        Assert.Equal(ContactState.Connected, (await contact.Watch(feed.Reference))!.State);
    }
}
