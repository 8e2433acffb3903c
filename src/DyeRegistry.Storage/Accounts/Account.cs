namespace DyeRegistry.Storage.Accounts;

/// <summary>
/// One user of the registry service. Only hashes are stored: TokenHash is the
/// SHA-256 of the API token (tokens are random, 256 bits: a fast hash suffices and allows lookup),
/// PasswordHash is ASP.NET Core Identity's PasswordHasher format (PBKDF2).
/// Role: viewer, chemist, registrar or admin. FailedLogins: password failures since the last
/// success; LockedUntilUtc: password logins refused until then; RevokedUtc: when the account was
/// revoked (its token and password no longer work).
/// </summary>
public sealed record Account(string Name, string Role, string TokenHash, string? PasswordHash, int FailedLogins, DateTimeOffset? LockedUntilUtc, DateTimeOffset? RevokedUtc, DateTimeOffset CreatedUtc);
