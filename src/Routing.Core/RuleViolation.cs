namespace Routing.Core;

/// <summary>The kind of rule a request broke; maps one-to-one to an API status.</summary>
public enum RuleViolation
{
    /// <summary>Something referred to does not exist.</summary>
    NotFound = 1,

    /// <summary>The request is malformed whatever the state.</summary>
    InvalidArgument = 2,

    /// <summary>The request is valid but not in the current state (accepting someone else's offer).</summary>
    FailedPrecondition = 3,
}
