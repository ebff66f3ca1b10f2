using Google.Protobuf.WellKnownTypes;

namespace Routing.Server.Mapping;

/// <summary>Domain views to API messages.</summary>
public static class ViewMapper
{
    public static Proto.Channel ToApi(Channel channel) => channel switch
    {
        Channel.Voice => Proto.Channel.Voice,
        Channel.Chat => Proto.Channel.Chat,
        Channel.Email => Proto.Channel.Email,
        _ => Proto.Channel.Unspecified,
    };

    public static Proto.SkillRequirement ToApi(SkillRequirement requirement)
    {
        ArgumentNullException.ThrowIfNull(requirement);
        return new Proto.SkillRequirement { Skill = requirement.Skill, MinLevel = requirement.MinLevel };
    }

    public static Proto.ContactState ToApi(ContactState state) => (Proto.ContactState)(int)state;

    public static Proto.RouteContactResponse ToApi(RouteDecision decision)
    {
        ArgumentNullException.ThrowIfNull(decision);
        return new Proto.RouteContactResponse
        {
            ContactId = decision.ContactId,
            Outcome = decision.State switch
            {
                ContactState.Offered => Proto.RouteOutcome.Offered,
                ContactState.Refused => Proto.RouteOutcome.Refused,
                _ => Proto.RouteOutcome.Queued,
            },
            AgentId = decision.AgentId ?? string.Empty,
            Position = decision.Position ?? 0,
            EstimatedWait = decision.EstimatedWait is { } wait ? Duration.FromTimeSpan(wait) : null,
            Reason = decision.Reason,
        };
    }

    /// <param name="status">The queue's view while the contact waits: place, estimate, why it waits.</param>
    public static Proto.Contact ToApi(ContactView view, ContactQueueStatus? status)
    {
        ArgumentNullException.ThrowIfNull(view);
        var ticket = view.Ticket;
        var waiting = view.State == ContactState.Queued && status is { InQueue: true, OfferedTo: null };

        // The queue is the authority on offers: a contact it has just reserved reads as offered even before the
        // contact grain has heard so from the agent.
        var offeredTo = view.State == ContactState.Queued ? status?.OfferedTo : null;
        var contact = new Proto.Contact
        {
            ContactId = ticket.ContactId,
            Channel = ToApi(ticket.Channel),
            CustomerId = ticket.CustomerId,
            QueueId = ticket.QueueId,
            State = offeredTo is null ? ToApi(view.State) : Proto.ContactState.Offered,
            AgentId = offeredTo ?? view.AgentId ?? string.Empty,
            Position = waiting ? status!.Position ?? 0 : 0,
            EstimatedWait = waiting && status!.EstimatedWait is { } wait ? Duration.FromTimeSpan(wait) : null,
            Reason = waiting || offeredTo is not null ? status!.Explanation : view.Reason,
            ArrivedAt = Timestamp.FromDateTimeOffset(ticket.ArrivedAt),
            AnsweredAt = view.AnsweredAt is { } answered ? Timestamp.FromDateTimeOffset(answered) : null,
            EndedAt = view.EndedAt is { } ended ? Timestamp.FromDateTimeOffset(ended) : null,
            Priority = ticket.Priority,
        };
        contact.RequiredSkills.Add(ticket.RequiredSkills.Select(ToApi));
        contact.Attributes.Add(ticket.Attributes.ToDictionary());
        contact.OtherContactsInProgress.Add(view.OtherContactsInProgress);
        return contact;
    }

    public static Proto.Assignment ToApi(AssignmentView assignment)
    {
        ArgumentNullException.ThrowIfNull(assignment);
        var ticket = assignment.Ticket;
        var api = new Proto.Assignment
        {
            ContactId = ticket.ContactId,
            QueueId = ticket.QueueId,
            Channel = ToApi(ticket.Channel),
            Phase = (Proto.AssignmentPhase)(int)assignment.Phase,
            Since = Timestamp.FromDateTimeOffset(assignment.Since),
            Until = assignment.Until is { } until ? Timestamp.FromDateTimeOffset(until) : null,
            CustomerId = ticket.CustomerId,
            Priority = ticket.Priority,
            ArrivedAt = Timestamp.FromDateTimeOffset(ticket.ArrivedAt),
        };
        api.RequiredSkills.Add(ticket.RequiredSkills.Select(ToApi));
        api.Attributes.Add(ticket.Attributes.ToDictionary());
        return api;
    }

    public static Proto.Agent ToApi(AgentView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var agent = new Proto.Agent
        {
            AgentId = view.AgentId,
            Name = view.Definition.Name,
            Status = view.Presence switch
            {
                AgentPresence.Available => Proto.AgentStatus.Available,
                AgentPresence.NotReady => Proto.AgentStatus.NotReady,
                _ => Proto.AgentStatus.LoggedOut,
            },
            NotReadyReason = view.NotReadyReason,
            Activity = view.Activity switch
            {
                AgentActivity.Idle => Proto.AgentActivity.Idle,
                AgentActivity.Busy => Proto.AgentActivity.Busy,
                AgentActivity.WrapUp => Proto.AgentActivity.WrapUp,
                AgentActivity.NotReady => Proto.AgentActivity.NotReady,
                _ => Proto.AgentActivity.LoggedOut,
            },
            IdleSince = Timestamp.FromDateTimeOffset(view.IdleSince),
        };
        agent.Assignments.Add(view.Assignments.Select(ToApi));
        agent.Skills.Add(view.Definition.Skills.ToDictionary());
        return agent;
    }

    public static Proto.QueueStats ToApi(QueueStats stats)
    {
        ArgumentNullException.ThrowIfNull(stats);
        return new Proto.QueueStats
        {
            QueueId = stats.QueueId,
            Name = stats.Name,
            Waiting = stats.Waiting,
            Offered = stats.Offered,
            LongestWait = Duration.FromTimeSpan(stats.LongestWait),
            EstimatedWaitForNewContact = stats.EstimatedWaitForNewContact is { } wait ? Duration.FromTimeSpan(wait) : null,
            AgentsLoggedIn = stats.AgentsLoggedIn,
            AgentsAvailable = stats.AgentsAvailable,
            AgentsBusy = stats.AgentsBusy,
            AgentsNotReady = stats.AgentsNotReady,
            AgentsInWrapUp = stats.AgentsInWrapUp,
            OffersMade = stats.OffersMade,
            Answered = stats.Answered,
            Abandoned = stats.Abandoned,
            AverageHandleTime = Duration.FromTimeSpan(stats.AverageHandleTime),
        };
    }
}
