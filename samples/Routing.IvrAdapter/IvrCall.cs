using Grpc.Core;
using Routing.Api.V1;
using Routing.Client;

namespace Routing.IvrAdapter;

/// <summary>
/// One caller from the first menu to the end of the adapter's part: menus (NavigateIvr), routing (RouteContact with
/// the session), announcements while waiting (WatchContact), and a callback on request (RequestCallback).
/// </summary>
public sealed class IvrCall(RoutingClient client, AdapterSettings settings, CallerKeys keys, TextWriter speaker)
{
    /// <summary>The key that asks for a callback while waiting.</summary>
    public const char CallbackKey = '*';

    // How long a prompt waits for keys when its menu names no timeout.
    private static readonly TimeSpan DefaultPromptTimeout = TimeSpan.FromSeconds(5);

    // Hanging up cancels the contact even though the call's own token is cancelled by then.
    private static readonly TimeSpan HangUpDeadline = TimeSpan.FromSeconds(5);

    public async Task RunAsync(CancellationToken hangUp)
    {
        var destination = await NavigateAsync(hangUp);
        await SayAsync(IvrAnnouncements.Destination(destination));

        var request = new RouteContactRequest { RequestId = RoutingClient.NewRequestId(), CustomerId = settings.CustomerId, IvrSessionId = settings.SessionId };
        if (destination.Kind == IvrRouteKind.Callback)
        {
            request.CallbackNumber = settings.CallbackNumber;
        }

        var decision = await client.Routing.RouteContactAsync(request, cancellationToken: hangUp);
        if (decision is { Outcome: RouteOutcome.Refused, CallbackOffered: true })
        {
            await SayAsync(IvrAnnouncements.LineFull(decision.Reason));
            decision = await client.Routing.RouteContactAsync(
                new RouteContactRequest(request) { RequestId = RoutingClient.NewRequestId(), CallbackNumber = settings.CallbackNumber },
                cancellationToken: hangUp);
        }

        await SayAsync($"(contact {decision.ContactId}: {decision.Outcome}, {decision.Reason})");
        if (decision.Outcome == RouteOutcome.Refused)
        {
            await SayAsync(IvrAnnouncements.Ended(ContactState.Refused, decision.Reason));
            return;
        }

        var contact = await client.Routing.GetContactAsync(new GetContactRequest { ContactId = decision.ContactId }, cancellationToken: hangUp);
        if (destination.Kind == IvrRouteKind.LeaveEmail)
        {
            await SayAsync(IvrAnnouncements.MessageTaken());
        }
        else if (contact.State == ContactState.CallbackScheduled)
        {
            await SayAsync(IvrAnnouncements.CallbackScheduled(contact.CallbackNumber, contact.Position));
        }
        else if (!await AnnounceIfPastTheLineAsync(contact))
        {
            await WaitInLineAsync(contact, hangUp);
        }
    }

    private async Task<IvrDestination> NavigateAsync(CancellationToken hangUp)
    {
        var input = settings.Digits is { } digits ? new CallerInput(digits) : new CallerInput(null);
        var first = true;
        while (true)
        {
            var step = await client.Routing.NavigateIvrAsync(
                new NavigateIvrRequest
                {
                    RequestId = RoutingClient.NewRequestId(),
                    SessionId = settings.SessionId,
                    MenuId = first ? settings.MenuId : string.Empty,
                    Digits = input.Keys ?? string.Empty,
                    // The first request only opens the menu: nothing was pressed yet, which is not a silence.
                    TimedOut = input.Silent && !first,
                },
                cancellationToken: hangUp);
            if (step.StepCase == NavigateIvrResponse.StepOneofCase.Destination)
            {
                return step.Destination;
            }

            // Keys typed ahead answered the first prompt already: say it, then wait for more.
            await SayAsync(IvrAnnouncements.Menu(step.Prompt, step.Notice));
            var timeout = step.Prompt.Timeout?.ToTimeSpan() is { } t && t > TimeSpan.Zero ? t : DefaultPromptTimeout;
            input = await keys.NextAsync(timeout, hangUp);
            first = false;
        }
    }

