using Grpc.Core;
using Routing.Api.V1;

namespace Routing.Server.Tests.Hostile;

/// <summary>
/// Each corpus case gets its status and a short message that says what is wrong, changes nothing, and leaves the
/// server serving.
/// </summary>
[Collection(HostileCorpusCollection.Name)]
public sealed class HostileCorpusTests(HostileCorpusFixture fixture)
{
    // Enough to name the field and quote a short prefix of the value, never the value itself.
    private const int MaxMessageLength = 300;

    public static TheoryData<string> Names() => [.. HostileCorpus.Cases.Keys];

    [Fact]
    public void The_corpus_has_at_least_150_cases() => Assert.InRange(HostileCorpus.Cases.Count, 150, int.MaxValue);

    [Theory]
    [MemberData(nameof(Names))]
    public async Task Is_refused_with_a_short_message_changing_nothing(string name)
    {
        var hostile = HostileCorpus.Cases[name];
        var before = await fixture.SnapshotAsync();

        var error = await Assert.ThrowsAsync<RpcException>(() => hostile.Call(fixture.Callers));

        Assert.True(
            (error.StatusCode, error.Status.Detail.Contains(hostile.MessageContains, StringComparison.Ordinal)) == (hostile.Expected, true),
            $"expected {hostile.Expected} saying '{hostile.MessageContains}', got {error.StatusCode} '{error.Status.Detail}'");
        Assert.InRange(error.Status.Detail.Length, 1, MaxMessageLength);
        Assert.Equal(before, await fixture.SnapshotAsync());
        Assert.NotNull(await fixture.Callers.Adapter.Routing.GetQueueEstimateAsync(new GetQueueEstimateRequest { QueueId = HostileCallers.QueueId }));
    }
}
