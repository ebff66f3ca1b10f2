namespace Routing.Core;

/// <summary>A customer's survey answer for one contact: CSAT 1-5, NPS 0-10 (either may be skipped), free text.</summary>
public sealed record CustomerFeedback(int? Csat, int? Nps, string Comment)
{
    public const int CsatMin = 1;
    public const int CsatMax = 5;
    public const int NpsMin = 0;
    public const int NpsMax = 10;

    /// <returns>What is wrong with the answer, or null.</returns>
    public string? Problem() =>
        Csat is null && Nps is null && string.IsNullOrWhiteSpace(Comment) ? "feedback needs a CSAT score, an NPS score or a comment"
        : Csat is { } csat && csat is < CsatMin or > CsatMax ? $"csat {csat} is out of range {CsatMin}-{CsatMax}"
        : Nps is { } nps && nps is < NpsMin or > NpsMax ? $"nps {nps} is out of range {NpsMin}-{NpsMax}"
        : null;
}
