namespace Routing.EstimatorBench;

/// <summary>The history estimators users know from other products, fed with every service start of one line.</summary>
public sealed class LineHistory
{
    public AsteriskHoldTime Asterisk { get; } = new();

    public OmniChannelWaitEstimate OmniChannel { get; } = new();

    /// <summary>The wait of the last contact to enter service, zero for one answered at once; 0 before any.</summary>
    public double LastToEnterServiceSeconds { get; private set; }

    /// <param name="arrivedAt">Seconds on the simulation clock.</param>
    /// <param name="startedAt">Seconds on the simulation clock.</param>
    public void ServiceStarted(double arrivedAt, double startedAt)
    {
        var waited = startedAt - arrivedAt;
        LastToEnterServiceSeconds = waited;
        Asterisk.Connected(arrivedAt, startedAt);
        OmniChannel.Accepted(startedAt, waited);
    }
}
