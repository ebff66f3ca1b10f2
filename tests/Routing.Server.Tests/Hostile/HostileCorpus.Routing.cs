using Grpc.Core;
using Routing.Api.V1;
using Routing.Server.Mapping;

namespace Routing.Server.Tests.Hostile;

public static partial class HostileCorpus
{
    private static RouteContactRequest Route(Action<RouteContactRequest> change)
    {
        var request = new RouteContactRequest
        {
            RequestId = "corpus-" + Guid.NewGuid().ToString("N"),
            Channel = Channel.Voice,
            CustomerId = HostileCallers.CustomerId,
            QueueId = HostileCallers.QueueId,
        };
        change(request);
        return request;
    }

    private static HostileCase RouteCase(string name, StatusCode expected, string message, Action<RouteContactRequest> change) =>
        Case("RouteContact: " + name, expected, message, async c => await c.Adapter.Routing.RouteContactAsync(Route(change)));

    private static IEnumerable<HostileCase> RoutingCases()
    {
        const StatusCode Invalid = StatusCode.InvalidArgument;
        yield return RouteCase("empty request_id", Invalid, "request_id is required", r => r.RequestId = "");
        yield return RouteCase("blank request_id", Invalid, "request_id is required", r => r.RequestId = "   ");
        yield return RouteCase("request_id one over the limit", Invalid, "request_id 'zzzz", r => r.RequestId = Hostile.Long(InputLimits.MaxIdLength + 1));
        yield return RouteCase("request_id of 100,000 characters", Invalid, "(100000 characters)", r => r.RequestId = Hostile.Huge);
        yield return RouteCase("request_id with NUL", Invalid, @"request_id 'a\u0000b' is malformed", r => r.RequestId = Hostile.Nul);
        yield return RouteCase("empty customer_id", Invalid, "customer_id is required", r => r.CustomerId = "");
        yield return RouteCase("customer_id of 200,000 characters", Invalid, "(200000 characters)", r => r.CustomerId = Hostile.Long200k);
        yield return RouteCase("customer_id with ESC", Invalid, @"'a\u001b[31mred' is malformed", r => r.CustomerId = Hostile.Escape);
        yield return RouteCase("customer_id with a newline", Invalid, @"'line\u000aforged log line' is malformed", r => r.CustomerId = Hostile.NewLine);
        yield return RouteCase("customer_id with a right-to-left override", Invalid, @"'abc\u202edef' is malformed", r => r.CustomerId = Hostile.RightToLeft);
        yield return RouteCase("customer_id with a space", Invalid, "'has space' is malformed", r => r.CustomerId = Hostile.Space);
        yield return RouteCase("empty queue_id", Invalid, "queue_id is required", r => r.QueueId = "");
        yield return RouteCase("unknown queue", StatusCode.NotFound, "queue 'no-such-queue' does not exist", r => r.QueueId = "no-such-queue");
        yield return RouteCase("queue_id of 100,000 characters", Invalid, "queue_id 'xxx", r => r.QueueId = Hostile.Huge);
        yield return RouteCase("queue_id with a slash", Invalid, "queue_id '../etc' is malformed", r => r.QueueId = "../etc");
        yield return RouteCase("channel unspecified", Invalid, "channel is required", r => r.Channel = Channel.Unspecified);
        yield return RouteCase("channel 42", Invalid, "channel 42 is not a known channel", r => r.Channel = (Channel)42);
        yield return RouteCase("channel -1", Invalid, "channel -1 is not a known channel", r => r.Channel = (Channel)(-1));
        yield return RouteCase("priority -1", Invalid, "priority -1 is out of range 0-100", r => r.Priority = -1);
        yield return RouteCase("priority 101", Invalid, "priority 101 is out of range 0-100", r => r.Priority = 101);
        yield return RouteCase("priority int.MaxValue", Invalid, "priority 2147483647 is out of range", r => r.Priority = int.MaxValue);
        yield return RouteCase("priority int.MinValue", Invalid, "priority -2147483648 is out of range", r => r.Priority = int.MinValue);
        yield return RouteCase("51 required skills", Invalid, "required_skills has 51 skills; at most 50 are allowed",
            r => r.RequiredSkills.Add(Enumerable.Range(0, 51).Select(i => new SkillRequirement { Skill = $"s{i}", MinLevel = 1 })));
        yield return RouteCase("10,000 required skills", Invalid, "required_skills has 10000 skills",
            r => r.RequiredSkills.Add(Enumerable.Range(0, 10_000).Select(i => new SkillRequirement { Skill = $"s{i}", MinLevel = 1 })));
        yield return RouteCase("a skill required twice", Invalid, "skill 'billing' is required twice",
            r => r.RequiredSkills.Add([new SkillRequirement { Skill = "billing", MinLevel = 1 }, new SkillRequirement { Skill = "Billing", MinLevel = 2 }]));
        yield return RouteCase("skill level 0", Invalid, "proficiency 0 for skill 'billing' is out of range 1-10", r => r.RequiredSkills.Add(new SkillRequirement { Skill = "billing", MinLevel = 0 }));
        yield return RouteCase("skill level 11", Invalid, "proficiency 11 for skill 'billing' is out of range 1-10", r => r.RequiredSkills.Add(new SkillRequirement { Skill = "billing", MinLevel = 11 }));
        yield return RouteCase("skill level -5", Invalid, "proficiency -5 for skill", r => r.RequiredSkills.Add(new SkillRequirement { Skill = "billing", MinLevel = -5 }));
        yield return RouteCase("empty skill name", Invalid, "skill name '' is malformed", r => r.RequiredSkills.Add(new SkillRequirement { Skill = "", MinLevel = 1 }));
        yield return RouteCase("skill name with a space", Invalid, "skill name 'has space' is malformed", r => r.RequiredSkills.Add(new SkillRequirement { Skill = Hostile.Space, MinLevel = 1 }));
        yield return RouteCase("skill name of 100,000 characters", Invalid, "(100000 characters)", r => r.RequiredSkills.Add(new SkillRequirement { Skill = Hostile.Huge, MinLevel = 1 }));
        yield return RouteCase("skill name with ESC", Invalid, @"skill name 'a\u001b[31mred' is malformed", r => r.RequiredSkills.Add(new SkillRequirement { Skill = Hostile.Escape, MinLevel = 1 }));
        yield return RouteCase("33 attributes", Invalid, "attributes has 33 entries; at most 32 are allowed",
            r => r.Attributes.Add(Enumerable.Range(0, 33).ToDictionary(i => $"k{i}", i => "v")));
        yield return RouteCase("empty attribute key", Invalid, "attributes key '' is malformed", r => r.Attributes[""] = "v");
        yield return RouteCase("attribute key with a space", Invalid, "attributes key 'has space' is malformed", r => r.Attributes[Hostile.Space] = "v");
        yield return RouteCase("attribute key of 65 characters", Invalid, "attributes key 'zzz", r => r.Attributes[Hostile.Long(65)] = "v");
        yield return RouteCase("attribute value of 1,025 characters", Invalid, "attributes['note'] is 1025 characters long; at most 1024 are allowed", r => r.Attributes["note"] = Hostile.Long(1025));
        yield return RouteCase("attribute value of 200,000 characters", Invalid, "attributes['note'] is 200000 characters long", r => r.Attributes["note"] = Hostile.Long200k);
        yield return RouteCase("attribute value with NUL", Invalid, "attributes['note'] contains control character U+0000 at position 1", r => r.Attributes["note"] = Hostile.Nul);
        yield return RouteCase("attribute value with a newline", Invalid, "attributes['note'] contains control character U+000A", r => r.Attributes["note"] = Hostile.NewLine);
        yield return RouteCase("attributes of 9,000 characters in all", Invalid, "at most 8192 are allowed",
            r => r.Attributes.Add(Enumerable.Range(0, 9).ToDictionary(i => $"k{i}", i => Hostile.Long(1000))));
        yield return RouteCase("callback_number of letters", Invalid, "callback_number 'call me' is not a phone number", r => r.CallbackNumber = "call me");
        yield return RouteCase("callback_number of two digits", Invalid, "callback_number '12' is not a phone number", r => r.CallbackNumber = "12");
        yield return RouteCase("callback_number of sixteen digits", Invalid, "is not a phone number: use 3 to 15 digits", r => r.CallbackNumber = "+1234567890123456");
        yield return RouteCase("a request id reused for another customer", StatusCode.FailedPrecondition, "request_id 'corpus-waiting' was already used for a different contact",
            r => (r.RequestId, r.CustomerId) = ("corpus-waiting", "someone-else"));
        yield return RouteCase("a request id reused with another priority", StatusCode.FailedPrecondition, "request_id 'corpus-offered' was already used for a different contact",
            r => (r.RequestId, r.Priority) = ("corpus-offered", 90));
        yield return RouteCase("ivr_session_id with ESC", Invalid, @"ivr_session_id 'a\u001b[31mred' is malformed", r => r.IvrSessionId = Hostile.Escape);

        yield return Case("CancelContact: empty contact_id", Invalid, "contact_id is required", async c => await c.Adapter.Routing.CancelContactAsync(new CancelContactRequest()));
        yield return Case("CancelContact: contact_id of 100,000 characters", Invalid, "(100000 characters)", async c => await c.Adapter.Routing.CancelContactAsync(new CancelContactRequest { ContactId = Hostile.Huge }));
        yield return Case("CancelContact: unknown contact", StatusCode.NotFound, "contact 'no-such-contact' does not exist", async c => await c.Adapter.Routing.CancelContactAsync(new CancelContactRequest { ContactId = "no-such-contact" }));
        yield return Case("GetContact: empty contact_id", Invalid, "contact_id is required", async c => await c.Adapter.Routing.GetContactAsync(new GetContactRequest()));
        yield return Case("GetContact: contact_id with NUL", Invalid, @"contact_id 'a\u0000b' is malformed", async c => await c.Adapter.Routing.GetContactAsync(new GetContactRequest { ContactId = Hostile.Nul }));
        yield return Case("GetContact: unknown contact", StatusCode.NotFound, "contact 'no-such-contact' does not exist", async c => await c.Adapter.Routing.GetContactAsync(new GetContactRequest { ContactId = "no-such-contact" }));
        yield return Case("WatchContact: empty contact_id", Invalid, "contact_id is required", c => ReadAllAsync(c.Adapter.Routing.WatchContact(new WatchContactRequest())));
        yield return Case("WatchContact: unknown contact", StatusCode.NotFound, "contact 'no-such-contact' does not exist", c => ReadAllAsync(c.Adapter.Routing.WatchContact(new WatchContactRequest { ContactId = "no-such-contact" })));
        yield return Case("GetQueueEstimate: empty queue_id", Invalid, "queue_id is required", async c => await c.Adapter.Routing.GetQueueEstimateAsync(new GetQueueEstimateRequest()));
        yield return Case("GetQueueEstimate: unknown queue", StatusCode.NotFound, "queue 'no-such-queue' does not exist", async c => await c.Adapter.Routing.GetQueueEstimateAsync(new GetQueueEstimateRequest { QueueId = "no-such-queue" }));
        yield return Case("GetQueueEstimate: channel 7", Invalid, "channel 7 is not a known channel", async c => await c.Adapter.Routing.GetQueueEstimateAsync(new GetQueueEstimateRequest { QueueId = HostileCallers.QueueId, Channel = (Channel)7 }));

        yield return Case("NavigateIvr: empty request_id", Invalid, "request_id is required", async c => await c.Adapter.Routing.NavigateIvrAsync(new NavigateIvrRequest { SessionId = "s1" }));
        yield return Case("NavigateIvr: empty session_id", Invalid, "session_id is required", async c => await c.Adapter.Routing.NavigateIvrAsync(new NavigateIvrRequest { RequestId = "n1" }));
        yield return Case("NavigateIvr: letters for digits", Invalid, "digits 'abc' must be up to 32 touch-tone keys", async c => await c.Adapter.Routing.NavigateIvrAsync(new NavigateIvrRequest { RequestId = "n2", SessionId = "s2", Digits = "abc" }));
        yield return Case("NavigateIvr: 33 digits", Invalid, "must be up to 32 touch-tone keys", async c => await c.Adapter.Routing.NavigateIvrAsync(new NavigateIvrRequest { RequestId = "n3", SessionId = "s3", Digits = new string('1', 33) }));
        yield return Case("NavigateIvr: digits with ESC", Invalid, @"digits 'a\u001b[31mred'", async c => await c.Adapter.Routing.NavigateIvrAsync(new NavigateIvrRequest { RequestId = "n4", SessionId = "s4", Digits = Hostile.Escape }));
        yield return Case("NavigateIvr: a request id reused for other keys", StatusCode.FailedPrecondition, "request_id 'corpus-step' was already used for a different step",
            async c => await c.Adapter.Routing.NavigateIvrAsync(new NavigateIvrRequest { RequestId = "corpus-step", SessionId = "corpus-session", MenuId = HostileCallers.MenuId, Digits = "9" }));
        yield return Case("NavigateIvr: malformed menu_id", Invalid, "menu_id 'has space' is malformed", async c => await c.Adapter.Routing.NavigateIvrAsync(new NavigateIvrRequest { RequestId = "n5", SessionId = "s5", MenuId = Hostile.Space }));

        yield return Case("RequestCallback: empty request_id", Invalid, "request_id is required", async c => await c.Adapter.Routing.RequestCallbackAsync(new RequestCallbackRequest { ContactId = c.WaitingContactId, CallbackNumber = "+15551234567" }));
        yield return Case("RequestCallback: no number", Invalid, "callback_number is required", async c => await c.Adapter.Routing.RequestCallbackAsync(new RequestCallbackRequest { RequestId = "cb1", ContactId = c.WaitingContactId }));
        yield return Case("RequestCallback: number with NUL", Invalid, @"callback_number '+1555\u0000' is not a phone number", async c => await c.Adapter.Routing.RequestCallbackAsync(new RequestCallbackRequest { RequestId = "cb2", ContactId = c.WaitingContactId, CallbackNumber = "+1555\0" }));
        yield return Case("RequestCallback: unknown contact", StatusCode.NotFound, "does not exist", async c => await c.Adapter.Routing.RequestCallbackAsync(new RequestCallbackRequest { RequestId = "cb3", ContactId = "no-such-contact", CallbackNumber = "+15551234567" }));
    }

    private static async Task ReadAllAsync<T>(AsyncServerStreamingCall<T> call)
    {
        using (call)
        {
            while (await call.ResponseStream.MoveNext(CancellationToken.None))
            {
            }
        }
    }
}
