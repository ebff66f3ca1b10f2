namespace Routing.EstimatorBench;

/// <summary>
/// xoshiro256** seeded through SplitMix64: a small, fast generator with a reproducible stream per seed. The
/// replays draw millions of variates per case, where <see cref="Random"/>'s seeded (legacy) algorithm is several
/// times slower.
/// </summary>
public sealed class FastRandom
{
    private ulong s0;
    private ulong s1;
    private ulong s2;
    private ulong s3;

    public FastRandom(ulong seed)
    {
        s0 = SplitMix(ref seed);
        s1 = SplitMix(ref seed);
        s2 = SplitMix(ref seed);
        s3 = SplitMix(ref seed);
    }

    /// <summary>A seed derived from several numbers (seed, case, line...), so every stream is independent and reproducible.</summary>
    public static ulong Mix(params ReadOnlySpan<long> parts)
    {
        var state = 0x9E3779B97F4A7C15UL;
        var mixed = 0UL;
        foreach (var part in parts)
        {
            state ^= unchecked((ulong)part);
            mixed = SplitMix(ref state) ^ (mixed * 31);
        }

        return mixed;
    }

    public ulong NextULong()
    {
        var result = RotateLeft(s1 * 5, 7) * 9;
        var t = s1 << 17;
        s2 ^= s0;
        s3 ^= s1;
        s1 ^= s2;
        s0 ^= s3;
        s2 ^= t;
        s3 = RotateLeft(s3, 45);
        return result;
    }

    /// <summary>Uniform in [0, 1) with 53 random bits.</summary>
    public double NextDouble() => (NextULong() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform integer in [0, count).</summary>
    public int Next(int count) => (int)(((NextULong() >> 32) * (ulong)count) >> 32);

    /// <summary>An exponential variate with the given rate (events per second).</summary>
    public double Exponential(double rate) => -Math.Log(1 - NextDouble()) / rate;

    private static ulong RotateLeft(ulong x, int k) => (x << k) | (x >> (64 - k));

    private static ulong SplitMix(ref ulong state)
    {
        var z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
