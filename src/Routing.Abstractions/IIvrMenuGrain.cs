using Routing.Core;

namespace Routing.Abstractions;

/// <summary>One touch-tone menu, keyed by menu id.</summary>
[Alias("routing.ivr-menu")]
public interface IIvrMenuGrain : IGrainWithStringKey
{
    [Alias("configure")]
    Task<Reply> Configure(IvrMenu menu);

    [Alias("remove")]
    Task<Reply> Remove();

    // Interleaves: two menus saved at once read each other while checking their links.
    [Alias("get"), AlwaysInterleave]
    Task<IvrMenu?> Get();
}
