using System.Threading.RateLimiting;
using Routing.Core;

namespace Routing.Server.Security;

/// <summary>
/// A concurrency limiter whose permit count follows the latency of the calls it admits (<see cref="LatencyBoundedLimit"/>),
/// never queueing. Our own because System.Threading.RateLimiting has fixed limits only: a fixed count either admits
/// more than the machine sustains (every admitted call then queues inside the silo) or less than it could.
/// </summary>
public sealed class LatencyBoundedConcurrencyLimiter(LatencyBoundedLimit limit, TimeProvider clock) : RateLimiter
{
    private readonly Lock gate = new();
    private int inFlight;
    private long refused;
    private long admitted;

    /// <summary>How many calls may be in flight now.</summary>
    public int Limit
    {
        get
        {
            lock (gate)
            {
                return limit.Limit;
            }
        }
    }

    // Never idle: what the limit learned lasts as long as the server, so a partitioned limiter never drops it.
    public override TimeSpan? IdleDuration => null;

    public override RateLimiterStatistics? GetStatistics()
    {
        lock (gate)
        {
            return new RateLimiterStatistics
            {
                CurrentAvailablePermits = Math.Max(0, limit.Limit - inFlight),
                CurrentQueuedCount = 0,
                TotalFailedLeases = refused,
                TotalSuccessfulLeases = admitted,
            };
        }
    }

    protected override RateLimitLease AttemptAcquireCore(int permitCount)
    {
        ArgumentOutOfRangeException.ThrowIfNotEqual(permitCount, 1);
        lock (gate)
        {
            if (inFlight >= limit.Limit)
            {
                limit.Refused();
                refused++;
                return Refusal.Instance;
            }

            inFlight++;
            admitted++;
        }

        return new Admitted(this, clock.GetTimestamp());
    }

    protected override ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken) =>
        ValueTask.FromResult(AttemptAcquireCore(permitCount));

    private void Release(long startedAt)
    {
        var latency = clock.GetElapsedTime(startedAt);
        lock (gate)
        {
            inFlight--;
            limit.Completed(latency);
        }
    }

    private sealed class Admitted(LatencyBoundedConcurrencyLimiter owner, long startedAt) : RateLimitLease
    {
        private int released;

        public override bool IsAcquired => true;

        public override IEnumerable<string> MetadataNames => [];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = null;
            return false;
        }

        protected override void Dispose(bool disposing)
        {
            if (Interlocked.Exchange(ref released, 1) == 0)
            {
                owner.Release(startedAt);
            }

            base.Dispose(disposing);
        }
    }

    private sealed class Refusal : RateLimitLease
    {
        public static readonly Refusal Instance = new();

        public override bool IsAcquired => false;

        public override IEnumerable<string> MetadataNames => [];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = null;
            return false;
        }
    }
}
