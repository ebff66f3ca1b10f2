using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Routing.Api.V1;

namespace Routing.Server.Tests.Hostile;

public static partial class HostileCorpus
{
    // A change to the corpus queue itself, so an accepted one would show in the snapshot.
    private static QueueConfig Queue(Action<QueueConfig> change)
    {
        var config = new QueueConfig
        {
            QueueId = HostileCallers.QueueId,
            Name = "Hostile corpus",
            Channels = { Channel.Voice, Channel.Chat, Channel.Email },
            OfferTimeout = Duration.FromTimeSpan(TimeSpan.FromHours(2)),
        };
        change(config);
        return config;
    }

    private static AgentConfig AgentConfig(Action<AgentConfig> change)
    {
        var config = new AgentConfig
        {
            AgentId = HostileCallers.OtherAgentId,
            Name = HostileCallers.OtherAgentId,
            Skills = { ["billing"] = 5 },
            Capacity = { new ChannelCapacity { Channel = Channel.Voice, MaxConcurrent = 1, Exclusive = true } },
            Queues = { new QueueMembership { QueueId = HostileCallers.QueueId, Priority = 1 } },
        };
        change(config);
        return config;
    }

    private static IvrMenuConfig Menu(Action<IvrMenuConfig> change)
    {
        var config = new IvrMenuConfig
        {
            MenuId = HostileCallers.MenuId,
            Prompt = "Press 1 for the corpus queue",
            Options = { new IvrOption { Digit = "1", Label = "Corpus", Route = new IvrRoute { QueueId = HostileCallers.QueueId } } },
            Timeout = Duration.FromTimeSpan(TimeSpan.FromSeconds(5)),
            DefaultDigit = "1",
        };
        change(config);
        return config;
    }

    private static HostileCase QueueCase(string name, StatusCode expected, string message, Action<QueueConfig> change) =>
        Case("UpsertQueue: " + name, expected, message, async c => await c.Admin.Admin.UpsertQueueAsync(Queue(change)));

    private static HostileCase AgentConfigCase(string name, StatusCode expected, string message, Action<AgentConfig> change) =>
        Case("UpsertAgent: " + name, expected, message, async c => await c.Admin.Admin.UpsertAgentAsync(AgentConfig(change)));

    private static HostileCase MenuCase(string name, StatusCode expected, string message, Action<IvrMenuConfig> change) =>
        Case("UpsertIvrMenu: " + name, expected, message, async c => await c.Admin.Admin.UpsertIvrMenuAsync(Menu(change)));

    private static HostileCase CustomerCase(string name, StatusCode expected, string message, Action<CustomerConfig> change) =>
        Case("UpsertCustomer: " + name, expected, message, async c =>
        {
            var config = new CustomerConfig { CustomerId = HostileCallers.CustomerId, Name = "Corpus Customer", Tier = CustomerTier.Vip };
            change(config);
            await c.Admin.Admin.UpsertCustomerAsync(config);
        });

    // The largest duration protobuf represents; its seconds do not fit a TimeSpan.
    private static readonly Duration TenThousandYears = new() { Seconds = 315_576_000_000 };

    private static IEnumerable<(string Field, Action<QueueConfig, Duration> Set)> QueueDurations() =>
    [
        ("service_level_target", (q, d) => q.ServiceLevelTarget = d),
        ("starvation_bound", (q, d) => q.StarvationBound = d),
        ("offer_timeout", (q, d) => q.OfferTimeout = d),
        ("default_handle_time", (q, d) => q.DefaultHandleTime = d),
        ("expected_patience", (q, d) => q.ExpectedPatience = d),
        ("relaxation.after", (q, d) => q.Relaxation.Add(new RelaxationStep { After = d, LowerMinimumBy = 1 })),
    ];

    /// <summary>Durations no TimeSpan conversion survives: not normalized, or far beyond protobuf's own range.</summary>
    private static IEnumerable<(string What, Duration Value, string Message)> Unrepresentable(string field) =>
    [
        ("with 2,000,000,000 nanos", new Duration { Seconds = 1, Nanos = 2_000_000_000 }, $"{field} is not a valid duration (1 s, 2000000000 ns)"),
        ("with seconds and nanos of opposite signs", new Duration { Seconds = 5, Nanos = -1 }, $"{field} is not a valid duration (5 s, -1 ns)"),
        ("of 10^15 seconds", new Duration { Seconds = 1_000_000_000_000_000 }, $"{field} of 1000000000000000 s is out of range"),
        ("of -10^15 seconds", new Duration { Seconds = -1_000_000_000_000_000 }, $"{field} of -1000000000000000 s is out of range"),
    ];

