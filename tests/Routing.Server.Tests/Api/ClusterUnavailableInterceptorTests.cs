using Grpc.Core;
using Microsoft.Extensions.Logging.Abstractions;
using Routing.Abstractions;
using Routing.Server.Mapping;

namespace Routing.Server.Tests.Api;

/// <summary>Failures inside the cluster reach the client as UNAVAILABLE saying what they were.</summary>
public sealed class ClusterUnavailableInterceptorTests
{
    private readonly ClusterUnavailableInterceptor interceptor = new(NullLogger<ClusterUnavailableInterceptor>.Instance);

    [Fact]
    public async Task A_timeout_a_lost_silo_and_a_refused_write_are_each_unavailable_with_their_own_message()
    {
        Assert.Contains("an internal call timed out", (await Answer(new TimeoutException("Response did not arrive on time in 00:00:30"))).Detail, StringComparison.Ordinal);
        Assert.Contains("could not reach a silo", (await Answer(new SiloUnavailableException("silo gone"))).Detail, StringComparison.Ordinal);
        Assert.Contains("the store did not confirm this change", (await Answer(new StoreUnavailableException("store down"))).Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Any_other_failure_keeps_its_own_status()
    {
        await Assert.ThrowsAsync<InvalidOperationException>(() => interceptor.UnaryServerHandler<string, string>(
            "request", new FakeCallContext(), (_, _) => throw new InvalidOperationException("a bug")));
    }

    private async Task<Status> Answer(Exception failure)
    {
        var refused = await Assert.ThrowsAsync<RpcException>(() => interceptor.UnaryServerHandler<string, string>(
            "request", new FakeCallContext(), (_, _) => throw failure));
        Assert.Equal(StatusCode.Unavailable, refused.StatusCode);
        return refused.Status;
    }

    /// <summary>Just enough of a call for the interceptor, which only reads the method's name.</summary>
    private sealed class FakeCallContext : ServerCallContext
    {
        protected override string MethodCore => "/routing.v1.Routing/RouteContact";

        protected override string HostCore => "127.0.0.1";

        protected override string PeerCore => "ipv4:127.0.0.1:1";

        protected override DateTime DeadlineCore => DateTime.MaxValue;

        protected override Metadata RequestHeadersCore { get; } = [];

        protected override CancellationToken CancellationTokenCore => CancellationToken.None;

        protected override Metadata ResponseTrailersCore { get; } = [];

        protected override Status StatusCore { get; set; }

        protected override WriteOptions? WriteOptionsCore { get; set; }

        protected override AuthContext AuthContextCore => new(null, []);

        protected override ContextPropagationToken CreatePropagationTokenCore(ContextPropagationOptions? options) => throw new NotSupportedException();

        protected override Task WriteResponseHeadersAsyncCore(Metadata responseHeaders) => Task.CompletedTask;
    }
}
