using Orleans.Storage;
using Routing.Abstractions;
using Routing.Core;

namespace Routing.Grains.Tests;

/// <summary>
/// One customer id with a thousand contacts open (a gateway sending "anonymous" for every caller it cannot identify)
/// costs a new contact what it costs any customer: one entry of the customer's written, no other contact rewritten,
/// the customer's own row untouched. Each contact once told every open one of the new one, and saved it.
/// </summary>
[Collection(RoutingClusterCollection.Name)]
public sealed class BusyCustomerTests(RoutingClusterFixture cluster)
{
    private const int OpenContacts = 1000;
    private const int ListedContacts = 10;

    [Fact]
    public async Task A_contact_of_a_customer_with_1000_open_writes_one_entry_and_rewrites_no_other_contact_nor_the_customer()
    {
        var center = new CallCenter(cluster.Client);
        await center.CreateQueue("line", CallCenter.QueueOf(Channel.Chat) with { MaxWaiting = 2 * OpenContacts });
        await center.Customer("anonymous").SetProfile(new CustomerProfile("Unidentified callers", CustomerTier.Standard, null));
        foreach (var batch in Enumerable.Range(0, OpenContacts).Chunk(100))
        {
            await Task.WhenAll(batch.Select(i => center.Routed($"c{i}", "line", Channel.Chat, customer: "anonymous")));
        }

        var customerBefore = await Stored<CustomerState>("customer", center.Customer("anonymous"));
        var firstBefore = await Stored<ContactRecord>("contact", center.Contact("c0"));

        Assert.Equal(ContactState.Queued, (await center.Routed("newest", "line", Channel.Chat, customer: "anonymous")).State);

        Assert.Equal(customerBefore.ETag, (await Stored<CustomerState>("customer", center.Customer("anonymous"))).ETag);
        Assert.Equal(firstBefore.ETag, (await Stored<ContactRecord>("contact", center.Contact("c0"))).ETag);
        var open = await cluster.Entries.ReadEntriesAsync<CustomerOpenContact>(CustomerGrain.OpenContactEntries, center.Customer("anonymous").GetGrainId());
        Assert.Equal(OpenContacts + 1, open.Count);

        var newest = (await center.Contact("newest").Get())!;
        Assert.Equal(OpenContacts, newest.OtherContactsOpen);
        Assert.Equal(ListedContacts, newest.OtherContactsInProgress.Count);
        var first = (await center.Contact("c0").Get())!;
        Assert.Equal(OpenContacts, first.OtherContactsOpen);
        var firstBatch = Enumerable.Range(0, 100).Select(i => center.Id($"c{i}")).ToHashSet();
        var view = await center.Customer("anonymous").Get();
        Assert.Equal(OpenContacts + 1, view.ContactsOpen);
        Assert.Equal(ListedContacts, view.InProgress.Count);
        Assert.Subset(firstBatch, view.InProgress.ToHashSet());
    }

    [Fact]
    public async Task A_customer_stored_with_its_open_contacts_in_its_row_moves_them_to_entries_when_it_activates()
    {
        var center = new CallCenter(cluster.Client);
        var customer = center.Customer("old");
        var legacy = new CustomerState { InProgress = [center.Id("a"), center.Id("b")] };
        await cluster.Storage.WriteStateAsync("customer", customer.GetGrainId(), new GrainState<CustomerState>(legacy));

        var view = await customer.Get();

        Assert.Equal((2, 2), (view.ContactsOpen, view.InProgress.Count));
        Assert.Equal(2, (await cluster.Entries.ReadEntriesAsync<CustomerOpenContact>(CustomerGrain.OpenContactEntries, customer.GetGrainId())).Count);
        Assert.Null((await Stored<CustomerState>("customer", customer)).State!.InProgress);
    }

    private async Task<GrainState<T>> Stored<T>(string stateName, IAddressable grain)
        where T : new()
    {
        var stored = new GrainState<T>();
        await cluster.Storage.ReadStateAsync(stateName, grain.GetGrainId(), stored);
        return stored;
    }
}
