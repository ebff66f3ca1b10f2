using Routing.Api.V1;

namespace Routing.IvrAdapter;

/// <summary>
/// Turns a waiting contact's updates into announcements, saying something only when what the caller would hear
/// changes (a new place in line, another minute of expected wait), not at every refresh.
/// </summary>
public sealed class QueueAnnouncer
{
    private string? lastSaid;

    /// <summary>The announcement for this update, or null when it would repeat the last one or the contact is not waiting.</summary>
    public string? Next(Contact update)
    {
        ArgumentNullException.ThrowIfNull(update);
        if (update.State is not (ContactState.Queued or ContactState.CallbackScheduled) || update.Position <= 0)
        {
            return null;
        }

        var text = IvrAnnouncements.Position(update.Position, update.EstimatedWait?.ToTimeSpan());
        if (text == lastSaid)
        {
            return null;
        }

        lastSaid = text;
        return text;
    }
}
