namespace Routing.Grains;

/// <summary>A customer: sees one person calling twice, knows its tier and last agent, keeps a bounded contact history.</summary>
public sealed class CustomerGrain(
    [PersistentState("customer", StorageNames.Routing)] IPersistentState<CustomerState> state,
    IOptions<RoutingGrainOptions> options,
    GrainReferences grains) : Grain, ICustomerGrain
{
    public Task<CustomerContext> Context(string contactId)
    {
        var lastServed = LastServed();
        return Task.FromResult(new CustomerContext(
            [.. state.State.InProgress.Where(c => c != contactId)],
            state.State.Profile?.Tier ?? CustomerTier.Standard,
            lastServed?.AgentId,
            lastServed?.EndedAt));
    }

    public async Task ContactStarted(string contactId)
    {
        if (state.State.InProgress.Contains(contactId) || state.State.History.Any(h => h.ContactId == contactId))
        {
            return;
        }

        var others = state.State.InProgress.ToList();
        state.State.InProgress.Add(contactId);
        await state.WriteOrDeactivateAsync(this);

        // Flagged on both: the contacts already open learn of this one.
        foreach (var other in others)
        {
            grains.Get<IContactGrain>(other).AnotherContactStarted(contactId).Ignore();
        }
    }

    public async Task ContactEnded(CustomerContactRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (!state.State.InProgress.Remove(record.ContactId) && state.State.History.Any(h => h.ContactId == record.ContactId))
        {
            return;
        }

        state.State.History.Insert(0, record);
        if (state.State.History.Count > options.Value.CustomerHistoryLength)
        {
            state.State.History.RemoveRange(options.Value.CustomerHistoryLength, state.State.History.Count - options.Value.CustomerHistoryLength);
        }

        await state.WriteOrDeactivateAsync(this);
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

    private CustomerView View() => new(
        this.GetPrimaryKeyString(),
        [.. state.State.InProgress],
        [.. state.State.History],
        LastServed()?.AgentId,
        state.State.Profile);
}
