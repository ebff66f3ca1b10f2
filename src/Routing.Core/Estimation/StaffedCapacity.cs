namespace Routing.Core;

/// <summary>The capacity a line can count on from the agents logged in and able to take it.</summary>
/// <param name="Dedicated">Concurrent capacity of agents that serve only this queue.</param>
/// <param name="Shared">Nominal capacity of agents that also serve other queues: each counts for 1/k of its capacity,
/// k the queues it serves (the learner corrects that with the share the line really gets).</param>
public sealed record StaffedCapacity(double Dedicated, double Shared)
{
    public static StaffedCapacity None { get; } = new(0, 0);

    public double Total => Dedicated + Shared;

    /// <summary>The capacity of <paramref name="able"/> on <paramref name="channel"/>, split by whether they serve other queues.</summary>
    public static StaffedCapacity Of(IEnumerable<QueueMember> able, Channel channel)
    {
        ArgumentNullException.ThrowIfNull(able);
        double dedicated = 0, shared = 0;
        foreach (var member in able)
        {
            var capacity = member.Capacity.For(channel).MaxConcurrent;
            if (member.QueuesServed > 1)
            {
                shared += (double)capacity / member.QueuesServed;
            }
            else
            {
                dedicated += capacity;
            }
        }

        return new StaffedCapacity(dedicated, shared);
    }
}
