using Routing.Core;

namespace Routing.Abstractions;

/// <summary>One caller's way through the touch-tone menus, keyed by the telephony's session (call) id.</summary>
[Alias("routing.ivr-session")]
public interface IIvrSessionGrain : IGrainWithStringKey
{
    /// <summary>
    /// Applies the keys pressed (several may be typed ahead, none to hear the current prompt), then a silence when
    /// <paramref name="timedOut"/>. The first call names the entry menu; later calls may repeat it or leave it empty.
    /// A retry with the last <paramref name="requestId"/> answers the same view and applies nothing twice.
    /// </summary>
    [Alias("navigate")]
    Task<Reply<IvrSessionView>> Navigate(string requestId, string? entryMenuId, string digits, bool timedOut, string? fingerprint = null);

    [Alias("get"), ReadOnly]
    Task<IvrSessionView?> Get();
}
