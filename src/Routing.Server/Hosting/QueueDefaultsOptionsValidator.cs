using Microsoft.Extensions.Options;

namespace Routing.Server.Hosting;

/// <summary>The queue defaults must fall in the ranges a queue's own settings are held to (ConfigurationLimits).</summary>
public sealed class QueueDefaultsOptionsValidator : IValidateOptions<QueueDefaultsOptions>
{
    public ValidateOptionsResult Validate(string? name, QueueDefaultsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        string[] failures =
        [
            .. new[]
            {
                ConfigurationLimits.ServiceLevelTarget.Refusal(nameof(options.ServiceLevelTarget), options.ServiceLevelTarget),
                ConfigurationLimits.ServiceLevelPercent.Refusal(nameof(options.ServiceLevelPercent), options.ServiceLevelPercent),
                ConfigurationLimits.MaxWaiting.Refusal(nameof(options.MaxWaiting), options.MaxWaiting),
                ConfigurationLimits.StarvationBound.Refusal(nameof(options.StarvationBound), options.StarvationBound),
                ConfigurationLimits.OfferTimeout.Refusal(nameof(options.OfferTimeout), options.OfferTimeout),
                ConfigurationLimits.DefaultHandleTime.Refusal(nameof(options.DefaultHandleTime), options.DefaultHandleTime),
                ConfigurationLimits.ExpectedPatience.Refusal(nameof(options.ExpectedPatience), options.ExpectedPatience),
            }.OfType<string>().Select(failure => $"{QueueDefaultsOptions.Section}:{failure}"),
        ];
        return failures.Length == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
