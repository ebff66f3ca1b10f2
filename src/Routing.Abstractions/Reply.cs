using Routing.Core;

namespace Routing.Abstractions;

/// <summary>The result of a grain command: typed instead of thrown, so a refusal crosses silos as data.</summary>
[GenerateSerializer, Immutable, Alias("routing.reply")]
public sealed record Reply([property: Id(0)] ReplyStatus Status, [property: Id(1)] string Message)
{
    public static Reply Ok { get; } = new(ReplyStatus.Ok, string.Empty);

    public bool IsOk => Status == ReplyStatus.Ok;

    public static Reply Fail(ReplyStatus status, string message) => new(status, message);

    public static Reply From(RoutingRuleException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return new(ToStatus(exception.Violation), exception.Message);
    }

    public static Reply<T> Success<T>(T value) => new(ReplyStatus.Ok, string.Empty, value);

    public static Reply<T> Failure<T>(ReplyStatus status, string message) => new(status, message, default);

    public static Reply<T> Failure<T>(RoutingRuleException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return new(ToStatus(exception.Violation), exception.Message, default);
    }

    public static Reply<T> Failure<T>(Reply failure)
    {
        ArgumentNullException.ThrowIfNull(failure);
        return new(failure.Status, failure.Message, default);
    }

    public static ReplyStatus ToStatus(RuleViolation violation) => violation switch
    {
        RuleViolation.NotFound => ReplyStatus.NotFound,
        RuleViolation.InvalidArgument => ReplyStatus.InvalidArgument,
        _ => ReplyStatus.FailedPrecondition,
    };
}
