using Orleans.Storage;
using Routing.Abstractions;
using Routing.Grains;
using Routing.Server.Storage.GroupCommit;

namespace Routing.Server.Tests.Storage;

/// <summary>
/// What group commit promises on any store: operations queued while a batch is in flight go together in the next
/// one; each operation's version check is its own; a batch the store fails fails every caller in it and commits
/// none of it, and the store works again for the next batch. A grain's entries are rows of their own: each written
/// alone with its own version check, all read back together, and never seen by another grain or state.
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

    [Fact]
    public async Task Each_entry_is_written_alone_with_its_own_version_and_a_grain_reads_back_only_its_own()
    {
        await using var scenario = new GroupCommitScenario(await OpenStoreAsync());
        scenario.Store.Open();
        var storage = (IGrainEntryStorage)scenario.Storage;
        var grain = GroupCommitScenario.NewGrainId();
        var neighbour = GroupCommitScenario.NewGrainId();
        const string Entries = "probe-entries";

        var first = await storage.WriteEntryAsync(Entries, grain, "c-1", new ProbeState("one", ["a"]), etag: null);
        var second = await storage.WriteEntryAsync(Entries, grain, "c-2", new ProbeState("two", []), etag: null);
        await storage.WriteEntryAsync(Entries, neighbour, "c-1", new ProbeState("neighbour's", []), etag: null);
        await storage.WriteEntryAsync("other-entries", grain, "c-1", new ProbeState("other state's", []), etag: null);
        var updated = await storage.WriteEntryAsync(Entries, grain, "c-1", new ProbeState("one, offered", ["a", "b"]), first);
        var batchesBefore = scenario.Store.Batches.Count;

        // A second insert of an entry, a stale write and a stale delete all conflict, and change nothing.
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteEntryAsync(Entries, grain, "c-2", new ProbeState("again", []), etag: null));
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteEntryAsync(Entries, grain, "c-1", new ProbeState("stale", []), first));
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.DeleteEntryAsync(Entries, grain, "c-1", first));
        await storage.DeleteEntryAsync(Entries, grain, "c-2", second);

        var read = await storage.ReadEntriesAsync<ProbeState>(Entries, grain);
        var entry = Assert.Single(read);
        Assert.Equal(("c-1", "one, offered", updated), (entry.Key, entry.Value.Name, entry.ETag));
        Assert.Equal(["a", "b"], entry.Value.Items);
        Assert.Equal("2", updated);
        Assert.All(scenario.Store.Batches.Skip(batchesBefore), batch => Assert.Single(batch));
        Assert.Equal("neighbour's", Assert.Single(await storage.ReadEntriesAsync<ProbeState>(Entries, neighbour)).Value.Name);
        await storage.DeleteEntryAsync(Entries, grain, "c-1", updated);
        Assert.Empty(await storage.ReadEntriesAsync<ProbeState>(Entries, grain));
    }
}
