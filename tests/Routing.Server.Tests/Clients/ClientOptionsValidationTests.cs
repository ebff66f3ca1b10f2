using Routing.Client;

namespace Routing.Server.Tests.Clients;

/// <summary>Options that cannot work are refused when the client is built, naming the setting.</summary>
public sealed class ClientOptionsValidationTests
{
    public static TheoryData<string, Action<RoutingClientOptions>, string> Broken() => new()
    {
        { "relative", o => o.Address = new Uri("/router", UriKind.Relative), "Address '/router' is not an absolute http or https URL" },
        { "not http", o => o.Address = new Uri("ftp://127.0.0.1:50051"), "Address 'ftp://127.0.0.1:50051/' is not an absolute http or https URL" },
        { "with a path", o => o.Address = new Uri("http://127.0.0.1:50051/routing"), "has a path or query" },
        { "a null address", o => o.Addresses = [new Uri("http://127.0.0.1:1"), null!], "Addresses[1] '' is not an absolute http or https URL" },
        { "mixed schemes", o => o.Addresses = [new Uri("http://127.0.0.1:1"), new Uri("https://127.0.0.1:2")], "mixes http and https" },
        { "twice", o => o.Addresses = [new Uri("http://router-a:1"), new Uri("http://ROUTER-A:1")], "lists a host and port twice" },
        { "null list", o => o.Addresses = null!, "Addresses is null" },
        { "no attempts", o => o.MaxAttempts = 0, "MaxAttempts is 0; it must be 1 (no retries) to 5" },
        { "too many attempts", o => o.MaxAttempts = 6, "MaxAttempts is 6" },
        { "zero back-off", o => o.InitialBackoff = TimeSpan.Zero, "InitialBackoff is 00:00:00; it must be positive" },
        { "negative deadline", o => o.DefaultDeadline = TimeSpan.FromSeconds(-1), "DefaultDeadline is -00:00:01; it must be positive, or null for none" },
        { "two token sources", o => (o.BearerToken, o.TokenProvider) = ("t", _ => ValueTask.FromResult<string?>("t")), "has both BearerToken and TokenProvider; set one" },
        { "empty token", o => o.BearerToken = string.Empty, "BearerToken is empty or holds white space" },
        { "unknown policy", o => o.LoadBalancing = (LoadBalancingPolicy)7, "LoadBalancing 7 is not a policy" },
    };

    [Theory]
    [MemberData(nameof(Broken))]
    public void A_setting_that_cannot_work_is_refused_with_its_name(string why, Action<RoutingClientOptions> breakIt, string message)
    {
        var options = new RoutingClientOptions();
        breakIt(options);
        var refused = Assert.Throws<ArgumentException>(() => new RoutingClient(options));
        Assert.Contains(message, refused.Message, StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(refused.ParamName), why);
    }

    [Fact]
    public void Defaults_and_a_list_of_addresses_are_accepted()
    {
        using var single = new RoutingClient(new RoutingClientOptions());
        using var several = new RoutingClient(new RoutingClientOptions
        {
            Addresses = [new Uri("http://127.0.0.1:50051"), new Uri("http://127.0.0.1:50061")],
            LoadBalancing = LoadBalancingPolicy.RoundRobin,
            MaxAttempts = 1,
            DefaultDeadline = null,
        });
        Assert.Equal([new Uri("http://127.0.0.1:50051")], new RoutingClientOptions().Endpoints());
    }
}
