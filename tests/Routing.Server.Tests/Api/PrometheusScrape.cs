using System.Globalization;

namespace Routing.Server.Tests.Api;

/// <summary>Reads samples out of a Prometheus text exposition, whatever order the labels come in.</summary>
public static class PrometheusScrape
{
    /// <summary>The value of the sample <paramref name="name"/> carrying every label of <paramref name="labels"/>, or null.</summary>
    public static double? Sample(string scrape, string name, params (string Label, string Value)[] labels)
    {
        ArgumentNullException.ThrowIfNull(scrape);
        foreach (var line in scrape.Split('\n'))
        {
            if (!line.StartsWith(name + "{", StringComparison.Ordinal) && !line.StartsWith(name + " ", StringComparison.Ordinal))
            {
                continue;
            }

            var close = line.LastIndexOf('}');
            var labelText = close > 0 ? line[(name.Length + 1)..close] : string.Empty;
            if (labels.All(l => labelText.Split(',').Contains($"{l.Label}=\"{l.Value}\"", StringComparer.Ordinal)))
            {
                var value = line[(close > 0 ? close + 1 : name.Length)..].Trim().Split(' ')[0];
                return double.Parse(value, CultureInfo.InvariantCulture);
            }
        }

        return null;
    }
}
