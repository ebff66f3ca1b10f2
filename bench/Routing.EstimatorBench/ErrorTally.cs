namespace Routing.EstimatorBench;

/// <summary>
/// One estimator's errors over a set of scored contacts. For a Monte-Carlo estimate the replays' own noise is
/// subtracted from the squared error (mean of s²/K), so that noise neither flatters nor penalizes what it is compared with.
/// </summary>
public sealed class ErrorTally
{
    public long Count { get; private set; }

    public double SumError { get; private set; }

    public double SumSquaredError { get; private set; }

    public double SumActual { get; private set; }

    public double SumNoiseVariance { get; private set; }

    /// <summary>Mean squared error, net of the estimate's own Monte-Carlo noise.</summary>
    public double MeanSquaredError => Count == 0 ? double.NaN : (SumSquaredError - SumNoiseVariance) / Count;

    /// <summary>Root average squared error over the mean actual wait.</summary>
    public double Rase => Count == 0 ? double.NaN : Math.Sqrt(MeanSquaredError) / (SumActual / Count);

    /// <summary>Mean error over the mean actual wait (positive: overestimates).</summary>
    public double Bias => Count == 0 ? double.NaN : SumError / SumActual;

    public double MeanActual => Count == 0 ? double.NaN : SumActual / Count;

    /// <param name="noiseVariance">The variance of the estimate itself (s²/K for a mean of K replays); 0 when exact.</param>
    public void Add(double predicted, double actual, double noiseVariance = 0)
    {
        var error = predicted - actual;
        Count++;
        SumError += error;
        SumSquaredError += error * error;
        SumActual += actual;
        SumNoiseVariance += noiseVariance;
    }

    public void Merge(ErrorTally other)
    {
        ArgumentNullException.ThrowIfNull(other);
        Count += other.Count;
        SumError += other.SumError;
        SumSquaredError += other.SumSquaredError;
        SumActual += other.SumActual;
        SumNoiseVariance += other.SumNoiseVariance;
    }
}
