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

    public static Proto.IvrStep ToApi(IvrStep step)
    {
        ArgumentNullException.ThrowIfNull(step);
        return new Proto.IvrStep { MenuId = step.MenuId, Digit = step.Digit, Label = step.Label, ByDefault = step.ByDefault };
    }

    public static Proto.Customer ToApi(CustomerView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var customer = new Proto.Customer
        {
            CustomerId = view.CustomerId,
            Name = view.Profile?.Name ?? string.Empty,
            Tier = view.Profile?.Tier == CustomerTier.Vip ? Proto.CustomerTier.Vip : Proto.CustomerTier.Standard,
            PreferredLanguage = view.Profile?.PreferredLanguage ?? string.Empty,
            LastAgentId = view.LastAgentId ?? string.Empty,
        };
        customer.ContactsInProgress.Add(view.InProgress);
        customer.ContactsOpen = view.ContactsOpen;
        customer.History.Add(view.History.Select(h =>
        {
            var contact = new Proto.CustomerContact
            {
                ContactId = h.ContactId,
                Channel = ToApi(h.Channel),
                QueueId = h.QueueId,
                AgentId = h.AgentId ?? string.Empty,
                Outcome = ToApi(h.Outcome),
                Wait = Duration.FromTimeSpan(h.Wait),
                HandleTime = Duration.FromTimeSpan(h.HandleTime),
                EndedAt = Timestamp.FromDateTimeOffset(h.EndedAt),
                Satisfaction = h.Satisfaction ?? 0,
            };
            contact.IvrPath.Add((h.IvrPath ?? []).Select(ToApi));
            return contact;
        }));
        return customer;
    }

    public static Proto.NavigateIvrResponse ToApi(IvrSessionView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var session = view.State;
        var response = new Proto.NavigateIvrResponse
        {
            SessionId = view.SessionId,
            Notice = session.Notice ?? string.Empty,
            Language = session.Destination?.Language ?? session.Language?.Code ?? string.Empty,
        };
        response.Path.Add(session.Path.Select(ToApi));
        if (session.Destination is { } destination)
        {
            response.Destination = new Proto.IvrDestination
            {
                Kind = destination.Kind switch
                {
                    IvrRouteKind.Callback => Proto.IvrRouteKind.Callback,
                    IvrRouteKind.LeaveEmail => Proto.IvrRouteKind.LeaveEmail,
                    _ => Proto.IvrRouteKind.Queue,
                },
                QueueId = destination.QueueId,
                Priority = destination.Priority,
                Language = destination.Language ?? string.Empty,
            };
            response.Destination.RequiredSkills.Add(destination.RequiredSkills.Select(ToApi));
        }
        else if (view.Menu is { } menu)
        {
            response.Prompt = new Proto.IvrPrompt
            {
                MenuId = session.CurrentMenuId,
                Prompt = menu.Prompt,
                Timeout = Duration.FromTimeSpan(menu.Timeout),
                RetriesLeft = view.RetriesLeft,
            };
        }

        return response;
    }

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
            CallbackOffered = decision.CallbackOffered,
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
            State = offeredTo is not null ? Proto.ContactState.Offered
                : view.State == ContactState.Queued && ticket.IsCallback ? Proto.ContactState.CallbackScheduled
                : ToApi(view.State),
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
        contact.OtherContactsOpen = view.OtherContactsOpen;
        contact.IvrPath.Add((ticket.IvrPath ?? []).Select(ToApi));
        contact.CallbackNumber = ticket.CallbackNumber ?? string.Empty;
        contact.Transfers = view.Transfers;
        if (view.Feedback is { } feedback)
        {
            contact.Feedback = new Proto.ContactFeedback { Csat = feedback.Csat ?? 0, Comment = feedback.Comment };
            if (feedback.Nps is { } nps)
            {
                contact.Feedback.Nps = nps;
            }
        }

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
        api.IvrPath.Add((ticket.IvrPath ?? []).Select(ToApi));
        api.CallbackNumber = ticket.CallbackNumber ?? string.Empty;
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
            AverageCsat = view.AverageCsat ?? 0,
            CsatResponses = view.CsatResponses,
        };
        agent.Assignments.Add(view.Assignments.Select(ToApi));
        agent.Skills.Add(view.Definition.Skills.ToDictionary());
        return agent;
    }

    public static Proto.PeriodStats ToApi(PeriodTotals totals)
    {
        ArgumentNullException.ThrowIfNull(totals);
        var period = new Proto.PeriodStats
        {
            Offered = totals.Arrived,
            Answered = totals.Answered,
            Abandoned = totals.Abandoned,
            AbandonRate = totals.AbandonRate ?? 0,
            AverageSpeedOfAnswer = totals.AverageSpeedOfAnswer is { } asa ? Duration.FromTimeSpan(asa) : null,
            AverageHandleTime = totals.AverageHandleTime is { } aht ? Duration.FromTimeSpan(aht) : null,
            AnsweredWithinTarget = totals.AnsweredWithinTarget,
            AverageFirstResponse = totals.AverageFirstResponse is { } frt ? Duration.FromTimeSpan(frt) : null,
            AverageCsat = totals.AverageCsat ?? 0,
            CsatResponses = totals.CsatResponses,
            TurnedAwayFull = totals.TurnedAwayFull,
            Callbacks = totals.Callbacks,
        };
        if (totals.ServiceLevel is { } level)
        {
            period.ServiceLevel = level;
        }

        return period;
    }

    public static Proto.QueueStats ToApi(QueueStats stats)
    {
        ArgumentNullException.ThrowIfNull(stats);
        var api = new Proto.QueueStats
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
            AverageCsat = stats.AverageCsat ?? 0,
            CsatResponses = stats.CsatResponses,
            Window = ToApi(stats.Window ?? PeriodTotals.Empty),
            SinceMidnight = ToApi(stats.SinceMidnight ?? PeriodTotals.Empty),
            ServiceLevelTarget = Duration.FromTimeSpan(stats.ServiceLevelTarget),
            ServiceLevelPercent = stats.ServiceLevelPercent,
        };
        if (stats.NetPromoterScore is { } nps)
        {
            api.NetPromoterScore = nps;
        }

        return api;
    }
}
