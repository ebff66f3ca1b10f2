using Routing.Api.V1;
using Routing.Client;

namespace Routing.Server.Tests.Api;

[Collection(ServerCollection.Name)]
public sealed class EndToEndTests(ServerFixture fixture)
{
    [Fact]
    public async Task Voice_chat_and_email_are_routed_offered_accepted_and_completed_and_the_next_waiting_contact_is_offered()
    {
        var client = fixture.Server.Client;
        var center = new Center(client);
        var queue = await center.QueueAsync("omni", Channel.Voice, Channel.Chat, Channel.Email);
        var agent = await center.AgentAsync("ana", [queue], [(Channel.Voice, 1, true), (Channel.Chat, 1, false), (Channel.Email, 1, false)]);
        using var offers = client.Agents.WatchOffers(new WatchOffersRequest { AgentId = agent });

        // A voice call goes straight to the idle agent.
        var call = await center.RouteAsync(queue, Channel.Voice);
        Assert.Equal(RouteOutcome.Offered, call.Outcome);
        Assert.Equal(agent, call.AgentId);
        var offered = await Eventually.Next(offers.ResponseStream, "the voice offer");
        Assert.Equal((OfferEventKind.Offered, call.ContactId, Channel.Voice), (offered.Kind, offered.Assignment.ContactId, offered.Assignment.Channel));
        await client.Agents.AcceptOfferAsync(new AcceptOfferRequest { AgentId = agent, ContactId = call.ContactId, RequestId = "a1" });
        Assert.Equal(OfferEventKind.Accepted, (await Eventually.Next(offers.ResponseStream, "the voice accept")).Kind);

        // Voice is exclusive: a chat arriving now waits, and says why.
        var chat = await center.RouteAsync(queue, Channel.Chat);
        Assert.Equal(RouteOutcome.Queued, chat.Outcome);
        Assert.Equal(1, chat.Position);
        Assert.Equal("the only eligible available agent is busy: 1 on an exclusive call", chat.Reason);

        // Completing the call frees the agent, who is offered the waiting chat.
        await client.Agents.CompleteContactAsync(new CompleteContactRequest { AgentId = agent, ContactId = call.ContactId, RequestId = "c1" });
        var chatOffer = await Eventually.Next(offers.ResponseStream, "the chat offer");
        Assert.Equal((OfferEventKind.Offered, chat.ContactId), (chatOffer.Kind, chatOffer.Assignment.ContactId));
        await client.Agents.AcceptOfferAsync(new AcceptOfferRequest { AgentId = agent, ContactId = chat.ContactId, RequestId = "a2" });
        Assert.Equal(OfferEventKind.Accepted, (await Eventually.Next(offers.ResponseStream, "the chat accept")).Kind);

        // Email is concurrent with chat on this profile: offered at once; a second email waits for the first.
        var email = await center.RouteAsync(queue, Channel.Email);
        Assert.Equal(RouteOutcome.Offered, email.Outcome);
        Assert.Equal(email.ContactId, (await Eventually.Next(offers.ResponseStream, "the email offer")).Assignment.ContactId);
        await client.Agents.AcceptOfferAsync(new AcceptOfferRequest { AgentId = agent, ContactId = email.ContactId, RequestId = "a3" });
        Assert.Equal(OfferEventKind.Accepted, (await Eventually.Next(offers.ResponseStream, "the email accept")).Kind);
        // From another customer: this one's contacts now wait first for ana, who served them (preferred agent).
        var secondEmail = await center.RouteAsync(queue, Channel.Email, center.Id("another-customer"));
        Assert.Equal(RouteOutcome.Queued, secondEmail.Outcome);
        Assert.Equal("the only eligible agent is at email capacity", secondEmail.Reason);

        await client.Agents.CompleteContactAsync(new CompleteContactRequest { AgentId = agent, ContactId = email.ContactId, RequestId = "c2" });
        var next = await Eventually.Next(offers.ResponseStream, "the second email offer");
        Assert.Equal((OfferEventKind.Offered, secondEmail.ContactId), (next.Kind, next.Assignment.ContactId));

        await client.Agents.CompleteContactAsync(new CompleteContactRequest { AgentId = agent, ContactId = chat.ContactId, RequestId = "c3" });
        foreach (var id in new[] { call.ContactId, chat.ContactId, email.ContactId })
        {
            var contact = await client.Routing.GetContactAsync(new GetContactRequest { ContactId = id });
            Assert.Equal(ContactState.Completed, contact.State);
            Assert.Equal(agent, contact.AgentId);
        }

        var stats = await client.Supervisor.GetQueueStatsAsync(new GetQueueStatsRequest { QueueId = queue });
        Assert.Equal((0, 1, 4L, 3L), (stats.Waiting, stats.Offered, stats.OffersMade, stats.Answered));
    }

