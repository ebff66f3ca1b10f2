namespace Routing.Core;

/// <summary>
/// The chance of being answered within a target, for a contact that must wait: under the queue-length model with
/// abandonment the wait is a sum of exponential stages (rates s·mu + i·theta, i = n..0). That sum is approximated
/// by a gamma distribution with the same mean and variance, which is exact when theta is 0 (Erlang) and close
/// otherwise, and stays numerically stable for long lines where the exact hypoexponential formula does not.
/// </summary>
public static class WaitDistribution
{
    private const int MaxSeriesTerms = 500;
    private const double Epsilon = 1e-12;

    /// <returns>P(wait ≤ target); 0 when the line has no answer capacity.</returns>
    public static double ProbabilityWithin(int ahead, double serviceRate, double abandonmentRate, TimeSpan target)
    {
        if (serviceRate <= 0)
        {
            return 0;
        }

        double mean = 0, variance = 0;
        for (var i = 0; i <= ahead; i++)
        {
            var rate = serviceRate + (i * Math.Max(0, abandonmentRate));
            mean += 1 / rate;
            variance += 1 / (rate * rate);
        }

        var shape = mean * mean / variance;
        var scale = variance / mean;
        return RegularizedLowerGamma(shape, target.TotalSeconds / scale);
    }

    /// <summary>P(a, x), the regularized lower incomplete gamma function (series below a + 1, continued fraction above).</summary>
    public static double RegularizedLowerGamma(double a, double x)
    {
        if (x <= 0)
        {
            return 0;
        }

        var logPrefix = (a * Math.Log(x)) - x - LogGamma(a);
        if (x < a + 1)
        {
            double term = 1 / a, sum = term;
            for (var n = 1; n < MaxSeriesTerms && Math.Abs(term) > Math.Abs(sum) * Epsilon; n++)
            {
                term *= x / (a + n);
                sum += term;
            }

            return Math.Clamp(sum * Math.Exp(logPrefix), 0, 1);
        }

        // Lentz's continued fraction for the upper tail Q(a, x).
        const double Tiny = 1e-300;
        double b = x + 1 - a, c = 1 / Tiny, d = 1 / b, h = d;
        for (var n = 1; n < MaxSeriesTerms; n++)
        {
            var an = -n * (n - a);
            b += 2;
            d = (an * d) + b;
            d = Math.Abs(d) < Tiny ? Tiny : d;
            c = b + (an / c);
            c = Math.Abs(c) < Tiny ? Tiny : c;
            d = 1 / d;
            var delta = d * c;
            h *= delta;
            if (Math.Abs(delta - 1) < Epsilon)
            {
                break;
            }
        }

        return Math.Clamp(1 - (Math.Exp(logPrefix) * h), 0, 1);
    }

    /// <summary>ln Γ(a) by the Lanczos approximation (g = 7, 9 terms).</summary>
    public static double LogGamma(double a)
    {
        ReadOnlySpan<double> coefficients =
        [
            0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
            12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
        ];
        if (a < 0.5)
        {
            return Math.Log(Math.PI / Math.Sin(Math.PI * a)) - LogGamma(1 - a);
        }

        a -= 1;
        var sum = coefficients[0];
        for (var i = 1; i < coefficients.Length; i++)
        {
            sum += coefficients[i] / (a + i);
        }

        var t = a + 7.5;
        return (0.5 * Math.Log(2 * Math.PI)) + ((a + 0.5) * Math.Log(t)) - t + Math.Log(sum);
    }
}
