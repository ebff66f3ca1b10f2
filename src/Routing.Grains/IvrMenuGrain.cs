namespace Routing.Grains;

/// <summary>A touch-tone menu; refuses menus that route to unknown queues or submenus.</summary>
public sealed class IvrMenuGrain(
    [PersistentState("ivr-menu", StorageNames.Routing)] IPersistentState<IvrMenuState> state) : Grain, IIvrMenuGrain
{
    public async Task<Reply> Configure(IvrMenu menu)
    {
        ArgumentNullException.ThrowIfNull(menu);
        if (IvrMenuRules.Validate(menu) is { } problem)
        {
            return Reply.Fail(ReplyStatus.InvalidArgument, problem);
        }

        var menuId = this.GetPrimaryKeyString();
        foreach (var option in menu.Options)
        {
            if (option.Route is { } route && await GrainFactory.GetGrain<IQueueGrain>(route.QueueId).GetDefinition() is null)
            {
                return Reply.Fail(ReplyStatus.NotFound, $"digit '{option.Digit}' routes to queue '{route.QueueId}', which does not exist");
            }

            if (option.SubmenuId is { } submenu && submenu != menuId
                && await GrainFactory.GetGrain<IIvrMenuGrain>(submenu).Get() is null)
            {
                return Reply.Fail(ReplyStatus.NotFound, $"digit '{option.Digit}' leads to menu '{submenu}', which does not exist");
            }
        }

        var isNew = state.State.Menu is null;
        state.State.Menu = menu;
        await state.WriteStateAsync();
        if (isNew)
        {
            await GrainFactory.GetGrain<ICatalogGrain>(ICatalogGrain.Key).Add(CatalogKind.IvrMenu, menuId);
        }

        return Reply.Ok;
    }

    public async Task<Reply> Remove()
    {
        if (state.State.Menu is null)
        {
            return Reply.Fail(ReplyStatus.NotFound, $"menu '{this.GetPrimaryKeyString()}' does not exist");
        }

        await GrainFactory.GetGrain<ICatalogGrain>(ICatalogGrain.Key).Remove(CatalogKind.IvrMenu, this.GetPrimaryKeyString());
        await state.ClearStateAsync();
        return Reply.Ok;
    }

    public Task<IvrMenu?> Get() => Task.FromResult(state.State.Menu);
}
