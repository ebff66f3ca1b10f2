namespace Routing.Abstractions;

/// <summary>Outcome of a grain command; every failure changed nothing.</summary>
public enum ReplyStatus
{
    Ok = 0,
    NotFound = 1,
    InvalidArgument = 2,
    FailedPrecondition = 3,
}
