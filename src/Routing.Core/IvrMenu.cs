namespace Routing.Core;

/// <summary>A touch-tone menu: a prompt, its keys, and what happens on silence or a wrong key.</summary>
/// <param name="MaxRetries">Times the prompt repeats after a timeout or invalid key before <paramref name="DefaultDigit"/> is taken.</param>
public sealed record IvrMenu(
    string Prompt,
    IReadOnlyList<IvrOption> Options,
    TimeSpan Timeout,
    int MaxRetries,
    string DefaultDigit);
