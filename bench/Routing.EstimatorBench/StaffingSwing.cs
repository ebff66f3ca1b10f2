namespace Routing.EstimatorBench;

/// <summary>
/// Part-time agents go on and off shift every <paramref name="Period"/>: on shift in the even periods (from the
/// start), off in the odd ones. An agent going off shift finishes the contact it has and takes no new one (its
/// presence becomes not ready); one coming on shift takes the oldest waiting contact at once if it is free.
/// </summary>
public sealed record StaffingSwing(TimeSpan Period);
