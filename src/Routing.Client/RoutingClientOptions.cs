namespace Routing.Client;

/// <summary>How the client reaches the router.</summary>
public sealed class RoutingClientOptions
{
    /// <summary>The most attempts gRPC will make of one call, whatever is asked (its channel's hard limit).</summary>
    public const int MaxAttemptsLimit = 5;

    /// <summary>The router's gRPC address: plaintext HTTP/2 unless https. Ignored when <see cref="Addresses"/> lists any.</summary>
    public Uri Address { get; set; } = new("http://127.0.0.1:50051");

    /// <summary>
    /// Several routers of one cluster (or standby servers), all http or all https. Calls go to the first that answers
    /// (<see cref="LoadBalancing"/> picks how) and move to another when it dies; a call that failed with Unavailable on
    /// the way is retried (<see cref="MaxAttempts"/>). Empty means <see cref="Address"/> alone.
    /// </summary>
    public IList<Uri> Addresses { get; set; } = [];

    /// <summary>How calls are spread over <see cref="Addresses"/>; unused with a single address.</summary>
    public LoadBalancingPolicy LoadBalancing { get; set; } = LoadBalancingPolicy.PickFirst;

    /// <summary>
    /// Attempts for a call that failed with Unavailable (a silo restarting, a server gone). Safe because every mutating
    /// call carries a request id the router deduplicates. 1 turns the client's retries off; at most <see cref="MaxAttemptsLimit"/>.
    /// </summary>
    public int MaxAttempts { get; set; } = 4;

    /// <summary>First back-off between attempts; it doubles each time.</summary>
    public TimeSpan InitialBackoff { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>
    /// The bearer token sent with every call, when the router checks tokens (<c>Routing:Auth</c>); null sends none,
    /// which a router on loopback with authentication off accepts. A shortcut for a <see cref="TokenProvider"/> that
    /// always answers the same; set one or the other.
    /// </summary>
    public string? BearerToken { get; set; }

    /// <summary>
    /// Asked for the bearer token before every call (tokens that expire: cache and refresh them here); null or empty
    /// sends none for that call. Its exception fails the call.
    /// </summary>
    public Func<CancellationToken, ValueTask<string?>>? TokenProvider { get; set; }

    /// <summary>
    /// The deadline given to a unary call whose caller set none, so a router that stopped answering fails the call
    /// with DeadlineExceeded instead of hanging it. Server streams (offers, a contact's updates) get none: they are
    /// meant to stay open. Null leaves unary calls without a deadline too.
    /// </summary>
    public TimeSpan? DefaultDeadline { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The addresses calls may go to: <see cref="Addresses"/>, or <see cref="Address"/> when it is empty.</summary>
    public IReadOnlyList<Uri> Endpoints() => Addresses is { Count: > 0 } ? [.. Addresses] : [Address];

    /// <summary>Throws an <see cref="ArgumentException"/> naming the first setting that cannot work.</summary>
    public void Validate()
    {
        if (Addresses is null)
        {
            throw new ArgumentException($"{nameof(RoutingClientOptions)}.{nameof(Addresses)} is null; leave it empty to use {nameof(Address)}", nameof(Addresses));
        }

        if (Addresses.Count == 0)
        {
            ValidateAddress(Address, nameof(Address));
        }

        for (var i = 0; i < Addresses.Count; i++)
        {
            ValidateAddress(Addresses[i], $"{nameof(Addresses)}[{i}]");
        }

        if (Addresses.Select(a => a.Scheme).Distinct(StringComparer.Ordinal).Count() > 1)
        {
            throw new ArgumentException($"{nameof(RoutingClientOptions)}.{nameof(Addresses)} mixes http and https; one channel speaks one of them", nameof(Addresses));
        }

        if (Addresses.Select(a => (a.Host.ToUpperInvariant(), a.Port)).Distinct().Count() < Addresses.Count)
        {
            throw new ArgumentException($"{nameof(RoutingClientOptions)}.{nameof(Addresses)} lists a host and port twice", nameof(Addresses));
        }

        if (!Enum.IsDefined(LoadBalancing))
        {
            throw new ArgumentException($"{nameof(RoutingClientOptions)}.{nameof(LoadBalancing)} {(int)LoadBalancing} is not a policy", nameof(LoadBalancing));
        }

        if (MaxAttempts is < 1 or > MaxAttemptsLimit)
        {
            throw new ArgumentException($"{nameof(RoutingClientOptions)}.{nameof(MaxAttempts)} is {MaxAttempts}; it must be 1 (no retries) to {MaxAttemptsLimit}", nameof(MaxAttempts));
        }

        if (InitialBackoff <= TimeSpan.Zero)
        {
            throw new ArgumentException($"{nameof(RoutingClientOptions)}.{nameof(InitialBackoff)} is {InitialBackoff}; it must be positive", nameof(InitialBackoff));
        }

        if (DefaultDeadline is { } deadline && deadline <= TimeSpan.Zero)
        {
            throw new ArgumentException($"{nameof(RoutingClientOptions)}.{nameof(DefaultDeadline)} is {deadline}; it must be positive, or null for none", nameof(DefaultDeadline));
        }

        if (BearerToken is not null && TokenProvider is not null)
        {
            throw new ArgumentException($"{nameof(RoutingClientOptions)} has both {nameof(BearerToken)} and {nameof(TokenProvider)}; set one", nameof(TokenProvider));
        }

        if (BearerToken is { Length: 0 } || (BearerToken is not null && BearerToken.Any(char.IsWhiteSpace)))
        {
            throw new ArgumentException($"{nameof(RoutingClientOptions)}.{nameof(BearerToken)} is empty or holds white space; leave it null to send none", nameof(BearerToken));
        }
    }

    private static void ValidateAddress(Uri? address, string name)
    {
        if (address is null || !address.IsAbsoluteUri || address.Scheme is not ("http" or "https"))
        {
            throw new ArgumentException($"{nameof(RoutingClientOptions)}.{name} '{address}' is not an absolute http or https URL", name);
        }

        if (address.AbsolutePath != "/" || address.Query.Length > 0)
        {
            throw new ArgumentException($"{nameof(RoutingClientOptions)}.{name} '{address}' has a path or query; gRPC takes a scheme, host and port only", name);
        }
    }
}
