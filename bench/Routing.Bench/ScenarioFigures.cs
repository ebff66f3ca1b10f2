namespace Routing.Bench;

/// <summary>
/// The scenarios after the lives: the CPU of the process with every offer stream open and nothing happening, as a
/// share of one core; memory per contact left waiting (working set and managed heap after a full collection); and
/// the enqueue rate into one queue at the start of a long line and at its end. Null where not asked for.
/// </summary>
internal sealed record ScenarioFigures(
    double? IdleCoreShare,
    double? WorkingSetBytesPerParked,
    double? HeapBytesPerParked,
    double? ShortLineEnqueuesPerSecond,
    double? LongLineEnqueuesPerSecond,
    double? EntryBytesAtShortLine,
    double? EntryBytesAtLongLine);
