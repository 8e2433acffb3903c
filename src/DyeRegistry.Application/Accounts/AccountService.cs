using System.Text.RegularExpressions;
using DyeRegistry.Storage;
using DyeRegistry.Storage.Accounts;
using Microsoft.AspNetCore.Identity;

namespace DyeRegistry.Application.Accounts;

/// <summary>What a password check found.</summary>
public enum PasswordCheck
{
    Accepted,
    Refused,
    LockedOut,
}

/// <summary>
/// The accounts use case: add (a token printed once), list, revoke, set a password, check a
/// password with lockout, find the account a token belongs to.
/// </summary>
public sealed partial class AccountService(IAccountStore store, TimeProvider clock)
{
    /// <summary>Password failures in a row that lock an account's password logins.</summary>
    public const int FailuresBeforeLockout = 5;

    /// <summary>How long a lockout lasts.</summary>
    public static readonly TimeSpan LockoutTime = TimeSpan.FromMinutes(15);

    private static readonly PasswordHasher<Account> Hasher = new();

    public AccountService(IAccountStore store)
        : this(store, TimeProvider.System)
    {
    }

    /// <summary>Adds an account; returns it and its API token (shown only this once).</summary>
    public (Account Account, string Token) Add(string name, Role role)
    {
        if (!NamePattern().IsMatch(name))
        {
            throw new ArgumentException($"name: '{name}' is not a valid account name (1-64 letters, digits, '.', '_', '-')");
        }

        var token = ApiTokens.New();
        var account = new Account(name, Roles.Name(role), ApiTokens.Hash(token), null, 0, null, null, clock.GetUtcNow());
        store.Add(account);
        return (account, token);
    }

    public IReadOnlyList<Account> List() => store.List();

    /// <summary>Revokes an account: its token and password stop working at once.</summary>
    public Account Revoke(string name)
    {
        var account = Require(name);
        var revoked = account with { RevokedUtc = account.RevokedUtc ?? clock.GetUtcNow() };
        store.Update(revoked);
        return revoked;
    }

    /// <summary>Sets the password (and ends a lockout).</summary>
    public void SetPassword(string name, string password)
    {
        if (password.Length < 12)
        {
            throw new ArgumentException("password: at least 12 characters");
        }

        var account = Require(name);
        store.Update(account with { PasswordHash = Hasher.HashPassword(account, password), FailedLogins = 0, LockedUntilUtc = null });
    }

    /// <summary>Checks a name and password; <see cref="FailuresBeforeLockout"/> failures in a row
    /// lock password logins for <see cref="LockoutTime"/> (a correct password then is refused too).</summary>
    public PasswordCheck CheckPassword(string name, string password)
    {
        var account = store.Find(name);
        if (account is null || account.RevokedUtc is not null || account.PasswordHash is null)
        {
            return PasswordCheck.Refused;
        }

        var now = clock.GetUtcNow();
        if (account.LockedUntilUtc is { } until && until > now)
        {
            return PasswordCheck.LockedOut;
        }

        if (Hasher.VerifyHashedPassword(account, account.PasswordHash, password) != PasswordVerificationResult.Failed)
        {
            store.Update(account with { FailedLogins = 0, LockedUntilUtc = null });
            return PasswordCheck.Accepted;
        }

        var failures = account.FailedLogins + 1;
        var locked = failures >= FailuresBeforeLockout;
        store.Update(account with { FailedLogins = locked ? 0 : failures, LockedUntilUtc = locked ? now + LockoutTime : null });
        return locked ? PasswordCheck.LockedOut : PasswordCheck.Refused;
    }

    /// <summary>Gives the account a new token (the old one stops working); returns it, shown once.</summary>
    public string NewToken(string name)
    {
        var account = Require(name);
        var token = ApiTokens.New();
        store.Update(account with { TokenHash = ApiTokens.Hash(token) });
        return token;
    }

    /// <summary>The live (not revoked) account this token belongs to, or null.</summary>
    public Account? Authenticate(string token) =>
        store.FindByTokenHash(ApiTokens.Hash(token)) is { RevokedUtc: null } account ? account : null;

    private Account Require(string name) => store.Find(name) ?? throw new RegistryException($"no account named '{name}'");

    [GeneratedRegex("^[A-Za-z0-9._-]{1,64}$")]
    private static partial Regex NamePattern();
}
