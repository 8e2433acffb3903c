namespace DyeRegistry.Registry;

/// <summary>Who makes a change through the service, and in which request: written as an audit
/// entry in the change's own transaction (both stored, or neither). Reason: why a check was
/// overridden, in the user's words; without it the importer records what it did (added as a form
/// of X; registered as unique beside X with the record's reason). Context: where the change came
/// from (an uploaded file), put before the reason.</summary>
public sealed record ChangeAudit(string User, string RequestId, string? Reason = null, string? Context = null)
{
    /// <summary>The entry's reason text: the context, then the user's reason or what the importer did.</summary>
    public string? ReasonText(string? whatWasDone) =>
        string.Join("; ", new[] { Context, Reason ?? whatWasDone }.Where(t => !string.IsNullOrWhiteSpace(t))) is { Length: > 0 } text ? text : null;
}
