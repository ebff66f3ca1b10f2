using Microsoft.Extensions.Options;

namespace Routing.Server.Tests.Api;

/// <summary>The server will not listen beyond loopback without authentication (gRPC or HTTP), nor start with a key it cannot use.</summary>
public sealed class SecureDefaultTests
{
    [Fact]
    public void A_non_loopback_endpoint_without_authentication_refuses_to_start_naming_the_setting()
    {
        var refused = Assert.Throws<InvalidOperationException>(() => RoutingServer.Build(["--Routing:Server:GrpcEndpoint=http://0.0.0.0:50999"]));

        Assert.Contains("Routing:Auth:SigningKey", refused.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://0.0.0.0:8080", "Routing:Auth:SigningKey")]
    [InlineData("https://127.0.0.1:8080", "must be http://<IP address or localhost>:<port>")]
    [InlineData("http://router.example:8080", "must be http://<IP address or localhost>:<port>")]
    [InlineData("http://127.0.0.1:8080/page", "must be http://<IP address or localhost>:<port>")]
    public void An_http_endpoint_beyond_loopback_without_authentication_or_not_plain_http_refuses_to_start(string endpoint, string named)
    {
        var refused = Assert.Throws<InvalidOperationException>(() => RoutingServer.Build(
            [$"--Routing:Server:GrpcEndpoint=http://127.0.0.1:{FreePort.Next()}", $"--Routing:Server:HttpEndpoint={endpoint}"]));

        Assert.Contains(named, refused.Message, StringComparison.Ordinal);
        Assert.Contains("Routing:Server:HttpEndpoint", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_signing_key_too_short_to_be_safe_refuses_to_start()
    {
        var refused = Assert.Throws<OptionsValidationException>(() => RoutingServer.Build(
        [
            $"--Routing:Server:GrpcEndpoint=http://127.0.0.1:{FreePort.Next()}",
            $"--Routing:Storage:Sqlite:DatabasePath={Path.Combine(Path.GetTempPath(), "routing-tests", Guid.NewGuid().ToString("N"), "routing.db")}",
            "--Routing:Auth:SigningKey=c2hvcnQ=",
        ]));

        Assert.Contains("SigningKey must be base64 of at least 32 bytes", refused.Message, StringComparison.Ordinal);
    }
}
