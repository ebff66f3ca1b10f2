using Grpc.Core;
using Routing.Api.V1;

namespace Routing.Server.Tests.Hostile;

public static partial class HostileCorpus
{
    private const string Me = HostileCallers.AgentId;
    private const string Other = HostileCallers.OtherAgentId;

    private static IEnumerable<HostileCase> AgentCases()
    {
        const StatusCode Invalid = StatusCode.InvalidArgument;
        const StatusCode Denied = StatusCode.PermissionDenied;
        yield return Case("SetStatus: empty agent_id", Invalid, "agent_id is required", async c => await c.Agent.Agents.SetStatusAsync(new SetStatusRequest { RequestId = "s", Status = AgentStatus.Available }));
        yield return Case("SetStatus: agent_id of 100,000 characters", Invalid, "(100000 characters)", async c => await c.Operator.Agents.SetStatusAsync(new SetStatusRequest { RequestId = "s", AgentId = Hostile.Huge, Status = AgentStatus.Available }));
        yield return Case("SetStatus: unknown agent", StatusCode.NotFound, "agent 'nobody' does not exist", async c => await c.Operator.Agents.SetStatusAsync(new SetStatusRequest { RequestId = "s", AgentId = "nobody", Status = AgentStatus.Available }));
        yield return Case("SetStatus: status unspecified", Invalid, "status is required", async c => await c.Agent.Agents.SetStatusAsync(new SetStatusRequest { RequestId = "s", AgentId = Me }));
        yield return Case("SetStatus: status 99", Invalid, "status is required: AVAILABLE, NOT_READY or LOGGED_OUT", async c => await c.Agent.Agents.SetStatusAsync(new SetStatusRequest { RequestId = "s", AgentId = Me, Status = (AgentStatus)99 }));
        yield return Case("SetStatus: not ready without a reason", Invalid, "reason (why the agent is not ready) is required", async c => await c.Agent.Agents.SetStatusAsync(new SetStatusRequest { RequestId = "s", AgentId = Me, Status = AgentStatus.NotReady }));
        yield return Case("SetStatus: reason of 501 characters", Invalid, "reason is 501 characters long; at most 500 are allowed", async c => await c.Agent.Agents.SetStatusAsync(new SetStatusRequest { RequestId = "s", AgentId = Me, Status = AgentStatus.NotReady, Reason = Hostile.Long(501) }));
        yield return Case("SetStatus: reason of 200,000 characters", Invalid, "reason is 200000 characters long", async c => await c.Agent.Agents.SetStatusAsync(new SetStatusRequest { RequestId = "s", AgentId = Me, Status = AgentStatus.NotReady, Reason = Hostile.Long200k }));
        yield return Case("SetStatus: reason with ESC", Invalid, "reason contains control character U+001B at position 1", async c => await c.Agent.Agents.SetStatusAsync(new SetStatusRequest { RequestId = "s", AgentId = Me, Status = AgentStatus.NotReady, Reason = Hostile.Escape }));
        yield return Case("SetStatus: reason with a forged log line", Invalid, "reason contains control character U+000A", async c => await c.Agent.Agents.SetStatusAsync(new SetStatusRequest { RequestId = "s", AgentId = Me, Status = AgentStatus.NotReady, Reason = Hostile.NewLine }));
        yield return Case("SetStatus: logging out while holding work", StatusCode.FailedPrecondition, "finish them before logging out", async c => await c.Agent.Agents.SetStatusAsync(new SetStatusRequest { RequestId = "s", AgentId = Me, Status = AgentStatus.LoggedOut }));
        yield return Case("SetStatus: for another agent", Denied, $"cannot act for agent '{Other}'", async c => await c.Agent.Agents.SetStatusAsync(new SetStatusRequest { RequestId = "s", AgentId = Other, Status = AgentStatus.Available }));
        yield return Case("SetStatus: a request id reused for another status", StatusCode.FailedPrecondition, "request_id 'corpus-login' was already used for a different request",
            async c => await c.Agent.Agents.SetStatusAsync(new SetStatusRequest { RequestId = "corpus-login", AgentId = Me, Status = AgentStatus.NotReady, Reason = "break" }));
        yield return Case("SetStatus: a malformed request id", Invalid, @"request_id 'a\u001b[31mred' is malformed",
            async c => await c.Agent.Agents.SetStatusAsync(new SetStatusRequest { RequestId = Hostile.Escape, AgentId = Me, Status = AgentStatus.Available }));
        yield return Case("GetAgent: empty agent_id", Invalid, "agent_id is required", async c => await c.Agent.Agents.GetAgentAsync(new GetAgentRequest()));
        yield return Case("GetAgent: unknown agent", StatusCode.NotFound, "agent 'nobody' does not exist", async c => await c.Supervisor.Agents.GetAgentAsync(new GetAgentRequest { AgentId = "nobody" }));
        yield return Case("GetAgent: another agent", Denied, $"cannot act for agent '{Me}'", async c => await c.OtherAgent.Agents.GetAgentAsync(new GetAgentRequest { AgentId = Me }));
        yield return Case("WatchOffers: empty agent_id", Invalid, "agent_id is required", c => ReadAllAsync(c.Agent.Agents.WatchOffers(new WatchOffersRequest())));
        yield return Case("WatchOffers: unknown agent", StatusCode.NotFound, "agent 'nobody' does not exist", c => ReadAllAsync(c.Operator.Agents.WatchOffers(new WatchOffersRequest { AgentId = "nobody" })));
        yield return Case("WatchOffers: another agent's offers", Denied, $"cannot act for agent '{Me}'", c => ReadAllAsync(c.OtherAgent.Agents.WatchOffers(new WatchOffersRequest { AgentId = Me })));
        yield return Case("AcceptOffer: empty contact_id", Invalid, "contact_id is required", async c => await c.Agent.Agents.AcceptOfferAsync(new AcceptOfferRequest { RequestId = "a", AgentId = Me }));
        yield return Case("AcceptOffer: contact_id with ESC", Invalid, @"contact_id 'a\u001b[31mred' is malformed", async c => await c.Agent.Agents.AcceptOfferAsync(new AcceptOfferRequest { RequestId = "a", AgentId = Me, ContactId = Hostile.Escape }));
        yield return Case("AcceptOffer: another agent's offer by its id", Denied, $"cannot act for agent '{Me}'", async c => await c.OtherAgent.Agents.AcceptOfferAsync(new AcceptOfferRequest { RequestId = "a", AgentId = Me, ContactId = c.OfferedContactId }));
        yield return Case("AcceptOffer: another agent's offer as oneself", StatusCode.FailedPrecondition, $"agent '{Other}' holds no offer for contact", async c => await c.OtherAgent.Agents.AcceptOfferAsync(new AcceptOfferRequest { RequestId = "a", AgentId = Other, ContactId = c.OfferedContactId }));
        yield return Case("AcceptOffer: a contact never offered", StatusCode.FailedPrecondition, "holds no offer for contact", async c => await c.Agent.Agents.AcceptOfferAsync(new AcceptOfferRequest { RequestId = "a", AgentId = Me, ContactId = c.WaitingContactId }));
        yield return Case("RejectOffer: reason of 501 characters", Invalid, "reason is 501 characters long", async c => await c.Agent.Agents.RejectOfferAsync(new RejectOfferRequest { RequestId = "r", AgentId = Me, ContactId = c.OfferedContactId, Reason = Hostile.Long(501) }));
        yield return Case("RejectOffer: reason with NUL", Invalid, "reason contains control character U+0000", async c => await c.Agent.Agents.RejectOfferAsync(new RejectOfferRequest { RequestId = "r", AgentId = Me, ContactId = c.OfferedContactId, Reason = Hostile.Nul }));
        yield return Case("RejectOffer: another agent's offer", Denied, $"cannot act for agent '{Me}'", async c => await c.OtherAgent.Agents.RejectOfferAsync(new RejectOfferRequest { RequestId = "r", AgentId = Me, ContactId = c.OfferedContactId }));
        yield return Case("RejectOffer: unknown agent", StatusCode.NotFound, "agent 'nobody' does not exist", async c =>
        {
            using var nobody = c.With(HostileCorpusFixture.Token("agent", "nobody"));
            await nobody.Agents.RejectOfferAsync(new RejectOfferRequest { RequestId = "r", AgentId = "nobody", ContactId = c.OfferedContactId });
        });
        yield return Case("CompleteContact: an offer not yet accepted", StatusCode.FailedPrecondition, "", async c => await c.Agent.Agents.CompleteContactAsync(new CompleteContactRequest { RequestId = "c", AgentId = Me, ContactId = c.OfferedContactId }));
        yield return Case("CompleteContact: disposition of 501 characters", Invalid, "disposition is 501 characters long", async c => await c.Agent.Agents.CompleteContactAsync(new CompleteContactRequest { RequestId = "c", AgentId = Me, ContactId = c.OfferedContactId, Disposition = Hostile.Long(501) }));
        yield return Case("CompleteContact: disposition with ESC", Invalid, "disposition contains control character U+001B", async c => await c.Agent.Agents.CompleteContactAsync(new CompleteContactRequest { RequestId = "c", AgentId = Me, ContactId = c.OfferedContactId, Disposition = Hostile.Escape }));
        yield return Case("CompleteContact: a contact not held", StatusCode.FailedPrecondition, "", async c => await c.Agent.Agents.CompleteContactAsync(new CompleteContactRequest { RequestId = "c", AgentId = Me, ContactId = c.WaitingContactId }));
        yield return Case("EndWrapUp: a contact not in wrap-up", StatusCode.FailedPrecondition, "", async c => await c.Agent.Agents.EndWrapUpAsync(new EndWrapUpRequest { RequestId = "e", AgentId = Me, ContactId = c.OfferedContactId }));
        yield return Case("EndWrapUp: empty contact_id", Invalid, "contact_id is required", async c => await c.Agent.Agents.EndWrapUpAsync(new EndWrapUpRequest { RequestId = "e", AgentId = Me }));
        yield return Case("TransferContact: no target", Invalid, "a transfer needs to_queue_id, to_agent_id or both", async c => await c.Agent.Agents.TransferContactAsync(new TransferContactRequest { RequestId = "t", AgentId = Me, ContactId = c.OfferedContactId }));
        yield return Case("TransferContact: empty request_id", Invalid, "request_id is required", async c => await c.Agent.Agents.TransferContactAsync(new TransferContactRequest { AgentId = Me, ContactId = c.OfferedContactId, ToQueueId = HostileCallers.QueueId }));
        yield return Case("TransferContact: malformed to_queue_id", Invalid, "to_queue_id 'has space' is malformed", async c => await c.Agent.Agents.TransferContactAsync(new TransferContactRequest { RequestId = "t", AgentId = Me, ContactId = c.OfferedContactId, ToQueueId = Hostile.Space }));
        yield return Case("TransferContact: malformed to_agent_id", Invalid, @"to_agent_id 'a\u0000b' is malformed", async c => await c.Agent.Agents.TransferContactAsync(new TransferContactRequest { RequestId = "t", AgentId = Me, ContactId = c.OfferedContactId, ToAgentId = Hostile.Nul }));
        yield return Case("TransferContact: a contact only offered", StatusCode.FailedPrecondition, "", async c => await c.Agent.Agents.TransferContactAsync(new TransferContactRequest { RequestId = "t", AgentId = Me, ContactId = c.OfferedContactId, ToQueueId = HostileCallers.QueueId }));
        yield return Case("TransferContact: as another agent", Denied, $"cannot act for agent '{Me}'", async c => await c.OtherAgent.Agents.TransferContactAsync(new TransferContactRequest { RequestId = "t", AgentId = Me, ContactId = c.OfferedContactId, ToQueueId = HostileCallers.QueueId }));
    }
}
