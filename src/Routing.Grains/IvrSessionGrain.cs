namespace Routing.Grains;

/// <summary>A caller's way through the touch-tone menus: one write per input, so a restart resumes at the same prompt.</summary>
public sealed partial class IvrSessionGrain(
    [PersistentState("ivr-session", StorageNames.Routing)] IPersistentState<IvrSessionRecord> state,
    ILogger<IvrSessionGrain> logger,
    GrainReferences grains) : Grain, IIvrSessionGrain
{
    private string SessionId => this.GetPrimaryKeyString();

    public async Task<Reply<IvrSessionView>> Navigate(string requestId, string? entryMenuId, string digits, bool timedOut, string? fingerprint = null)
    {
        ArgumentNullException.ThrowIfNull(digits);
        var menus = new Dictionary<string, IvrMenu>(StringComparer.Ordinal);
        var session = state.State.Session;
        if (session is not null && requestId == state.State.LastRequestId)
        {
            // A retry of the last step is answered as the first time; the same id for other keys is refused.
            return fingerprint is not null && state.State.LastRequestFingerprint is { } first && first != fingerprint
                ? Reply.Failure<IvrSessionView>(ReplyStatus.FailedPrecondition, $"request_id '{requestId}' was already used for a different step; a new step needs a new id")
                : Reply.Success(await ViewAsync(session, menus));
        }

        if (session is null)
        {
            if (string.IsNullOrEmpty(entryMenuId))
            {
                return Reply.Failure<IvrSessionView>(ReplyStatus.InvalidArgument, $"IVR session '{SessionId}' is new: menu_id must name the menu it starts at");
            }

            if (await MenuAsync(entryMenuId, menus) is null)
            {
                return Reply.Failure<IvrSessionView>(ReplyStatus.NotFound, $"menu '{entryMenuId}' does not exist");
            }

            session = IvrSessionState.StartAt(entryMenuId);
        }
        else if (!string.IsNullOrEmpty(entryMenuId) && entryMenuId != session.EntryMenuId)
        {
            return Reply.Failure<IvrSessionView>(ReplyStatus.FailedPrecondition, $"IVR session '{SessionId}' started at menu '{session.EntryMenuId}', not '{entryMenuId}'");
        }

        if (session.IsFinished && (digits.Length > 0 || timedOut))
        {
            return Reply.Failure<IvrSessionView>(ReplyStatus.FailedPrecondition, $"IVR session '{SessionId}' already reached queue '{session.Destination!.QueueId}'; start a new session for another choice");
        }

        var inputs = digits.Select(d => (char?)d).Concat(timedOut ? [null] : []);
        foreach (var input in inputs)
        {
            if (session.IsFinished)
            {
                break;
            }

            if (await MenuAsync(session.CurrentMenuId, menus) is not { } menu)
            {
                return Reply.Failure<IvrSessionView>(ReplyStatus.FailedPrecondition, $"menu '{session.CurrentMenuId}' no longer exists");
            }

            session = IvrNavigator.Press(session, menu, input);
        }

        var view = await ViewAsync(session, menus);
        if (view.Menu is null && !session.IsFinished)
        {
            return Reply.Failure<IvrSessionView>(ReplyStatus.FailedPrecondition, $"menu '{session.CurrentMenuId}' no longer exists");
        }

        state.State.Session = session;
        state.State.LastRequestId = requestId;
        state.State.LastRequestFingerprint = fingerprint;
        await state.WriteOrDeactivateAsync(this);
        if (session.Destination is { } destination)
        {
            LogDestinationReached(logger, SessionId, destination.QueueId, destination.Kind, session.Path.Count);
        }

        return Reply.Success(view);
    }

    public async Task<IvrSessionView?> Get() =>
        state.State.Session is { } session ? await ViewAsync(session, new Dictionary<string, IvrMenu>(StringComparer.Ordinal)) : null;

    private async Task<IvrSessionView> ViewAsync(IvrSessionState session, Dictionary<string, IvrMenu> menus)
    {
        var menu = session.IsFinished ? null : await MenuAsync(session.CurrentMenuId, menus);
        return new IvrSessionView(SessionId, session, menu, menu is null ? 0 : IvrNavigator.RetriesLeft(session, menu));
    }

    private async Task<IvrMenu?> MenuAsync(string menuId, Dictionary<string, IvrMenu> menus)
    {
        if (!menus.TryGetValue(menuId, out var menu) && await grains.Get<IIvrMenuGrain>(menuId).Get() is { } loaded)
        {
            menus[menuId] = menu = loaded;
        }

        return menu;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "IVR session {SessionId} reached {Kind} in queue {QueueId} after {Steps} choices")]
    private static partial void LogDestinationReached(ILogger logger, string sessionId, string queueId, IvrRouteKind kind, int steps);
}
