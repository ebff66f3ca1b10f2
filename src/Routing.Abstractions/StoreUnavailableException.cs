namespace Routing.Abstractions;

/// <summary>
/// A grain could not make its change durable: the store failed or timed out. Nothing the call did may be assumed;
/// the grain has dropped its activation so that its memory is never ahead of its storage, and a retry with the same
/// request id repeats the whole operation. The server answers it with gRPC <c>Unavailable</c>.
/// </summary>
/// <remarks>An <see cref="OrleansException"/>, so Orleans' storage bridge passes it on as it is instead of wrapping it.</remarks>
[GenerateSerializer, Alias("routing.store-unavailable")]
public sealed class StoreUnavailableException : OrleansException
{
    public StoreUnavailableException()
    {
    }

    public StoreUnavailableException(string message)
        : base(message)
    {
    }

    public StoreUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
