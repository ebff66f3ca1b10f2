namespace Routing.Client;

/// <summary>How the client reaches the router.</summary>
public sealed class RoutingClientOptions
{
    /// <summary>The router's gRPC address: plaintext HTTP/2 unless https.</summary>
    public Uri Address { get; set; } = new("http://127.0.0.1:50051");

    /// <summary>
    /// Attempts for a call that failed with Unavailable (a silo restarting). Safe because every mutating call carries
    /// a request id the router deduplicates. 1 turns the client's retries off.
    /// </summary>
    public int MaxAttempts { get; set; } = 4;

    /// <summary>
    /// The bearer token sent with every call, when the router checks tokens (<c>Routing:Auth</c>); null sends none,
    /// which a router on loopback with authentication off accepts.
    /// </summary>
    public string? BearerToken { get; set; }

    /// <summary>First back-off between attempts; it doubles each time.</summary>
    public TimeSpan InitialBackoff { get; set; } = TimeSpan.FromMilliseconds(200);
}