    private static IEnumerable<HostileCase> AdminCases()
    {
        const StatusCode Invalid = StatusCode.InvalidArgument;
        var negative = Duration.FromTimeSpan(TimeSpan.FromSeconds(-5));
        yield return QueueCase("empty queue_id", Invalid, "queue_id is required", q => q.QueueId = "");
        yield return QueueCase("queue_id of 100,000 characters", Invalid, "(100000 characters)", q => q.QueueId = Hostile.Huge);
        yield return QueueCase("no channels", Invalid, "must take at least one channel", q => q.Channels.Clear());
        yield return QueueCase("channel 9", Invalid, "channels 9 is not a known channel", q => q.Channels.Add((Channel)9));
        yield return QueueCase("service level 101 %", Invalid, "service_level_percent 101 is out of range 1-100", q => q.ServiceLevelPercent = 101);
        yield return QueueCase("service level -1 %", Invalid, "service_level_percent -1 is out of range 1-100", q => q.ServiceLevelPercent = -1);
        yield return QueueCase("max_waiting -1", Invalid, "max_waiting -1 is out of range 1-100000", q => q.MaxWaiting = -1);
        yield return QueueCase("max_waiting 2^31-1", Invalid, "max_waiting 2147483647 is out of range 1-100000", q => q.MaxWaiting = int.MaxValue);
        yield return QueueCase("name of 201 characters", Invalid, "name is 201 characters long; at most 200 are allowed", q => q.Name = Hostile.Long(201));
        yield return QueueCase("name with NUL", Invalid, "name contains control character U+0000", q => q.Name = Hostile.Nul);
        yield return QueueCase("name with a right-to-left override", Invalid, "name contains control character U+202E", q => q.Name = Hostile.RightToLeft);
        yield return QueueCase("21 relaxation steps", Invalid, "relaxation has 21 steps; at most 20 are allowed",
            q => q.Relaxation.Add(Enumerable.Range(1, 21).Select(i => new RelaxationStep { After = Duration.FromTimeSpan(TimeSpan.FromSeconds(i)), LowerMinimumBy = 1 })));
        yield return QueueCase("relaxation after a negative time", Invalid, "relaxation.after of -5 s is out of range 0 s to 7 d", q => q.Relaxation.Add(new RelaxationStep { After = negative, LowerMinimumBy = 1 }));
        yield return QueueCase("relaxation lowering by -1", Invalid, "relaxation.lower_minimum_by -1 is out of range 0-9", q => q.Relaxation.Add(new RelaxationStep { After = Duration.FromTimeSpan(TimeSpan.FromSeconds(5)), LowerMinimumBy = -1 }));
        yield return QueueCase("relaxation dropping a malformed skill", Invalid, "skill name 'has space' is malformed", q => q.Relaxation.Add(new RelaxationStep { After = Duration.FromTimeSpan(TimeSpan.FromSeconds(5)), DropSkills = { Hostile.Space } }));
        yield return QueueCase("strategy 99", Invalid, "strategy 99 is not a known agent-selection strategy", q => q.Strategy = (AgentSelectionStrategy)99);
        yield return QueueCase("when_full 99", Invalid, "when_full 99 is not a known policy", q => q.WhenFull = (QueueFullPolicy)99);
        yield return QueueCase("negative service-level target", Invalid, "service_level_target of -5 s is out of range 1 s to 7 d", q => q.ServiceLevelTarget = negative);
        yield return QueueCase("negative offer timeout", Invalid, "offer_timeout of -5 s is out of range 1 s to 1 d", q => q.OfferTimeout = negative);
        yield return QueueCase("51 default skills", Invalid, "has 51 skills; at most 50 are allowed",
            q => q.DefaultSkills.Add(Enumerable.Range(0, 51).Select(i => new SkillRequirement { Skill = $"s{i}", MinLevel = 1 })));
        yield return QueueCase("malformed overflow queue", Invalid, "overflow_queue_id 'has space' is malformed", q => q.OverflowQueueId = Hostile.Space);
        foreach (var (field, set) in QueueDurations())
        {
            foreach (var (what, value, message) in Unrepresentable(field))
            {
                yield return QueueCase($"{field} {what}", Invalid, message, q => set(q, value));
            }
        }

        yield return QueueCase("offer_timeout of 10,000 years", Invalid, "offer_timeout of 315576000000 s is out of range 1 s to 1 d", q => q.OfferTimeout = TenThousandYears);
        yield return QueueCase("offer_timeout of 0", Invalid, "offer_timeout of 0 s is out of range 1 s to 1 d", q => q.OfferTimeout = new Duration());
        yield return QueueCase("service_level_target of 8 days", Invalid, "service_level_target of 691200 s is out of range 1 s to 7 d", q => q.ServiceLevelTarget = Duration.FromTimeSpan(TimeSpan.FromDays(8)));
        yield return QueueCase("starvation_bound of 10,000 years", Invalid, "starvation_bound of 315576000000 s is out of range 1 s to 7 d", q => q.StarvationBound = TenThousandYears);
        yield return QueueCase("default_handle_time of 10,000 years", Invalid, "default_handle_time of 315576000000 s is out of range 1 s to 1 d", q => q.DefaultHandleTime = TenThousandYears);
        yield return QueueCase("expected_patience of 10,000 years", Invalid, "expected_patience of 315576000000 s is out of range 1 s to 7 d", q => q.ExpectedPatience = TenThousandYears);
        yield return QueueCase("relaxation after 10,000 years", Invalid, "relaxation.after of 315576000000 s is out of range 0 s to 7 d", q => q.Relaxation.Add(new RelaxationStep { After = TenThousandYears, LowerMinimumBy = 1 }));
        yield return QueueCase("relaxation lowering by 10", Invalid, "relaxation.lower_minimum_by 10 is out of range 0-9", q => q.Relaxation.Add(new RelaxationStep { After = Duration.FromTimeSpan(TimeSpan.FromSeconds(5)), LowerMinimumBy = 10 }));

        yield return AgentConfigCase("empty agent_id", Invalid, "agent_id is required", a => a.AgentId = "");
        yield return AgentConfigCase("201 skills", Invalid, "skills has 201 skills; at most 200 are allowed", a => a.Skills.Add(Enumerable.Range(0, 200).ToDictionary(i => $"s{i}", i => 1)));
        yield return AgentConfigCase("skill level 11", Invalid, "proficiency 11 for skill 'billing' is out of range 1-10", a => a.Skills["billing"] = 11);
        yield return AgentConfigCase("the same skill in two cases", Invalid, "skill 'billing' is listed twice", a => a.Skills["BILLING"] = 3);
        yield return AgentConfigCase("no capacity", Invalid, "needs capacity for at least one channel", a => a.Capacity.Clear());
        yield return AgentConfigCase("capacity 101", Invalid, "capacity for voice must be 1-100, not 101", a => a.Capacity[0].MaxConcurrent = 101);
        yield return AgentConfigCase("capacity -1", Invalid, "capacity for voice must be 1-100, not -1", a => a.Capacity[0].MaxConcurrent = -1);
        yield return AgentConfigCase("capacity for a channel twice", Invalid, "capacity for voice is listed twice", a => a.Capacity.Add(new ChannelCapacity { Channel = Channel.Voice, MaxConcurrent = 2 }));
        yield return AgentConfigCase("capacity for channel 9", Invalid, "capacity.channel 9 is not a known channel", a => a.Capacity.Add(new ChannelCapacity { Channel = (Channel)9, MaxConcurrent = 1 }));
        yield return AgentConfigCase("101 queues", Invalid, "queues has 101 queues; at most 100 are allowed", a => a.Queues.Add(Enumerable.Range(0, 100).Select(i => new QueueMembership { QueueId = $"q{i}", Priority = 1 })));
        yield return AgentConfigCase("an unknown queue", StatusCode.NotFound, "queue 'ghost-queue' does not exist", a => a.Queues.Add(new QueueMembership { QueueId = "ghost-queue", Priority = 2 }));
        yield return AgentConfigCase("a queue twice", Invalid, $"queue '{HostileCallers.QueueId}' is listed twice", a => a.Queues.Add(new QueueMembership { QueueId = HostileCallers.QueueId, Priority = 2 }));
        yield return AgentConfigCase("queue priority -1", Invalid, "priority -1 for queue 'hq' is out of range 1-100", a => a.Queues[0].Priority = -1);
        yield return AgentConfigCase("name of 201 characters", Invalid, "name is 201 characters long", a => a.Name = Hostile.Long(201));
        yield return AgentConfigCase("name with ESC", Invalid, "name contains control character U+001B", a => a.Name = Hostile.Escape);
        yield return AgentConfigCase("negative wrap-up", Invalid, "wrap_up of -5 s is out of range 0 s to 1 d", a => a.WrapUp.Add(new ChannelWrapUp { Channel = Channel.Voice, WrapUp = negative }));
        foreach (var (what, value, message) in Unrepresentable("wrap_up"))
        {
            yield return AgentConfigCase($"wrap_up {what}", Invalid, message, a => a.WrapUp.Add(new ChannelWrapUp { Channel = Channel.Voice, WrapUp = value }));
        }

        yield return AgentConfigCase("wrap_up of 10,000 years", Invalid, "wrap_up of 315576000000 s is out of range 0 s to 1 d", a => a.WrapUp.Add(new ChannelWrapUp { Channel = Channel.Voice, WrapUp = TenThousandYears }));
        yield return AgentConfigCase("queue priority 101", Invalid, "is out of range 1-100", a => a.Queues[0].Priority = 101);
        yield return AgentConfigCase("wrap-up for a channel twice", Invalid, "wrap-up for voice is listed twice",
            a => a.WrapUp.Add([new ChannelWrapUp { Channel = Channel.Voice, WrapUp = Duration.FromTimeSpan(TimeSpan.FromSeconds(1)) }, new ChannelWrapUp { Channel = Channel.Voice, WrapUp = Duration.FromTimeSpan(TimeSpan.FromSeconds(2)) }]));

        yield return MenuCase("empty menu_id", Invalid, "menu_id is required", m => m.MenuId = "");
        yield return MenuCase("empty prompt", Invalid, "menu prompt is empty", m => m.Prompt = "");
        yield return MenuCase("prompt of 4,001 characters", Invalid, "prompt is 4001 characters long; at most 4000 are allowed", m => m.Prompt = Hostile.Long(4001));
        yield return MenuCase("prompt with ESC", Invalid, "prompt contains control character U+001B", m => m.Prompt = Hostile.Escape);
        yield return MenuCase("13 options", Invalid, "options has 13 options; at most 12 are allowed",
            m => m.Options.Add(Enumerable.Range(0, 12).Select(i => new IvrOption { Digit = "#", Route = new IvrRoute { QueueId = HostileCallers.QueueId } })));
        yield return MenuCase("a digit of two keys", Invalid, "digit is 2 characters long; at most 1 are allowed", m => m.Options[0].Digit = "12");
        yield return MenuCase("a digit of 100,000 keys", Invalid, "digit is 100000 characters long", m => m.Options[0].Digit = Hostile.Huge);
        yield return MenuCase("a letter for a digit", Invalid, "digit 'x' is not one of 0-9, * or #", m => m.Options[0].Digit = "x");
        yield return MenuCase("a digit used twice", Invalid, "digit '1' is used twice", m => m.Options.Add(new IvrOption { Digit = "1", Route = new IvrRoute { QueueId = HostileCallers.QueueId } }));
        yield return MenuCase("label of 501 characters", Invalid, "label is 501 characters long", m => m.Options[0].Label = Hostile.Long(501));
        yield return MenuCase("an option leading nowhere", Invalid, "must lead to exactly one of a submenu or a route", m => m.Options[0].Route = null);
        yield return MenuCase("a route to an unknown queue", StatusCode.NotFound, "routes to queue 'ghost-queue', which does not exist", m => m.Options[0].Route.QueueId = "ghost-queue");
        yield return MenuCase("an unknown submenu", StatusCode.NotFound, "leads to menu 'ghost-menu', which does not exist",
            m => m.Options.Add(new IvrOption { Digit = "2", SubmenuId = "ghost-menu" }));
        yield return MenuCase("a default digit not offered", Invalid, "default digit '9' is not one of the menu's options", m => m.DefaultDigit = "9");
        yield return MenuCase("a negative timeout", Invalid, "timeout of -5 s is out of range 1 s to 5 min", m => m.Timeout = negative);
        yield return MenuCase("max retries -1", Invalid, "max_retries -1 is out of range 0-10", m => m.MaxRetries = -1);
        yield return MenuCase("max retries 10^9", Invalid, "max_retries 1000000000 is out of range 0-10", m => m.MaxRetries = 1_000_000_000);
        foreach (var (what, value, message) in Unrepresentable("timeout"))
        {
            yield return MenuCase($"timeout {what}", Invalid, message, m => m.Timeout = value);
        }

        yield return MenuCase("a timeout of 10,000 years", Invalid, "timeout of 315576000000 s is out of range 1 s to 5 min", m => m.Timeout = TenThousandYears);
        yield return MenuCase("no timeout", Invalid, "timeout of 0 s is out of range 1 s to 5 min", m => m.Timeout = null);
        yield return MenuCase("route priority 101", Invalid, "priority 101 is out of range 0-100", m => m.Options[0].Route.Priority = 101);
        yield return MenuCase("a route language of 36 characters", Invalid, "route.language is 36 characters long; at most 35 are allowed", m => m.Options[0].Route.Language = Hostile.Long(36));
        yield return MenuCase("route kind 99", Invalid, "route.kind 99 is not a known route kind", m => m.Options[0].Route.Kind = (IvrRouteKind)99);

        yield return CustomerCase("empty customer_id", Invalid, "customer_id is required", x => x.CustomerId = "");
        yield return CustomerCase("tier 9", Invalid, "tier 9 is not a known customer tier", x => x.Tier = (CustomerTier)9);
        yield return CustomerCase("name of 201 characters", Invalid, "name is 201 characters long", x => x.Name = Hostile.Long(201));
        yield return CustomerCase("name with a newline", Invalid, "name contains control character U+000A", x => x.Name = Hostile.NewLine);
        yield return CustomerCase("language of 36 characters", Invalid, "preferred_language is 36 characters long", x => x.PreferredLanguage = Hostile.Long(36));

        yield return Case("GetQueue: unknown queue", StatusCode.NotFound, "queue 'no-such-queue' does not exist", async c => await c.Admin.Admin.GetQueueAsync(new GetQueueRequest { QueueId = "no-such-queue" }));
        yield return Case("GetQueue: malformed queue_id", Invalid, @"queue_id 'a\u0000b' is malformed", async c => await c.Admin.Admin.GetQueueAsync(new GetQueueRequest { QueueId = Hostile.Nul }));
        yield return Case("RemoveQueue: unknown queue", StatusCode.NotFound, "does not exist", async c => await c.Admin.Admin.RemoveQueueAsync(new RemoveQueueRequest { QueueId = "no-such-queue" }));
        yield return Case("RemoveQueue: a queue agents serve and contacts wait in", StatusCode.FailedPrecondition, "", async c => await c.Admin.Admin.RemoveQueueAsync(new RemoveQueueRequest { QueueId = HostileCallers.QueueId }));
        yield return Case("GetAgentConfig: unknown agent", StatusCode.NotFound, "agent 'nobody' does not exist", async c => await c.Admin.Admin.GetAgentConfigAsync(new GetAgentConfigRequest { AgentId = "nobody" }));
        yield return Case("RemoveAgent: an agent holding work", StatusCode.FailedPrecondition, "finish them before removing the agent", async c => await c.Admin.Admin.RemoveAgentAsync(new RemoveAgentRequest { AgentId = HostileCallers.AgentId }));
        yield return Case("RemoveAgent: unknown agent", StatusCode.NotFound, "agent 'nobody' does not exist", async c => await c.Admin.Admin.RemoveAgentAsync(new RemoveAgentRequest { AgentId = "nobody" }));
        yield return Case("RemoveIvrMenu: unknown menu", StatusCode.NotFound, "menu 'ghost-menu' does not exist", async c => await c.Admin.Admin.RemoveIvrMenuAsync(new RemoveIvrMenuRequest { MenuId = "ghost-menu" }));
        yield return Case("GetCustomer: malformed customer_id", Invalid, "customer_id 'has space' is malformed", async c => await c.Admin.Admin.GetCustomerAsync(new GetCustomerRequest { CustomerId = Hostile.Space }));
    }
}
