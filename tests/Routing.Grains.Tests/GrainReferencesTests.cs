using Microsoft.Extensions.DependencyInjection;
using Orleans.GrainReferences;
using Routing.Abstractions;
using Routing.Core;

namespace Routing.Grains.Tests;

/// <summary>References made without Orleans' per-call reflection address the same grains as <c>GetGrain</c>.</summary>
[Collection(RoutingClusterCollection.Name)]
public sealed class GrainReferencesTests(RoutingClusterFixture cluster)
{
    [Fact]
    public async Task A_reference_is_the_one_GetGrain_makes_and_reaches_the_same_grain()
    {
        var references = new GrainReferences(cluster.Client, cluster.Client.ServiceProvider.GetRequiredService<GrainReferenceActivator>());
        var center = new CallCenter(cluster.Client);
        await center.CreateQueue("refs", CallCenter.QueueOf(Channel.Chat));

        var queue = references.Get<IQueueGrain>(center.Id("refs"));
        var expected = cluster.Client.GetGrain<IQueueGrain>(center.Id("refs"));

        Assert.Equal(expected.GetGrainId(), queue.GetGrainId());
        Assert.Equal(expected, queue);
        Assert.NotNull(await queue.GetDefinition());
        Assert.Equal(
            cluster.Client.GetGrain<IAgentGrain>("x").GetGrainId(),
            references.Get<IAgentGrain>("x").GetGrainId());
    }
}
