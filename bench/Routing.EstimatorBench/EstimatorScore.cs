namespace Routing.EstimatorBench;

/// <summary>Accuracy of one estimator over the answered contacts that had to wait.</summary>
public sealed class EstimatorScore
{
    private const double Tolerance = 0.2;

    private long count;
    private double sumError;
    private double sumSquaredError;
    private double sumActual;
    private long within;

    public long Count => count;

    /// <summary>Root average squared error relative to the mean wait.</summary>
    public double Rase => count == 0 ? double.NaN : Math.Sqrt(sumSquaredError / count) / (sumActual / count);

    /// <summary>Mean error relative to the mean wait (positive: overestimates).</summary>
    public double Bias => count == 0 ? double.NaN : sumError / sumActual;

    /// <summary>Share of estimates within ±20% of the actual wait.</summary>
    public double Within20 => count == 0 ? double.NaN : (double)within / count;

    public void Add(double predictedSeconds, double actualSeconds)
    {
        var error = predictedSeconds - actualSeconds;
        count++;
        sumError += error;
        sumSquaredError += error * error;
        sumActual += actualSeconds;
        within += Math.Abs(error) <= Tolerance * actualSeconds ? 1 : 0;
    }
}
