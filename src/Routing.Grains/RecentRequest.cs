namespace Routing.Grains;

/// <summary>
/// A request an agent carried out, kept in its state by the same write as the change it made, so a retry after a
/// restart or a silo loss still finds it.
/// </summary>
/// <param name="Outcome">The assignment as the request left it, without its attributes (the desktop had them with
/// the offer), for commands that answer with one; null for the others.</param>
public sealed record RecentRequest(string RequestId, string Fingerprint, AssignmentView? Outcome);
