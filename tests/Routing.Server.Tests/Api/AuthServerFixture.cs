using Routing.Server.Security;

namespace Routing.Server.Tests.Api;

/// <summary>An empty server that checks bearer tokens signed with its own key; tokens for tests are minted here.</summary>
public sealed class AuthServerFixture : IAsyncLifetime
{
    public static readonly string SigningKey = Convert.ToBase64String(Guid.NewGuid().ToByteArray().Concat(Guid.NewGuid().ToByteArray()).ToArray());

    private readonly string directory = Path.Combine(Path.GetTempPath(), "routing-tests", Guid.NewGuid().ToString("N"));

    public ServerProcess Server { get; private set; } = null!;

    public static RoutingAuthOptions Auth { get; } = new() { SigningKey = SigningKey };

    public async Task InitializeAsync()
    {
        Server = new ServerProcess(Path.Combine(directory, "routing.db"), seed: false, [$"--Routing:Auth:SigningKey={SigningKey}"]);
        await Server.StartAsync();
    }

    public async Task DisposeAsync() => await Server.DisposeAsync();

    public static string Token(string role, string? agentId = null, string? subject = null) =>
        DevelopmentTokens.Mint(Auth, [role], agentId, TimeSpan.FromMinutes(10), TimeProvider.System, subject);

    /// <summary>A client presenting <paramref name="token"/> with every call (none when null).</summary>
    public Routing.Client.RoutingClient As(string? token) => Routing.Client.RoutingClient.Connect(Server.Address, token);
}
