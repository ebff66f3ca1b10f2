namespace Routing.Core;

/// <summary>A request that breaks a routing rule; nothing was changed.</summary>
public sealed class RoutingRuleException : Exception
{
    public RoutingRuleException()
    {
    }

    public RoutingRuleException(string message)
        : base(message)
    {
    }

    public RoutingRuleException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public RoutingRuleException(RuleViolation violation, string message)
        : base(message)
    {
        Violation = violation;
    }

    public RuleViolation Violation { get; } = RuleViolation.FailedPrecondition;
}
