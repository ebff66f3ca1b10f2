namespace Routing.Core;

/// <summary>
/// Who may join a queue's line, and what happens to a caller a full line turns away: sent on along the queue's
/// overflow queue (each queue at most once), offered a callback, or refused, with the reason said.
/// </summary>
public static class Admission
{
    /// <summary>Whether a new contact may join the line; null when it may.</summary>
    /// <param name="queueId">The queue.</param>
    /// <param name="channels">The channels the queue takes.</param>
    /// <param name="channel">The contact's channel.</param>
    /// <param name="isCallback">A callback keeps its place without holding the line, so the limit does not apply.</param>
    /// <param name="onTheLine">Callers waiting on the line now (not offered, not callbacks).</param>
    /// <param name="maxWaiting">The queue's limit on callers waiting on the line.</param>
    public static AdmissionRefusal? Refusal(string queueId, IReadOnlyCollection<Channel> channels, Channel channel, bool isCallback, int onTheLine, int maxWaiting)
    {
        ArgumentNullException.ThrowIfNull(channels);
        if (!channels.Contains(channel))
        {
            return new(RuleViolation.InvalidArgument, $"queue '{queueId}' does not take {channel.ToString().ToLowerInvariant()}", LineFull: false);
        }

        return !isCallback && onTheLine >= maxWaiting
            ? new(RuleViolation.FailedPrecondition, $"queue '{queueId}' is full: {onTheLine} callers waiting on the line, the maximum is {maxWaiting}", LineFull: true)
            : null;
    }

    /// <summary>
    /// Where a contact a full line turned away goes next: the queue's overflow queue, unless it was tried already
    /// (a ring of overflow queues ends where it started); null when it goes nowhere.
    /// </summary>
    /// <param name="whenFull">The full queue's policy.</param>
    /// <param name="overflowQueueId">The full queue's overflow queue, if it names one.</param>
    /// <param name="tried">The queues the contact was already turned away from, this one included.</param>
    public static string? OverflowTo(QueueFullPolicy whenFull, string? overflowQueueId, IReadOnlyCollection<string> tried)
    {
        ArgumentNullException.ThrowIfNull(tried);
        return whenFull == QueueFullPolicy.Overflow && overflowQueueId is { } next && !tried.Contains(next) ? next : null;
    }

    /// <summary>Whether a caller a full line turned away is offered a callback instead.</summary>
    public static bool OffersCallback(QueueFullPolicy whenFull, bool lineFull) => lineFull && whenFull == QueueFullPolicy.OfferCallback;

    /// <summary>The reason a refused contact is given: the queues it overflowed from, the last refusal, and the callback offer.</summary>
    /// <param name="overflowedFrom">The full queues it was sent on from, in order (not the one that refused it last).</param>
    /// <param name="refusal">The last queue's refusal.</param>
    /// <param name="callbackOffered">Whether a callback is offered.</param>
    public static string RefusalReason(IEnumerable<string> overflowedFrom, string refusal, bool callbackOffered) =>
        OverflowNote(overflowedFrom) + refusal
        + (callbackOffered ? "; a callback is offered: route again with a callback number to keep a place without holding the line" : string.Empty);

    /// <summary>"overflowed from 'a', 'b' (full); ", or nothing when the contact overflowed from no queue.</summary>
    public static string OverflowNote(IEnumerable<string> fullQueues)
    {
        var queues = fullQueues.ToList();
        return queues.Count == 0 ? string.Empty : $"overflowed from {string.Join(", ", queues.Select(q => $"'{q}'"))} (full); ";
    }
}