    [Fact]
    public async Task A_call_is_offered_to_an_agent_working_on_interruptible_email()
    {
        var client = fixture.Server.Client;
        var center = new Center(client);
        var queue = await center.QueueAsync("blended", Channel.Voice, Channel.Email);
        var config = new AgentConfig { AgentId = center.Id("eve"), Name = "eve" };
        config.Queues.Add(new QueueMembership { QueueId = queue, Priority = 1 });
        config.Capacity.Add(new ChannelCapacity { Channel = Channel.Voice, MaxConcurrent = 1, Exclusive = true });
        config.Capacity.Add(new ChannelCapacity { Channel = Channel.Email, MaxConcurrent = 2, Interruptible = true });
        await client.Admin.UpsertAgentAsync(config);
        Assert.True((await client.Admin.GetAgentConfigAsync(new GetAgentConfigRequest { AgentId = config.AgentId })).Capacity.Single(c => c.Channel == Channel.Email).Interruptible);
        await client.Agents.SetStatusAsync(new SetStatusRequest { AgentId = config.AgentId, Status = AgentStatus.Available, RequestId = "eve-in" });

        var email = await center.RouteAsync(queue, Channel.Email);
        Assert.Equal((RouteOutcome.Offered, config.AgentId), (email.Outcome, email.AgentId));
        await client.Agents.AcceptOfferAsync(new AcceptOfferRequest { AgentId = config.AgentId, ContactId = email.ContactId, RequestId = "eve-email" });

        // Email is deferrable on this profile: the call interrupts it rather than waiting for it to be answered.
        var call = await center.RouteAsync(queue, Channel.Voice);
        Assert.Equal((RouteOutcome.Offered, config.AgentId), (call.Outcome, call.AgentId));
    }

    [Fact]
    public async Task Watching_a_contact_streams_its_place_then_its_offer_and_its_end()
    {
        var client = fixture.Server.Client;
        var center = new Center(client);
        var queue = await center.QueueAsync("watched", Channel.Chat);
        var first = await center.RouteAsync(queue, Channel.Chat);
        var second = await center.RouteAsync(queue, Channel.Chat);
        using var watch = client.Routing.WatchContact(new WatchContactRequest { ContactId = second.ContactId });

        var initial = await Eventually.Next(watch.ResponseStream, "the current state");
        Assert.Equal((ContactState.Queued, 2), (initial.State, initial.Position));
        Assert.Equal("no agent serves this queue", initial.Reason);

        await client.Routing.CancelContactAsync(new CancelContactRequest { ContactId = first.ContactId, RequestId = "cancel-1" });
        var moved = await Eventually.NextMatching(watch.ResponseStream, c => c.Position != 2, "the move to first place");
        Assert.Equal((ContactState.Queued, 1), (moved.State, moved.Position));

        var agent = await center.AgentAsync("watcher", [queue], [(Channel.Chat, 2, false)]);
        var offered = await Eventually.NextMatching(watch.ResponseStream, c => c.State != ContactState.Queued, "the offer");
        Assert.Equal((ContactState.Offered, agent), (offered.State, offered.AgentId));

        await client.Agents.AcceptOfferAsync(new AcceptOfferRequest { AgentId = agent, ContactId = second.ContactId, RequestId = "a" });
        await Eventually.NextMatching(watch.ResponseStream, c => c.State == ContactState.Connected, "the connection");
        await client.Agents.CompleteContactAsync(new CompleteContactRequest { AgentId = agent, ContactId = second.ContactId, RequestId = "c" });
        var ended = await Eventually.NextMatching(watch.ResponseStream, c => c.State != ContactState.Connected, "the end");
        Assert.Equal(ContactState.Completed, ended.State);
        Assert.False(await watch.ResponseStream.MoveNext(CancellationToken.None), "the stream ends with the contact");
    }

    [Fact]
    public async Task Retrying_a_route_with_the_same_request_id_does_not_route_twice()
    {
        var client = fixture.Server.Client;
        var center = new Center(client);
        var queue = await center.QueueAsync("retry", Channel.Voice);

        var first = await center.RouteAsync(queue, Channel.Voice, requestId: center.Id("request"));
        var retry = await center.RouteAsync(queue, Channel.Voice, requestId: center.Id("request"));

        Assert.Equal(first.ContactId, retry.ContactId);
        Assert.Equal((RouteOutcome.Queued, 1), (retry.Outcome, retry.Position));
        var stats = await client.Supervisor.GetQueueStatsAsync(new GetQueueStatsRequest { QueueId = queue });
        Assert.Equal(1, stats.Waiting);
    }