    private async Task WaitInLineAsync(Contact contact, CancellationToken hangUp)
    {
        await SayAsync(IvrAnnouncements.PressForCallback(CallbackKey.ToString()));
        using var stopWatching = CancellationTokenSource.CreateLinkedTokenSource(hangUp);
        var watching = WatchUntilPastTheLineAsync(contact.ContactId, stopWatching.Token);
        var askingForCallback = AskForCallbackAsync(stopWatching.Token);
        try
        {
            if (await Task.WhenAny(watching, askingForCallback) == watching)
            {
                await watching;
                return;
            }

            await askingForCallback;
            await stopWatching.CancelAsync();
            await Quietly(watching);
            await RequestCallbackAsync(contact.ContactId, hangUp);
        }
        catch (OperationCanceledException) when (hangUp.IsCancellationRequested)
        {
            await HangUpAsync(contact.ContactId);
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.Cancelled && hangUp.IsCancellationRequested)
        {
            await HangUpAsync(contact.ContactId);
        }
        finally
        {
            await stopWatching.CancelAsync();
            await Quietly(watching);
            await Quietly(askingForCallback);
        }
    }

    private async Task WatchUntilPastTheLineAsync(string contactId, CancellationToken cancellationToken)
    {
        var announcer = new QueueAnnouncer();
        await foreach (var update in client.WatchContactAsync(contactId, cancellationToken))
        {
            if (announcer.Next(update) is { } text)
            {
                await SayAsync(text);
            }

            if (await AnnounceIfPastTheLineAsync(update))
            {
                return;
            }
        }
    }

    private async Task AskForCallbackAsync(CancellationToken cancellationToken)
    {
        var pressed = keys.WaitForKeyAsync(CallbackKey, cancellationToken);
        if (settings.CallbackAfter is { } after)
        {
            await Task.WhenAny(pressed, Task.Delay(after, cancellationToken));
            cancellationToken.ThrowIfCancellationRequested();
            return;
        }

        await pressed;
    }

    private async Task RequestCallbackAsync(string contactId, CancellationToken hangUp)
    {
        try
        {
            var callback = await client.Routing.RequestCallbackAsync(
                new RequestCallbackRequest { RequestId = RoutingClient.NewRequestId(), ContactId = contactId, CallbackNumber = settings.CallbackNumber },
                cancellationToken: hangUp);
            await SayAsync(IvrAnnouncements.CallbackScheduled(callback.CallbackNumber, callback.Position));
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.FailedPrecondition)
        {
            // An agent took the call between the key press and the request: say where it is instead.
            var now = await client.Routing.GetContactAsync(new GetContactRequest { ContactId = contactId }, cancellationToken: hangUp);
            await AnnounceIfPastTheLineAsync(now);
        }
    }

    // True when the contact no longer waits on the line: offered, connected or ended.
    private async Task<bool> AnnounceIfPastTheLineAsync(Contact contact)
    {
        switch (contact.State)
        {
            case ContactState.Offered or ContactState.Connected:
                await SayAsync(IvrAnnouncements.Connecting(contact.State, contact.AgentId));
                return true;
            case ContactState.Completed or ContactState.Abandoned or ContactState.Refused or ContactState.WrapUp:
                await SayAsync(IvrAnnouncements.Ended(contact.State, contact.Reason));
                return true;
            default:
                return false;
        }
    }

    private async Task HangUpAsync(string contactId)
    {
        await client.Routing.CancelContactAsync(
            new CancelContactRequest { RequestId = RoutingClient.NewRequestId(), ContactId = contactId },
            deadline: DateTime.UtcNow + HangUpDeadline);
        await SayAsync("(the caller hung up; contact cancelled)");
    }

    private async Task SayAsync(string text)
    {
        await speaker.WriteLineAsync(text);
        await speaker.FlushAsync();
    }

    private static async Task Quietly(Task task)
    {
        try
        {
            await task;
        }
        catch (OperationCanceledException)
        {
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.Cancelled)
        {
        }
    }
}
