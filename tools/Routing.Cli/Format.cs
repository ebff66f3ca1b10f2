using System.Globalization;
using System.Text;
using Google.Protobuf.Collections;
using Google.Protobuf.WellKnownTypes;
using Routing.Api.V1;

namespace Routing.Cli;

/// <summary>How the tool prints the router's messages: one readable line per fact.</summary>
internal static class Format
{
    public static string Channel(Channel channel) => Name(channel).ToLowerInvariant();

    /// <summary>An enum value as the .proto spells it without its prefix: <c>NotReady</c> is NOT_READY.</summary>
    public static string Name(System.Enum value)
    {
        var text = value.ToString();
        var name = new StringBuilder(text.Length + 4);
        for (var i = 0; i < text.Length; i++)
        {
            if (i > 0 && char.IsUpper(text[i]))
            {
                name.Append('_');
            }

            name.Append(char.ToUpperInvariant(text[i]));
        }

        return name.ToString();
    }

    /// <summary>A wait or handle time; unset means no agent can serve, so the wait has no bound.</summary>
    public static string Wait(Duration? duration)
    {
        if (duration is null)
        {
            return "unknown (no agent able to serve is available)";
        }

        var time = duration.ToTimeSpan();
        return time.TotalMinutes < 1 ? $"{time.TotalSeconds:0}s"
            : time.TotalHours < 1 ? $"{(int)time.TotalMinutes}m {time.Seconds:00}s"
            : $"{(int)time.TotalHours}h {time.Minutes:00}m";
    }

    /// <summary>A time of day in local time.</summary>
    public static string Time(Timestamp? timestamp) =>
        timestamp is null ? "-" : timestamp.ToDateTimeOffset().ToLocalTime().ToString("HH:mm:ss", CultureInfo.InvariantCulture);

    public static string Skills(MapField<string, int> skills) =>
        string.Join(' ', skills.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => $"{s.Key}={s.Value}"));

    public static string Requirements(RepeatedField<SkillRequirement> skills) =>
        skills.Count == 0 ? "queue defaults" : string.Join(' ', skills.Select(s => $"{s.Skill}>={s.MinLevel}"));

    public static void Agent(Agent agent)
    {
        var status = agent.Status == AgentStatus.NotReady ? $"NOT_READY ({agent.NotReadyReason})" : Name(agent.Status);
        var idle = agent.Activity == AgentActivity.Idle ? $" since {Time(agent.IdleSince)}" : "";
        Console.WriteLine($"{agent.AgentId} ({agent.Name}): {status}, {Name(agent.Activity)}{idle}");
        foreach (var assignment in agent.Assignments)
        {
            Console.WriteLine($"  {Assignment(assignment)}");
        }
    }

    public static string Assignment(Assignment a)
    {
        var until = a.Until is null ? "" : $" until {Time(a.Until)}";
        return $"{a.ContactId}  {Channel(a.Channel)} {a.QueueId} {Name(a.Phase)} since {Time(a.Since)}{until}  customer {a.CustomerId}";
    }

    public static void Contact(Contact c)
    {
        var agent = string.IsNullOrEmpty(c.AgentId) ? "" : $", agent {c.AgentId}";
        Console.WriteLine($"{c.ContactId}  {Channel(c.Channel)} {c.QueueId} customer {c.CustomerId}: {Name(c.State)}{agent}");
        if (c.State == ContactState.Queued)
        {
            Console.WriteLine($"  position {c.Position}, estimated wait {Wait(c.EstimatedWait)}");
        }

        Console.WriteLine($"  priority {c.Priority}, skills {Requirements(c.RequiredSkills)}; arrived {Time(c.ArrivedAt)}, answered {Time(c.AnsweredAt)}, ended {Time(c.EndedAt)}");
        if (c.OtherContactsInProgress.Count > 0)
        {
            Console.WriteLine($"  same customer also in: {string.Join(", ", c.OtherContactsInProgress)}");
        }

        if (c.IvrPath.Count > 0)
        {
            Console.WriteLine($"  menus: {string.Join(" > ", c.IvrPath.Select(p => p.Label))}");
        }

        if (c.CallbackNumber.Length > 0)
        {
            Console.WriteLine($"  callback to {c.CallbackNumber}");
        }

        if (c.Feedback is { } feedback)
        {
            Console.WriteLine($"  feedback: CSAT {feedback.Csat}{(feedback.HasNps ? $", NPS {feedback.Nps}" : "")} \"{feedback.Comment}\"");
        }

        Console.WriteLine($"  reason: {c.Reason}");
    }

    /// <summary>One line per contact update, for streams.</summary>
    public static string ContactUpdate(Contact c)
    {
        var where = c.State switch
        {
            ContactState.Queued => $"position {c.Position}, estimated wait {Wait(c.EstimatedWait)}",
            ContactState.Offered or ContactState.Connected or ContactState.WrapUp => $"agent {c.AgentId}",
            _ => "",
        };
        return $"{DateTimeOffset.Now:HH:mm:ss} {Name(c.State),-10} {(where.Length > 0 ? where + "  " : "")}({c.Reason})";
    }
}
