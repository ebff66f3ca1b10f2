namespace Routing.Core;

/// <summary>What a queue does with a caller arriving when its line is at its maximum length.</summary>
public enum QueueFullPolicy
{
    /// <summary>Refuse, saying why.</summary>
    Refuse,

    /// <summary>Send the contact on to the queue's overflow queue, keeping its arrival time.</summary>
    Overflow,

    /// <summary>Refuse the wait on the line but offer a callback, which keeps a place without holding the line.</summary>
    OfferCallback,
}
