namespace Routing.Core;

/// <summary>
/// Satisfaction over many contacts in constant memory: average CSAT, and the Net Promoter Score (percent of 9-10
/// answers minus percent of 0-6 answers, from -100 to 100).
/// </summary>
public sealed class SatisfactionTally
{
    private const int PromoterFrom = 9;
    private const int DetractorUpTo = 6;

    public long CsatResponses { get; set; }

    public long CsatTotal { get; set; }

    public long NpsResponses { get; set; }

    public long Promoters { get; set; }

    public long Detractors { get; set; }

    public double? AverageCsat => CsatResponses == 0 ? null : (double)CsatTotal / CsatResponses;

    public double? NetPromoterScore => NpsResponses == 0 ? null : 100.0 * (Promoters - Detractors) / NpsResponses;

    public void Add(CustomerFeedback feedback)
    {
        ArgumentNullException.ThrowIfNull(feedback);
        if (feedback.Csat is { } csat)
        {
            CsatResponses++;
            CsatTotal += csat;
        }

        if (feedback.Nps is { } nps)
        {
            NpsResponses++;
            Promoters += nps >= PromoterFrom ? 1 : 0;
            Detractors += nps <= DetractorUpTo ? 1 : 0;
        }
    }
}
