namespace Routing.Core;

/// <summary>
/// What a queue is configured to expect before it has seen much: the handle time of its contacts and how long its
/// customers wait before giving up. The learner starts from them and moves to what it observes (shrinkage), so a
/// fresh line's estimates are sensible from its first contact instead of swinging on the first few.
/// </summary>
public sealed record WaitPriors(TimeSpan HandleTime, TimeSpan Patience)
{
    /// <summary>A patience typical of voice queues, for queues that do not configure one.</summary>
    public static readonly TimeSpan DefaultPatience = TimeSpan.FromMinutes(10);
}
