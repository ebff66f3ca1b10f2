using static Routing.Core.Tests.Given;

namespace Routing.Core.Tests;

public class TransferRulesTests
{
    private static readonly Assignment Connected = new("c1", "sales", Channel.Voice, AssignmentPhase.Connected, T0, null);

    [Fact]
    public void A_connected_contact_may_go_to_another_queue_or_agent()
    {
        TransferRules.CheckTransferable("ana", "c1", Connected, "bob");
        TransferRules.CheckDestination("support", [Channel.Voice, Channel.Chat], Channel.Voice, null, null);
        TransferRules.CheckDestination("support", [Channel.Voice], Channel.Voice, "bob", new TransferTarget("bob", AgentPresence.NotReady, ["support"]));
    }

    [Fact]
    public void Only_a_connected_contact_the_agent_holds_can_be_transferred_and_never_to_itself()
    {
        AssertRefused(RuleViolation.FailedPrecondition, "agent 'ana' does not hold contact 'c1'", () => TransferRules.CheckTransferable("ana", "c1", null, null));
        AssertRefused(
            RuleViolation.FailedPrecondition,
            "contact 'c1' is offered: only a connected contact can be transferred",
            () => TransferRules.CheckTransferable("ana", "c1", Connected with { Phase = AssignmentPhase.Offered }, null));
        AssertRefused(
            RuleViolation.FailedPrecondition,
            "contact 'c1' is wrapup: only a connected contact can be transferred",
            () => TransferRules.CheckTransferable("ana", "c1", Connected with { Phase = AssignmentPhase.WrapUp }, null));
        AssertRefused(RuleViolation.InvalidArgument, "agent 'ana' cannot transfer a contact to itself", () => TransferRules.CheckTransferable("ana", "c1", Connected, "ana"));
    }

    [Fact]
    public void The_destination_queue_must_exist_and_take_the_channel()
    {
        AssertRefused(RuleViolation.NotFound, "queue 'nowhere' does not exist", () => TransferRules.CheckDestination("nowhere", null, Channel.Voice, null, null));
        AssertRefused(RuleViolation.FailedPrecondition, "queue 'email' does not take voice", () => TransferRules.CheckDestination("email", [Channel.Email], Channel.Voice, null, null));
    }

    [Fact]
    public void A_named_agent_must_exist_be_logged_in_and_serve_the_queue()
    {
        AssertRefused(RuleViolation.NotFound, "agent 'zed' does not exist", () => TransferRules.CheckDestination("sales", [Channel.Voice], Channel.Voice, "zed", null));
        AssertRefused(
            RuleViolation.FailedPrecondition,
            "agent 'bob' is logged out",
            () => TransferRules.CheckDestination("sales", [Channel.Voice], Channel.Voice, "bob", new TransferTarget("bob", AgentPresence.LoggedOut, ["sales"])));
        AssertRefused(
            RuleViolation.FailedPrecondition,
            "agent 'bob' does not serve queue 'sales'",
            () => TransferRules.CheckDestination("sales", [Channel.Voice], Channel.Voice, "bob", new TransferTarget("bob", AgentPresence.Available, ["support"])));
    }

    private static void AssertRefused(RuleViolation violation, string message, Action check)
    {
        var refused = Assert.Throws<RoutingRuleException>(check);
        Assert.Equal((violation, message), (refused.Violation, refused.Message));
    }
}
