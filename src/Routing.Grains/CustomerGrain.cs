namespace Routing.Grains;

/// <summary>A customer: sees one person calling twice, and keeps a bounded contact history.</summary>
public sealed class CustomerGrain(
    [PersistentState("customer", StorageNames.Routing)] IPersistentState<CustomerState> state,
    IOptions<RoutingGrainOptions> options) : Grain, ICustomerGrain
{
    public async Task<IReadOnlyList<string>> ContactStarted(string contactId)
    {
        var others = state.State.InProgress.Where(c => c != contactId).ToList();
        if (!state.State.InProgress.Contains(contactId))
        {
            state.State.InProgress.Add(contactId);
            await state.WriteStateAsync();
        }

        return others;
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

        await state.WriteStateAsync();
    }

    public Task<CustomerView> Get() => Task.FromResult(new CustomerView(
        this.GetPrimaryKeyString(),
        [.. state.State.InProgress],
        [.. state.State.History],
        // The last agent who actually served the customer, not one whose offer rang while the customer hung up.
        state.State.History.FirstOrDefault(h => h.Outcome == ContactState.Completed && h.AgentId is not null)?.AgentId));
}
