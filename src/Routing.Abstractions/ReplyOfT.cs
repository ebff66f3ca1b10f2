namespace Routing.Abstractions;

/// <summary>The result of a grain command that returns a value when it succeeds.</summary>
[GenerateSerializer, Immutable, Alias("routing.reply`1")]
public sealed record Reply<T>([property: Id(0)] ReplyStatus Status, [property: Id(1)] string Message, [property: Id(2)] T? Value)
{
    public bool IsOk => Status == ReplyStatus.Ok;
}
