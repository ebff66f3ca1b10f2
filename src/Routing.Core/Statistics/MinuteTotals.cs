namespace Routing.Core;

/// <summary>One minute of a rolling window: its index (minutes since the Unix epoch) and its totals.</summary>
public sealed record MinuteTotals(long Minute, PeriodTotals Totals);
