using System.Globalization;
using Routing.Api.V1;

namespace Routing.IvrAdapter;

/// <summary>
/// What the caller hears, as text a speech synthesiser (or this sample's console) says. Pure: no calls, no clock,
/// so the wording is tested apart from the router.
/// </summary>
public static class IvrAnnouncements
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>A menu's prompt, after the notice about the last input ("'7' is not an option") when there is one.</summary>
    public static string Menu(IvrPrompt prompt, string notice)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        var sorry = string.IsNullOrEmpty(notice) ? string.Empty : $"Sorry, {notice}. ";
        return $"{sorry}Menu '{prompt.MenuId}': {prompt.Prompt}";
    }

    public static string Destination(IvrDestination destination)
    {
        ArgumentNullException.ThrowIfNull(destination);
        return destination.Kind switch
        {
            IvrRouteKind.Callback => $"You asked to be called back by {destination.QueueId}.",
            IvrRouteKind.LeaveEmail => $"Please leave your message for {destination.QueueId} after the tone.",
            _ => $"Please hold for {destination.QueueId}.",
        };
    }

    /// <summary>
    /// "You are number 2 in line; expected wait 1 minute." The wait is said in whole minutes, rounded up, since a
    /// caller hears "1 minute" for 40 seconds better than a number of seconds that changes at every update; an unknown
    /// wait (no agent able to serve is logged in) is said as such.
    /// </summary>
    public static string Position(int position, TimeSpan? expectedWait)
    {
        var place = position == 1 ? "You are next in line" : $"You are number {position.ToString(Invariant)} in line";
        return $"{place}; {Wait(expectedWait)}.";
    }

    public static string Wait(TimeSpan? expectedWait)
    {
        if (expectedWait is not { } wait)
        {
            return "we cannot tell how long the wait will be yet";
        }

        if (wait < TimeSpan.FromMinutes(1))
        {
            return "expected wait less than a minute";
        }

        var minutes = (int)Math.Ceiling(wait.TotalMinutes);
        if (minutes < 60)
        {
            return $"expected wait {Plural(minutes, "minute")}";
        }

        var (hours, rest) = (minutes / 60, minutes % 60);
        return rest == 0
            ? $"expected wait {Plural(hours, "hour")}"
            : $"expected wait {Plural(hours, "hour")} {Plural(rest, "minute")}";
    }

    public static string PressForCallback(string key) => $"To be called back instead, keeping your place in line, press {key}.";

    public static string CallbackScheduled(string number, int position) =>
        $"Thank you. We will call you back at {number} when an agent is free; you keep your place in line (number {position.ToString(Invariant)}). Goodbye.";

    public static string LineFull(string reason) => $"All our lines are busy ({reason}); we will call you back instead.";

    public static string MessageTaken() => "Thank you, your message has been passed on. Goodbye.";

    public static string Connecting(ContactState state, string agentId) => state == ContactState.Connected
        ? $"You are connected to {agentId}."
        : $"Connecting you to an agent ({agentId}) now.";

    public static string Ended(ContactState state, string reason) => state switch
    {
        ContactState.Refused => $"Sorry, we cannot take your call now: {reason}. Goodbye.",
        ContactState.Abandoned => "Your call has ended. Goodbye.",
        _ => $"Your call has ended: {reason}. Goodbye.",
    };

    private static string Plural(int count, string unit) =>
        count == 1 ? $"1 {unit}" : $"{count.ToString(Invariant)} {unit}s";
}
