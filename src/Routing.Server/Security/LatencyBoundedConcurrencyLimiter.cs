using System.Threading.RateLimiting;
using Routing.Core;

namespace Routing.Server.Security;

/// <summary>
/// A concurrency limit whose permit count follows the latency of the calls it admits (<see cref="LatencyBoundedLimit"/>),
/// never queueing, seen as one <see cref="RateLimiter"/> per kind of call (<see cref="For"/>) so that each call's
/// slowdown is measured against its own kind's. Calls under a fixed limit of their own (<see cref="ForFixed"/>, the
/// desktops') are not held to it but counted as load: a call ran unloaded only when it began and ended with at most
/// <see cref="LightLoad"/> calls of either sort in flight. Our own because System.Threading.RateLimiting has fixed
/// limits only: a fixed count either admits more than the machine sustains (every admitted call then queues inside
/// the silo) or less than it could.
/// </summary>
public sealed class LatencyBoundedConcurrencyLimiter(LatencyBoundedLimit limit, TimeProvider clock)
{
    /// <summary>Calls in flight on the server at most (the call itself included), at a call's start and end, for it to count as unloaded.</summary>
    public const int LightLoad = 2;

    private readonly Lock gate = new();
    private int inFlight;
    private int load;
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

    /// <summary>The limiter for calls of <paramref name="kind"/>, sharing this limit with every other kind.</summary>
    public RateLimiter For(string kind) => new KindLimiter(this, kind);

    /// <summary>A fixed limit of <paramref name="permits"/> calls of its own, whose calls count as the server's load.</summary>
    public RateLimiter ForFixed(int permits) => new FixedLimiter(this, permits);

    /// <summary>The unloaded latency learned for <paramref name="kind"/>; null until enough unloaded calls.</summary>
    public TimeSpan? UnloadedLatency(string kind)
    {
        lock (gate)
        {
            return limit.UnloadedLatency(kind);
        }
    }

    private RateLimiterStatistics Statistics()
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

    private RateLimitLease Acquire(string kind)
    {
        int atStart;
        lock (gate)
        {
            if (inFlight >= limit.Limit)
            {
                limit.Refused();
                refused++;
                return Refusal.Instance;
            }

            inFlight++;
            atStart = ++load;
            admitted++;
        }

        return new Admitted(this, kind, clock.GetTimestamp(), atStart);
    }

    private void Release(string kind, long startedAt, int loadAtStart)
    {
        var latency = clock.GetElapsedTime(startedAt);
        lock (gate)
        {
            limit.Completed(kind, latency, ranUnloaded: loadAtStart <= LightLoad && load <= LightLoad);
            inFlight--;
            load--;
        }
    }

    private void Loaded(int change)
    {
        lock (gate)
        {
            load += change;
        }
    }

    private sealed class KindLimiter(LatencyBoundedConcurrencyLimiter owner, string kind) : RateLimiter
    {
        // Never idle: what the limit learned lasts as long as the server, so a partitioned limiter never drops it.
        public override TimeSpan? IdleDuration => null;

        public override RateLimiterStatistics? GetStatistics() => owner.Statistics();

        protected override RateLimitLease AttemptAcquireCore(int permitCount)
        {
            ArgumentOutOfRangeException.ThrowIfNotEqual(permitCount, 1);
            return owner.Acquire(kind);
        }

        protected override ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken) =>
            ValueTask.FromResult(AttemptAcquireCore(permitCount));
    }

    private sealed class FixedLimiter(LatencyBoundedConcurrencyLimiter owner, int permits) : RateLimiter
    {
        private int inFlight;
        private long refused;
        private long admitted;

        public override TimeSpan? IdleDuration => null;

        public override RateLimiterStatistics? GetStatistics() => new()
        {
            CurrentAvailablePermits = Math.Max(0, permits - Volatile.Read(ref inFlight)),
            CurrentQueuedCount = 0,
            TotalFailedLeases = Interlocked.Read(ref refused),
            TotalSuccessfulLeases = Interlocked.Read(ref admitted),
        };

        protected override RateLimitLease AttemptAcquireCore(int permitCount)
        {
            ArgumentOutOfRangeException.ThrowIfNotEqual(permitCount, 1);
            if (Interlocked.Increment(ref inFlight) > permits)
            {
                Interlocked.Decrement(ref inFlight);
                Interlocked.Increment(ref refused);
                return Refusal.Instance;
            }

            Interlocked.Increment(ref admitted);
            owner.Loaded(+1);
            return new Counted(this);
        }

        protected override ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken) =>
            ValueTask.FromResult(AttemptAcquireCore(permitCount));

        private void Release()
        {
            owner.Loaded(-1);
            Interlocked.Decrement(ref inFlight);
        }

        private sealed class Counted(FixedLimiter limiter) : HeldLease
        {
            protected override void Release() => limiter.Release();
        }
    }

    private sealed class Admitted(LatencyBoundedConcurrencyLimiter owner, string kind, long startedAt, int loadAtStart) : HeldLease
    {
        protected override void Release() => owner.Release(kind, startedAt, loadAtStart);
    }

    /// <summary>A permit, given back once however often it is disposed.</summary>
    private abstract class HeldLease : RateLimitLease
    {
        private int released;

        public override bool IsAcquired => true;

        public override IEnumerable<string> MetadataNames => [];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = null;
            return false;
        }

        protected abstract void Release();

        protected override void Dispose(bool disposing)
        {
            if (Interlocked.Exchange(ref released, 1) == 0)
            {
                Release();
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
