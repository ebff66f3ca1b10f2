namespace Routing.Core;

/// <summary>
/// What a bucket of waiting contacts shares within a channel: the priority and the required skills, as a set (the
/// order the requirements were listed in does not change who may take a contact).
/// </summary>
/// <remarks>
/// Within one priority the service order is the arrival order, and every contact's requirements relax with its own
/// wait; so in a bucket the contacts ahead have waited at least as long, and are open to every agent the ones behind
/// them are open to. That is what lets a peek judge a bucket by its first contact.
/// </remarks>
internal readonly struct ContactBucketKey(int priority, IReadOnlyList<SkillRequirement> requiredSkills) : IEquatable<ContactBucketKey>
{
    public int Priority { get; } = priority;

    public IReadOnlyList<SkillRequirement> RequiredSkills { get; } = requiredSkills;

    public static ContactBucketKey Of(WaitingContact contact) => new(contact.Priority, contact.RequiredSkills);

    public bool Equals(ContactBucketKey other) =>
        Priority == other.Priority
        && RequiredSkills.Count == other.RequiredSkills.Count
        && (RequiredSkills.SequenceEqual(other.RequiredSkills) || Sorted(RequiredSkills).SequenceEqual(Sorted(other.RequiredSkills)));

    public override bool Equals(object? obj) => obj is ContactBucketKey other && Equals(other);

    /// <summary>Order-independent: a sum of the requirements' own hashes.</summary>
    public override int GetHashCode()
    {
        var requirements = 0;
        foreach (var requirement in RequiredSkills)
        {
            requirements = unchecked(requirements + requirement.GetHashCode());
        }

        return HashCode.Combine(Priority, requirements);
    }

    public static bool operator ==(ContactBucketKey left, ContactBucketKey right) => left.Equals(right);

    public static bool operator !=(ContactBucketKey left, ContactBucketKey right) => !left.Equals(right);

    private static IEnumerable<SkillRequirement> Sorted(IReadOnlyList<SkillRequirement> requirements) =>
        requirements.OrderBy(r => r.Skill, StringComparer.Ordinal).ThenBy(r => r.MinLevel);
}
