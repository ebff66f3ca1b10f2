namespace Routing.Abstractions;

/// <summary>The life of a contact; it ends exactly once, in Completed, Abandoned or Refused.</summary>
public enum ContactState
{
    Queued = 1,
    Offered = 2,
    Connected = 3,
    WrapUp = 4,
    Completed = 5,
    Abandoned = 6,
    Refused = 7,
}
