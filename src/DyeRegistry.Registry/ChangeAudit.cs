namespace DyeRegistry.Registry;

/// <summary>Who makes a change through the service, and in which request: written as an audit
/// entry in the change's own transaction (both stored, or neither). Reason: why a check was
/// overridden (a duplicate registered as a form), else null.</summary>
public sealed record ChangeAudit(string User, string RequestId, string? Reason = null);
