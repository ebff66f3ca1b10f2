namespace Routing.Grains;

/// <summary>
/// The last few outcomes by contact id, oldest forgotten first: lets a retried request (or a hang-up racing an
/// answer) find out what already happened. In memory only, since it covers seconds, not restarts.
/// </summary>
internal sealed class RecentOutcomes<TOutcome>(int capacity)
{
    private readonly Dictionary<string, TOutcome> outcomes = new(StringComparer.Ordinal);
    private readonly Queue<string> order = new();

    public void Remember(string contactId, TOutcome outcome)
    {
        if (outcomes.TryAdd(contactId, outcome))
        {
            order.Enqueue(contactId);
        }
        else
        {
            outcomes[contactId] = outcome;
        }

        while (order.Count > capacity)
        {
            outcomes.Remove(order.Dequeue());
        }
    }

    public bool TryGet(string contactId, out TOutcome outcome) => outcomes.TryGetValue(contactId, out outcome!);

    public TOutcome? GetValueOrDefault(string contactId) => outcomes.GetValueOrDefault(contactId);
}
