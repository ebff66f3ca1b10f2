namespace Routing.EstimatorBench;

/// <summary>How the Monte-Carlo floor is sampled.</summary>
/// <param name="Replays">Futures replayed per scored contact (K).</param>
/// <param name="Stride">Replays are costly: only every Stride-th contact that has to wait is replayed (and, where
/// the Monte-Carlo floor is the floor, scored, so router and floor are scored on the same contacts).</param>
public sealed record ReplaySettings(int Replays, int Stride);
