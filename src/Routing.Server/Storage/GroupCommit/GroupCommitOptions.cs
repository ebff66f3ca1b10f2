using System.ComponentModel.DataAnnotations;

namespace Routing.Server.Storage.GroupCommit;

/// <summary>
/// How the grain storage batches: bound from <see cref="SectionName"/>, validated at start.
/// </summary>
public sealed class GroupCommitOptions
{
    /// <summary>The configuration section these options are bound from.</summary>
    public const string SectionName = "Routing:Storage:GroupCommit";

    /// <summary>
    /// Most operations sent to the store in one batch. What queues up beyond it goes in the next batch: the bound
    /// keeps one transaction's size (and a slow batch's hold on every caller in it) in check. 256 by default.
    /// </summary>
    [Range(1, 10_000, ErrorMessage = $"{SectionName}:{nameof(MaxBatchSize)} must be between 1 and 10000.")]
    public int MaxBatchSize { get; set; } = 256;
}
