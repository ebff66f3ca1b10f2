using System.Globalization;
using Google.Protobuf.WellKnownTypes;
using Routing.Server.Hosting;

namespace Routing.Server.Mapping;

/// <summary>Admin configuration messages to and from domain definitions; validates on the way in.</summary>
public static class ConfigMapper
{
    public static QueueDefinition ToDefinition(Proto.QueueConfig config, QueueDefaultsOptions defaults)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(defaults);
        RequestValidation.Id(config.QueueId, "queue_id");
        if (config.Channels.Count == 0)
        {
            GrpcErrors.InvalidArgument("channels", $"queue '{config.QueueId}' must take at least one channel");
        }

        var channels = config.Channels.Select(c => RequestValidation.Channel(c, "channels")).Distinct().ToList();
        var percent = RequestValidation.Count(
            config.ServiceLevelPercent == 0 ? defaults.ServiceLevelPercent : config.ServiceLevelPercent, "service_level_percent", ConfigurationLimits.ServiceLevelPercent);
        var maxWaiting = RequestValidation.Count(config.MaxWaiting == 0 ? defaults.MaxWaiting : config.MaxWaiting, "max_waiting", ConfigurationLimits.MaxWaiting);
        RequestValidation.AtMost(config.Relaxation.Count, InputLimits.MaxRelaxationSteps, "relaxation", "steps");
        var relaxation = config.Relaxation.Select(step => new RelaxationStep(
            RequestValidation.Duration(step.After, TimeSpan.Zero, "relaxation.after", ConfigurationLimits.RelaxationAfter),
            RequestValidation.Count(step.LowerMinimumBy, "relaxation.lower_minimum_by", ConfigurationLimits.LowerMinimumBy),
            [.. DropSkills(step.DropSkills)])).ToList();