    [Fact]
    public async Task Retried_desktop_commands_answer_as_the_first_time_and_change_nothing_more()
    {
        var client = fixture.Server.Client;
        var center = new Center(client);
        var queue = await center.QueueAsync("retries", Channel.Chat);
        var agent = await center.AgentAsync("repeat", [queue], [(Channel.Chat, 2, false)]);
        var first = await center.RouteAsync(queue, Channel.Chat);
        var second = await center.RouteAsync(queue, Channel.Chat);
        Assert.Equal((agent, agent), (first.AgentId, second.AgentId));

        var reject = new RejectOfferRequest { AgentId = agent, ContactId = first.ContactId, RequestId = "r", Reason = "on another chat" };
        await client.Agents.RejectOfferAsync(reject);
        var rejectedAgain = await client.Agents.RejectOfferAsync(reject);
        Assert.Equal((AgentStatus.NotReady, "missed: on another chat"), (rejectedAgain.Status, rejectedAgain.NotReadyReason));

        var accept = new AcceptOfferRequest { AgentId = agent, ContactId = second.ContactId, RequestId = "a" };
        await client.Agents.AcceptOfferAsync(accept);
        Assert.Equal(AssignmentPhase.Connected, (await client.Agents.AcceptOfferAsync(accept)).Phase);
        var complete = new CompleteContactRequest { AgentId = agent, ContactId = second.ContactId, RequestId = "c" };
        Assert.Equal(AssignmentPhase.Completed, (await client.Agents.CompleteContactAsync(complete)).Phase);
        Assert.Equal(AssignmentPhase.Completed, (await client.Agents.CompleteContactAsync(complete)).Phase);

        var stats = await client.Supervisor.GetQueueStatsAsync(new GetQueueStatsRequest { QueueId = queue });
        Assert.Equal((1, 0, 2L, 1L), (stats.Waiting, stats.Offered, stats.OffersMade, stats.Answered));
    }

    [Fact]
    public async Task The_expected_wait_for_a_new_contact_depends_on_its_channel()
    {
        var client = fixture.Server.Client;
        var center = new Center(client);
        var queue = await center.QueueAsync("blended", Channel.Voice, Channel.Chat);
        await center.AgentAsync("chatter", [queue], [(Channel.Chat, 2, false)]);

        var chat = await client.Routing.GetQueueEstimateAsync(new GetQueueEstimateRequest { QueueId = queue, Channel = Channel.Chat });
        var voice = await client.Routing.GetQueueEstimateAsync(new GetQueueEstimateRequest { QueueId = queue, Channel = Channel.Voice });
        var best = await client.Routing.GetQueueEstimateAsync(new GetQueueEstimateRequest { QueueId = queue });

        Assert.Equal((TimeSpan.Zero, 1.0), (chat.EstimatedWait.ToTimeSpan(), chat.ProbabilityAnsweredWithinTarget));
        Assert.Null(voice.EstimatedWait);
        Assert.Equal(0.0, voice.ProbabilityAnsweredWithinTarget);
        Assert.Equal(TimeSpan.Zero, best.EstimatedWait.ToTimeSpan());
        var refused = await Assert.ThrowsAsync<Grpc.Core.RpcException>(() =>
            client.Routing.GetQueueEstimateAsync(new GetQueueEstimateRequest { QueueId = queue, Channel = Channel.Email }).ResponseAsync);
        Assert.Equal(Grpc.Core.StatusCode.InvalidArgument, refused.StatusCode);
    }

    [Fact]
    public async Task A_new_caller_behind_a_busy_agent_is_told_the_wait_and_the_chance_of_an_answer_within_the_target()
    {
        var client = fixture.Server.Client;
        var center = new Center(client);
        var config = new QueueConfig
        {
            QueueId = center.Id("estimated"),
            Name = "estimated",
            ServiceLevelTarget = Google.Protobuf.WellKnownTypes.Duration.FromTimeSpan(TimeSpan.FromSeconds(20)),
            DefaultHandleTime = Google.Protobuf.WellKnownTypes.Duration.FromTimeSpan(TimeSpan.FromSeconds(300)),
        };
        config.Channels.Add(Channel.Voice);
        await client.Admin.UpsertQueueAsync(config);
        var agent = await center.AgentAsync("busy", [config.QueueId], [(Channel.Voice, 1, true)]);
        var call = await center.RouteAsync(config.QueueId, Channel.Voice);
        await client.Agents.AcceptOfferAsync(new AcceptOfferRequest { AgentId = agent, ContactId = call.ContactId, RequestId = RoutingClient.NewRequestId() });

        var estimate = await client.Routing.GetQueueEstimateAsync(new GetQueueEstimateRequest { QueueId = config.QueueId, Channel = Channel.Voice });

        // One answer needed from one agent handling calls in 300 s on average: 300 s, and P(wait <= 20 s) = 1 - e^(-20/300).
        // (The call under way counts as service time with no completion yet: a tenth of its milliseconds more.)
        Assert.InRange(estimate.EstimatedWait.ToTimeSpan(), TimeSpan.FromSeconds(300), TimeSpan.FromSeconds(301));
        Assert.Equal(1 - Math.Exp(-20.0 / 300), estimate.ProbabilityAnsweredWithinTarget, 4);
        Assert.Equal(TimeSpan.FromSeconds(20), estimate.ServiceLevelTarget.ToTimeSpan());
    }
}
