using Microsoft.Extensions.DependencyInjection;

namespace Routing.Grains;

/// <summary>
/// A customer: sees one person calling twice, knows its tier and last agent, keeps a bounded contact history. It
/// alone knows its open contacts, one stored entry each, so a contact starting or ending costs the same however many
/// the customer has open; contacts ask for the others when they need them.
/// </summary>
public sealed class CustomerGrain(
    [PersistentState("customer", StorageNames.Routing)] IPersistentState<CustomerState> state,
    [FromKeyedServices(StorageNames.Routing)] IGrainEntryStorage entryStorage,
    TimeProvider clock,
    IOptions<RoutingGrainOptions> options) : Grain, ICustomerGrain
{
    /// <summary>The state name of the customer's open contacts, one entry each.</summary>
    public const string OpenContactEntries = "customer-open";

    private DurableEntries<CustomerOpenContact> open = null!;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        open = new DurableEntries<CustomerOpenContact>(entryStorage, OpenContactEntries, this);
        await open.LoadAsync();
        if (state.State.InProgress is { } legacy)
        {
            foreach (var contactId in legacy.Where(id => open.Get(id) is null))
            {
                await open.SetAsync(contactId, new CustomerOpenContact(clock.GetUtcNow()));
            }

            state.State.InProgress = null;
            await state.WriteOrDeactivateAsync(this);
        }
    }

    public Task<CustomerContext> Context(string contactId)
    {
        var lastServed = LastServed();
        var others = open.Count - (open.Get(contactId) is null ? 0 : 1);
        return Task.FromResult(new CustomerContext(
            OpenContacts(except: contactId),
            state.State.Profile?.Tier ?? CustomerTier.Standard,
            lastServed?.AgentId,
            lastServed?.EndedAt,
            others));
    }

    public async Task ContactStarted(string contactId)
    {
        if (open.Get(contactId) is null && !state.State.History.Any(h => h.ContactId == contactId))
        {
            await open.SetAsync(contactId, new CustomerOpenContact(clock.GetUtcNow()));
        }
    }

    public async Task ContactEnded(CustomerContactRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);

        // History first: a retry after a failed removal finds it recorded and only removes the entry.
        if (!state.State.History.Any(h => h.ContactId == record.ContactId))
        {
            state.State.History.Insert(0, record);
            if (state.State.History.Count > options.Value.CustomerHistoryLength)
            {
                state.State.History.RemoveRange(options.Value.CustomerHistoryLength, state.State.History.Count - options.Value.CustomerHistoryLength);
            }

            await state.WriteOrDeactivateAsync(this);
        }

        await open.RemoveAsync(record.ContactId);
    }

    public async Task FeedbackGiven(string contactId, CustomerFeedback feedback)
    {
        ArgumentNullException.ThrowIfNull(feedback);
        var index = state.State.History.FindIndex(h => h.ContactId == contactId);
        if (index >= 0 && feedback.Csat is { } csat && state.State.History[index].Satisfaction != csat)
        {
            state.State.History[index] = state.State.History[index] with { Satisfaction = csat };
            await state.WriteOrDeactivateAsync(this);
        }
    }

    public async Task<CustomerView> SetProfile(CustomerProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        state.State.Profile = profile;
        await state.WriteOrDeactivateAsync(this);
        return View();
    }

    public Task<CustomerView> Get() => Task.FromResult(View());

    // The last agent who actually served the customer, not one whose offer rang while the customer hung up.
    private CustomerContactRecord? LastServed() =>
        state.State.History.FirstOrDefault(h => h.Outcome == ContactState.Completed && h.AgentId is not null);

    // The earliest few, as many as a person answering the customer can take in; a partial sort, so listing them
    // costs no storage and next to no time even for an id with thousands open.
    private List<string> OpenContacts(string? except = null) =>
        [.. open.Items.Where(c => c.Key != except).OrderBy(c => c.Value.StartedAt).ThenBy(c => c.Key, StringComparer.Ordinal)
            .Take(options.Value.CustomerOpenContactsListed).Select(c => c.Key)];

    private CustomerView View() => new(
        this.GetPrimaryKeyString(),
        OpenContacts(),
        [.. state.State.History],
        LastServed()?.AgentId,
        state.State.Profile,
        open.Count);
}