        return new QueueDefinition(
            Name(config.Name, config.QueueId),
            channels,
            RequestValidation.Requirements(config.DefaultSkills),
            RequestValidation.Duration(config.ServiceLevelTarget, defaults.ServiceLevelTarget, "service_level_target", ConfigurationLimits.ServiceLevelTarget),
            percent,
            maxWaiting,
            relaxation,
            RequestValidation.Duration(config.StarvationBound, defaults.StarvationBound, "starvation_bound", ConfigurationLimits.StarvationBound),
            Strategy(config.Strategy),
            RequestValidation.Duration(config.OfferTimeout, defaults.OfferTimeout, "offer_timeout", ConfigurationLimits.OfferTimeout),
            RequestValidation.Duration(config.DefaultHandleTime, defaults.DefaultHandleTime, "default_handle_time", ConfigurationLimits.DefaultHandleTime),
            FullPolicy(config.WhenFull),
            string.IsNullOrEmpty(config.OverflowQueueId) ? null : RequestValidation.Id(config.OverflowQueueId, "overflow_queue_id"),
            RequestValidation.Duration(config.ExpectedPatience, defaults.ExpectedPatience, "expected_patience", ConfigurationLimits.ExpectedPatience));
    }

    public static Proto.QueueConfig ToConfig(string queueId, QueueDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var config = new Proto.QueueConfig
        {
            QueueId = queueId,
            Name = definition.Name,
            ServiceLevelTarget = Duration.FromTimeSpan(definition.ServiceLevelTarget),
            ServiceLevelPercent = definition.ServiceLevelPercent,
            MaxWaiting = definition.MaxWaiting,
            StarvationBound = Duration.FromTimeSpan(definition.StarvationBound),
            Strategy = (Proto.AgentSelectionStrategy)(int)definition.Strategy,
            OfferTimeout = Duration.FromTimeSpan(definition.OfferTimeout),
            DefaultHandleTime = Duration.FromTimeSpan(definition.DefaultHandleTime),
            WhenFull = definition.WhenFull switch
            {
                QueueFullPolicy.Overflow => Proto.QueueFullPolicy.Overflow,
                QueueFullPolicy.OfferCallback => Proto.QueueFullPolicy.OfferCallback,
                _ => Proto.QueueFullPolicy.Refuse,
            },
            OverflowQueueId = definition.OverflowQueueId ?? string.Empty,
            ExpectedPatience = Duration.FromTimeSpan(definition.WaitPriors.Patience),
        };
        config.Channels.Add(definition.Channels.Select(ViewMapper.ToApi));
        config.DefaultSkills.Add(definition.DefaultSkills.Select(ViewMapper.ToApi));
        config.Relaxation.Add(definition.Relaxation.Select(step =>
        {
            var api = new Proto.RelaxationStep { After = Duration.FromTimeSpan(step.After), LowerMinimumBy = step.LowerMinimumBy };
            api.DropSkills.Add(step.DropSkills);
            return api;
        }));
        return config;
    }

    public static AgentDefinition ToDefinition(Proto.AgentConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        RequestValidation.Id(config.AgentId, "agent_id");
        RequestValidation.AtMost(config.Skills.Count, InputLimits.MaxSkillsPerAgent, "skills", "skills");
        RequestValidation.AtMost(config.Queues.Count, InputLimits.MaxQueuesPerAgent, "queues", "queues");
        var skills = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (skill, level) in config.Skills)
        {
            var name = RequestValidation.SkillName(skill, "skills");
            if (!skills.TryAdd(name, RequestValidation.Proficiency(level, name, "skills")))
            {
                GrpcErrors.InvalidArgument("skills", $"skill '{name}' is listed twice");
            }
        }

        if (config.Capacity.Count == 0)
        {
            GrpcErrors.InvalidArgument("capacity", $"agent '{config.AgentId}' needs capacity for at least one channel");
        }

        var capacity = new Dictionary<Channel, ChannelCapacity>();
        foreach (var entry in config.Capacity)
        {
            var channel = RequestValidation.Channel(entry.Channel, "capacity.channel");
            if (!ConfigurationLimits.MaxConcurrent.Contains(entry.MaxConcurrent))
            {
                GrpcErrors.InvalidArgument("capacity.max_concurrent", string.Create(CultureInfo.InvariantCulture, $"capacity for {channel.ToString().ToLowerInvariant()} must be {ConfigurationLimits.MaxConcurrent}, not {entry.MaxConcurrent}"));
            }

            if (!capacity.TryAdd(channel, new ChannelCapacity(entry.MaxConcurrent, entry.Exclusive, entry.Interruptible)))
            {
                GrpcErrors.InvalidArgument("capacity.channel", $"capacity for {channel.ToString().ToLowerInvariant()} is listed twice");
            }
        }

        var wrapUp = new Dictionary<Channel, TimeSpan>();
        foreach (var entry in config.WrapUp)
        {
            var channel = RequestValidation.Channel(entry.Channel, "wrap_up.channel");
            if (!wrapUp.TryAdd(channel, RequestValidation.Duration(entry.WrapUp, TimeSpan.Zero, "wrap_up", ConfigurationLimits.WrapUp)))
            {
                GrpcErrors.InvalidArgument("wrap_up.channel", $"wrap-up for {channel.ToString().ToLowerInvariant()} is listed twice");
            }
        }

        var queues = new List<QueueMembership>();
        foreach (var membership in config.Queues)
        {
            var queueId = RequestValidation.Id(membership.QueueId, "queues.queue_id");
            var priority = membership.Priority == 0 ? 1 : membership.Priority;
            if (!ConfigurationLimits.QueuePriority.Contains(priority))
            {
                GrpcErrors.InvalidArgument("queues.priority", string.Create(CultureInfo.InvariantCulture, $"priority {priority} for queue '{queueId}' is out of range {ConfigurationLimits.QueuePriority} (1 is served first)"));
            }

            if (queues.Any(q => q.QueueId == queueId))
            {
                GrpcErrors.InvalidArgument("queues.queue_id", $"queue '{queueId}' is listed twice");
            }

            queues.Add(new QueueMembership(queueId, priority));
        }

        return new AgentDefinition(
            Name(config.Name, config.AgentId),
            skills,
            new CapacityProfile(capacity),
            wrapUp,
            queues);
    }

    public static Proto.AgentConfig ToConfig(string agentId, AgentDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var config = new Proto.AgentConfig { AgentId = agentId, Name = definition.Name };
        config.Skills.Add(definition.Skills.ToDictionary());
        config.Capacity.Add(definition.Capacity.Channels.Select(c => new Proto.ChannelCapacity
        {
            Channel = ViewMapper.ToApi(c.Key),
            MaxConcurrent = c.Value.MaxConcurrent,
            Exclusive = c.Value.Exclusive,
            Interruptible = c.Value.Interruptible,
        }));
        config.WrapUp.Add(definition.WrapUp.Select(w => new Proto.ChannelWrapUp { Channel = ViewMapper.ToApi(w.Key), WrapUp = Duration.FromTimeSpan(w.Value) }));
        config.Queues.Add(definition.Queues.Select(q => new Proto.QueueMembership { QueueId = q.QueueId, Priority = q.Priority }));
        return config;
    }

    public static IvrMenu ToMenu(Proto.IvrMenuConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        RequestValidation.Id(config.MenuId, "menu_id");
        RequestValidation.AtMost(config.Options.Count, InputLimits.MaxMenuOptions, "options", "options");
        var options = config.Options.Select(option => new IvrOption(
            Digit(option.Digit, "digit"),
            RequestValidation.Text(option.Label, "label", InputLimits.MaxShortTextLength),
            option.TargetCase == Proto.IvrOption.TargetOneofCase.SubmenuId ? RequestValidation.Id(option.SubmenuId, "submenu_id") : null,
            option.TargetCase == Proto.IvrOption.TargetOneofCase.Route
                ? new IvrRoute(
                    RequestValidation.Id(option.Route.QueueId, "route.queue_id"),
                    RequestValidation.Requirements(option.Route.RequiredSkills),
                    RequestValidation.Priority(option.Route.Priority),
                    string.IsNullOrWhiteSpace(option.Route.Language) ? null : Language(option.Route.Language, "route.language"),
                    RouteKind(option.Route.Kind))
                : null,
            option.Language is { } language
                ? new IvrLanguage(Language(language.Code, "language.code"), RequestValidation.Requirements([language.Skill ?? new Proto.SkillRequirement()]).Single())
                : null)).ToList();
        return new IvrMenu(
            RequestValidation.Text(config.Prompt, "prompt", InputLimits.MaxLongTextLength),
            options,
            RequestValidation.Duration(config.Timeout ?? new Duration(), TimeSpan.Zero, "timeout", ConfigurationLimits.IvrTimeout),
            RequestValidation.Count(config.MaxRetries, "max_retries", ConfigurationLimits.IvrMaxRetries),
            Digit(config.DefaultDigit, "default_digit"));
    }

    public static CustomerProfile ToProfile(Proto.CustomerConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        RequestValidation.Id(config.CustomerId, "customer_id");
        var tier = config.Tier switch
        {
            Proto.CustomerTier.Unspecified or Proto.CustomerTier.Standard => CustomerTier.Standard,
            Proto.CustomerTier.Vip => CustomerTier.Vip,
            _ => RequestValidation.Fail<CustomerTier>("tier", string.Create(CultureInfo.InvariantCulture, $"tier {(int)config.Tier} is not a known customer tier")),
        };
        return new CustomerProfile(
            RequestValidation.Text(config.Name, "name", InputLimits.MaxNameLength),
            tier,
            config.PreferredLanguage.Length > 0 ? Language(config.PreferredLanguage, "preferred_language") : null);
    }

    private static string Name(string name, string id) =>
        string.IsNullOrWhiteSpace(name) ? id : RequestValidation.Text(name, "name", InputLimits.MaxNameLength);

    private static string Language(string code, string field) => RequestValidation.Text(code, field, InputLimits.MaxLanguageLength);

    // One key; which keys a menu may use is the menu rules' business, but a long value never reaches their messages.
    private static string Digit(string digit, string field) => RequestValidation.Text(digit, field, 1);

    private static IEnumerable<string> DropSkills(Google.Protobuf.Collections.RepeatedField<string> skills)
    {
        RequestValidation.AtMost(skills.Count, InputLimits.MaxSkillsPerContact, "relaxation.drop_skills", "skills");
        return skills.Select(skill => RequestValidation.SkillName(skill, "relaxation.drop_skills"));
    }

    private static QueueFullPolicy FullPolicy(Proto.QueueFullPolicy policy) => policy switch
    {
        Proto.QueueFullPolicy.Unspecified or Proto.QueueFullPolicy.Refuse => QueueFullPolicy.Refuse,
        Proto.QueueFullPolicy.Overflow => QueueFullPolicy.Overflow,
        Proto.QueueFullPolicy.OfferCallback => QueueFullPolicy.OfferCallback,
        _ => RequestValidation.Fail<QueueFullPolicy>("when_full", string.Create(CultureInfo.InvariantCulture, $"when_full {(int)policy} is not a known policy")),
    };

    private static IvrRouteKind RouteKind(Proto.IvrRouteKind kind) => kind switch
    {
        Proto.IvrRouteKind.Unspecified or Proto.IvrRouteKind.Queue => IvrRouteKind.Queue,
        Proto.IvrRouteKind.Callback => IvrRouteKind.Callback,
        Proto.IvrRouteKind.LeaveEmail => IvrRouteKind.LeaveEmail,
        _ => RequestValidation.Fail<IvrRouteKind>("route.kind", string.Create(CultureInfo.InvariantCulture, $"route.kind {(int)kind} is not a known route kind")),
    };

    private static AgentSelectionStrategy Strategy(Proto.AgentSelectionStrategy strategy) => strategy switch
    {
        Proto.AgentSelectionStrategy.Unspecified or Proto.AgentSelectionStrategy.LongestIdle => AgentSelectionStrategy.LongestIdle,
        Proto.AgentSelectionStrategy.BestProficiency => AgentSelectionStrategy.BestProficiency,
        Proto.AgentSelectionStrategy.LeastOccupied => AgentSelectionStrategy.LeastOccupied,
        Proto.AgentSelectionStrategy.RoundRobin => AgentSelectionStrategy.RoundRobin,
        _ => RequestValidation.Fail<AgentSelectionStrategy>("strategy", string.Create(CultureInfo.InvariantCulture, $"strategy {(int)strategy} is not a known agent-selection strategy")),
    };
}
