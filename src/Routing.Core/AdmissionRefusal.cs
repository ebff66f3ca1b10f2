namespace Routing.Core;

/// <summary>Why a queue turned a contact away.</summary>
/// <param name="Violation">The API status it maps to.</param>
/// <param name="Message">What is wrong, for the caller.</param>
/// <param name="LineFull">The line was at its maximum: the queue's full policy (overflow, callback) applies.</param>
public sealed record AdmissionRefusal(RuleViolation Violation, string Message, bool LineFull);
