using Orleans.Storage;
using Routing.Abstractions;
using Routing.Server.Storage.GroupCommit;

namespace Routing.Server.Tests.Storage;

/// <summary>
/// What group commit promises on any store: operations queued while a batch is in flight go together in the next
/// one; each operation's version check is its own; a batch the store fails fails every caller in it and commits
/// none of it, and the store works again for the next batch.
/// </summary>
public abstract class GroupCommitContract
{
    protected abstract Task<IGrainStateStore> OpenStoreAsync();

    [Fact]
    public async Task Operations_queued_while_a_batch_is_in_flight_all_go_to_the_store_in_the_next_one()
    {
        await using var scenario = new GroupCommitScenario(await OpenStoreAsync());
        var existing = GroupCommitScenario.NewGrainId();
        await scenario.Storage.WriteStateAsync(StorageProbeGrain.StateName, existing, new GrainState<ProbeState>(new ProbeState("existing", ["e"])));
        await scenario.HoldABatchAsync();
        var before = scenario.Store.Batches.Count;

        var ids = Enumerable.Range(0, 50).Select(_ => GroupCommitScenario.NewGrainId()).ToList();
        var states = ids.Select(id => new GrainState<ProbeState>(new ProbeState(id.ToString(), ["x"]))).ToList();
        var writes = ids.Select((id, i) => scenario.Storage.WriteStateAsync(StorageProbeGrain.StateName, id, states[i])).ToList();
        var read = scenario.ReadAsync(existing);
        scenario.Store.Open();
        await Task.WhenAll(writes);

        Assert.Equal("existing", (await read).State!.Name);
        var batches = scenario.Store.Batches;
        Assert.Equal(before + 1, batches.Count);
        Assert.Equal(51, batches[^1].Count);
        Assert.All(states, state => Assert.Equal("1", state.ETag));
        foreach (var id in ids)
        {
            Assert.Equal(id.ToString(), (await scenario.ReadAsync(id)).State!.Name);
        }
    }

    [Fact]
    public async Task A_stale_write_in_a_batch_conflicts_alone_and_the_others_in_it_commit()
    {
        await using var scenario = new GroupCommitScenario(await OpenStoreAsync());
        var contested = GroupCommitScenario.NewGrainId();
        var current = new GrainState<ProbeState>(new ProbeState("v1", []));
        await scenario.Storage.WriteStateAsync(StorageProbeGrain.StateName, contested, current);
        var stale = await scenario.ReadAsync(contested);
        current.State = new ProbeState("v2", []);
        await scenario.Storage.WriteStateAsync(StorageProbeGrain.StateName, contested, current);

        await scenario.HoldABatchAsync();
        var neighbour = GroupCommitScenario.NewGrainId();
        var neighbourWrite = scenario.Storage.WriteStateAsync(StorageProbeGrain.StateName, neighbour, new GrainState<ProbeState>(new ProbeState("neighbour", [])));
        stale.State = new ProbeState("stale", []);
        var staleWrite = scenario.Storage.WriteStateAsync(StorageProbeGrain.StateName, contested, stale);
        scenario.Store.Open();

        await Assert.ThrowsAsync<InconsistentStateException>(() => staleWrite);
        await neighbourWrite;
        Assert.Equal("v2", (await scenario.ReadAsync(contested)).State!.Name);
        Assert.Equal("neighbour", (await scenario.ReadAsync(neighbour)).State!.Name);
        Assert.Contains(scenario.Store.Batches, batch => batch.Count == 2 && batch.Any(op => op.Key == GroupCommitGrainStorage.StoredKey(neighbour)));
    }

    [Fact]
    public async Task A_batch_the_store_fails_fails_every_caller_in_it_commits_none_of_it_and_the_next_batch_works()
    {
        await using var scenario = new GroupCommitScenario(await OpenStoreAsync());
        await scenario.HoldABatchAsync();
        var innocent = GroupCommitScenario.NewGrainId();
        var innocentWrite = scenario.Storage.WriteStateAsync(StorageProbeGrain.StateName, innocent, new GrainState<ProbeState>(new ProbeState("innocent", [])));
        // The table refuses a payload that is not JSON: the store fails the whole batch.
        var poisoned = scenario.Committer.RunAsync(new GrainStateOperation
        {
            Kind = GrainStateOperationKind.Write,
            StateName = StorageProbeGrain.StateName,
            Key = GroupCommitScenario.NewGrainId().Key.ToString(),
            Json = "not json",
        });
        scenario.Store.Open();

        var error = await Assert.ThrowsAsync<StoreUnavailableException>(() => innocentWrite);
        Assert.Contains("the store failed the Write of", error.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<StoreUnavailableException>(() => poisoned);
        Assert.False((await scenario.ReadAsync(innocent)).RecordExists);

        var after = new GrainState<ProbeState>(new ProbeState("after", []));
        await scenario.Storage.WriteStateAsync(StorageProbeGrain.StateName, innocent, after);
        Assert.Equal("1", after.ETag);
    }
}
