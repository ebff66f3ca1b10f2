namespace Routing.Abstractions;

/// <summary>
/// A stored row could not be read as the state it should hold: not JSON, or JSON of another shape. The grain does
/// not activate, and its row is left as it is for an operator to repair; reading it as "nothing stored" would make
/// the router forget an agent or a queue, or seed a demo center over a real one. The server answers it with gRPC
/// <c>DataLoss</c>.
/// </summary>
[GenerateSerializer, Alias("routing.stored-state-unreadable")]
public sealed class StoredStateUnreadableException : OrleansException
{
    public StoredStateUnreadableException()
    {
    }

    public StoredStateUnreadableException(string message)
        : base(message)
    {
    }

    public StoredStateUnreadableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
