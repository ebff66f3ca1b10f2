namespace Routing.Core;

/// <summary>What a menu's end leads to: a live place in line, or an action instead of waiting on the line.</summary>
public enum IvrRouteKind
{
    /// <summary>Wait on the line in the queue.</summary>
    Queue,

    /// <summary>Leave a number and be called back, keeping a place in the queue without holding the line.</summary>
    Callback,

    /// <summary>Leave a message, handled as an email contact by the queue.</summary>
    LeaveEmail,
}
