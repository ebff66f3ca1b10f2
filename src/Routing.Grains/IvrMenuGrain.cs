namespace Routing.Grains;

/// <summary>
/// A touch-tone menu. Refuses menus that route to unknown queues, lead to unknown menus, or would trap a caller in
/// a cycle without an exit; refuses removal while another menu leads to it.
/// </summary>
public sealed class IvrMenuGrain(
    [PersistentState("ivr-menu", StorageNames.Routing)] IPersistentState<IvrMenuState> state,
    GrainReferences grains) : Grain, IIvrMenuGrain
{
    private string MenuId => this.GetPrimaryKeyString();

    public async Task<Reply> Configure(IvrMenu menu)
    {
        ArgumentNullException.ThrowIfNull(menu);
        if (IvrMenuRules.Validate(menu) is { } problem)
        {
            return Reply.Fail(ReplyStatus.InvalidArgument, problem);
        }

        foreach (var option in menu.Options)
        {
            if (option.Route is { } route && await grains.Get<IQueueGrain>(route.QueueId).GetDefinition() is null)
            {
                return Reply.Fail(ReplyStatus.NotFound, $"digit '{option.Digit}' routes to queue '{route.QueueId}', which does not exist");
            }
        }

        // Only menus reachable from this one can lose their way out by this change: anything leading here reaches
        // a route whenever this menu does.
        var reachable = await ReachableFromAsync(menu);
        if (reachable.Missing is { } missing)
        {
            return Reply.Fail(ReplyStatus.NotFound, $"menu '{missing.From}' digit '{missing.Digit}' leads to menu '{missing.MenuId}', which does not exist");
        }

        if (IvrGraphRules.Validate(reachable.Menus) is { } trap)
        {
            return Reply.Fail(ReplyStatus.InvalidArgument, trap);
        }

        if (IvrGraphRules.Depth(reachable.Menus, MenuId) is var depth and > IvrGraphRules.MaxDepth)
        {
            return Reply.Fail(ReplyStatus.InvalidArgument, $"menus reached from '{MenuId}' are {depth} key presses deep; at most {IvrGraphRules.MaxDepth} are allowed");
        }

        var isNew = state.State.Menu is null;
        if (isNew && (await grains.Get<ICatalogGrain>(ICatalogGrain.Key).List(CatalogKind.IvrMenu)).Count >= IvrGraphRules.MaxMenus)
        {
            return Reply.Fail(ReplyStatus.InvalidArgument, $"the center has {IvrGraphRules.MaxMenus} menus, the most allowed; remove one first");
        }

        state.State.Menu = menu;
        await state.WriteOrDeactivateAsync(this);
        if (isNew)
        {
            await grains.Get<ICatalogGrain>(ICatalogGrain.Key).Add(CatalogKind.IvrMenu, MenuId);
        }

        return Reply.Ok;
    }

    public async Task<Reply> Remove()
    {
        if (state.State.Menu is null)
        {
            return Reply.Fail(ReplyStatus.NotFound, $"menu '{MenuId}' does not exist");
        }

        var catalog = grains.Get<ICatalogGrain>(ICatalogGrain.Key);
        foreach (var otherId in (await catalog.List(CatalogKind.IvrMenu)).Where(id => id != MenuId))
        {
            var other = await grains.Get<IIvrMenuGrain>(otherId).Get();
            if (other?.Options.FirstOrDefault(o => o.SubmenuId == MenuId) is { } link)
            {
                return Reply.Fail(ReplyStatus.FailedPrecondition, $"menu '{otherId}' digit '{link.Digit}' leads to menu '{MenuId}'; change that menu first");
            }
        }

        await catalog.Remove(CatalogKind.IvrMenu, MenuId);
        await state.ClearOrDeactivateAsync(this);
        return Reply.Ok;
    }

    public Task<IvrMenu?> Get() => Task.FromResult(state.State.Menu);

    private async Task<(Dictionary<string, IvrMenu> Menus, (string From, string Digit, string MenuId)? Missing)> ReachableFromAsync(IvrMenu menu)
    {
        var menus = new Dictionary<string, IvrMenu>(StringComparer.Ordinal) { [MenuId] = menu };
        var pending = new Queue<string>([MenuId]);
        while (pending.TryDequeue(out var id))
        {
            foreach (var option in menus[id].Options.Where(o => o.SubmenuId is not null && !menus.ContainsKey(o.SubmenuId)))
            {
                if (await grains.Get<IIvrMenuGrain>(option.SubmenuId!).Get() is not { } next)
                {
                    return (menus, (id, option.Digit, option.SubmenuId!));
                }

                menus[option.SubmenuId!] = next;
                pending.Enqueue(option.SubmenuId!);
            }
        }

        return (menus, null);
    }
}
