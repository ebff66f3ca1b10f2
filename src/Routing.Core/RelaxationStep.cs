namespace Routing.Core;

/// <summary>
/// One ring of a bullseye: once a contact has waited <paramref name="After"/>, its minimum levels drop by
/// <paramref name="LowerMinimumBy"/> and the listed skills stop being required, widening the eligible agents.
/// </summary>
public sealed record RelaxationStep(TimeSpan After, int LowerMinimumBy, IReadOnlyList<string> DropSkills);
