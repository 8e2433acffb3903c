using System.Globalization;
using DyeRegistry.Storage.Accounts;
using Npgsql;

namespace DyeRegistry.Storage.Postgres;

/// <summary>
/// Accounts and the change audit in a PostgreSQL registry (schema step 5), as
/// <see cref="DyeRegistry.Storage.Accounts.IAccountStore"/> reads them from a SQLite file. The
/// audit of a record's change is written by the change's own transaction
/// (<see cref="IRegistryTransaction.AddAudit"/>); <see cref="AddAudit"/> is for changes that have none.
/// </summary>
/// <remarks>Safe to share between threads (each call takes a pooled connection).</remarks>
public sealed class PostgresAccountStore : IAccountStore
{
    private const string AccountSelect = "SELECT name, role, token_hash, password_hash, failed_logins, locked_until, revoked, created FROM accounts";

    private readonly PostgresRegistryStore store;

    private PostgresAccountStore(PostgresRegistryStore store) => this.store = store;

    /// <summary>Opens the accounts of the registry in the database a URL or connection string
    /// names (migrating it as the registry is migrated); the registry must exist.</summary>
    public static PostgresAccountStore Open(string location) => new(PostgresRegistryStore.Open(location, create: false));

    /// <summary>As <see cref="Open"/>, on the process's shared connection pool
    /// (<see cref="PostgresRegistryStore.OpenShared"/>): for the server, which opens the accounts per request.</summary>
    public static PostgresAccountStore OpenShared(string location) => new(PostgresRegistryStore.OpenShared(location));

    public Account? Find(string name) => Accounts(AccountSelect + " WHERE name = @v", ("v", name)).FirstOrDefault();

    public Account? FindByTokenHash(string tokenHash) => Accounts(AccountSelect + " WHERE token_hash = @v", ("v", tokenHash)).FirstOrDefault();

    public IReadOnlyList<Account> List() => Accounts(AccountSelect + " ORDER BY name");

    public void Add(Account account)
    {
        try
        {
            Execute("INSERT INTO accounts(name, role, token_hash, password_hash, failed_logins, locked_until, revoked, created) VALUES (@n, @r, @t, @p, @f, @l, @x, @c)", Parameters(account));
        }
        catch (RegistryException e) when (e.InnerException is PostgresException { SqlState: "23505" })
        {
            throw new RegistryException($"an account named '{account.Name}' exists already");
        }
    }

    public void Update(Account account)
    {
        var changed = Execute("UPDATE accounts SET role = @r, token_hash = @t, password_hash = @p, failed_logins = @f, locked_until = @l, revoked = @x, created = @c WHERE name = @n", Parameters(account));
        if (changed == 0)
        {
            throw new RegistryException($"no account named '{account.Name}'");
        }
    }

    public void AddAudit(AuditEntry entry) =>
        Execute("INSERT INTO audit(record_id, version, change, user_name, request_id, at, reason) VALUES (@i, @v, @c, @u, @q, @a, @r)",
            ("i", entry.RecordId), ("v", entry.Version), ("c", entry.Change), ("u", entry.User), ("q", entry.RequestId), ("a", Time(entry.AtUtc)), ("r", entry.Reason));

    public IReadOnlyList<AuditEntry> Audit(AuditFilter filter)
    {
        var where = new List<string>();
        var parameters = new List<(string, object?)>();
        void Add(string clause, string name, object? value)
        {
            if (value is not null)
            {
                where.Add(clause);
                parameters.Add((name, value));
            }
        }

        Add("record_id = @i", "i", filter.RecordId);
        Add("user_name = @u", "u", filter.User);
        Add("at >= @from", "from", filter.FromUtc is { } f ? Time(f) : null);
        Add("at <= @to", "to", filter.ToUtc is { } t ? Time(t) : null);
        parameters.Add(("limit", (long)Math.Max(0, filter.Limit)));
        return store.Guard(() =>
        {
            using var connection = store.OpenConnection();
            return PostgresRegistryStore.Rows(connection, null,
                "SELECT sequence, record_id, version, change, user_name, request_id, at, reason FROM audit" +
                (where.Count == 0 ? string.Empty : " WHERE " + string.Join(" AND ", where)) + " ORDER BY sequence LIMIT @limit",
                r => new AuditEntry(r.GetInt64(0), r.GetString(1), r.GetInt32(2), r.GetString(3), r.GetString(4), r.GetString(5), ParseTime(r.GetString(6)), r.IsDBNull(7) ? null : r.GetString(7)),
                [.. parameters]);
        });
    }

    public void Dispose() => store.Dispose();

    /// <summary>Times as sortable fixed-width UTC text, as the SQLite registry keeps them (to the tick).</summary>
    internal static string Time(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    internal static DateTimeOffset ParseTime(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    private static (string, object?)[] Parameters(Account a) =>
    [
        ("n", a.Name), ("r", a.Role), ("t", a.TokenHash), ("p", a.PasswordHash), ("f", a.FailedLogins),
        ("l", a.LockedUntilUtc is { } l ? Time(l) : null), ("x", a.RevokedUtc is { } x ? Time(x) : null), ("c", Time(a.CreatedUtc)),
    ];

    private int Execute(string sql, params (string Name, object? Value)[] parameters) => store.Guard(() =>
    {
        using var connection = store.OpenConnection();
        return PostgresRegistryStore.Execute(connection, null, sql, parameters);
    });

    private List<Account> Accounts(string sql, params (string Name, object? Value)[] parameters) => store.Guard(() =>
    {
        using var connection = store.OpenConnection();
        return PostgresRegistryStore.Rows(connection, null, sql, r => new Account(
            r.GetString(0), r.GetString(1), r.GetString(2), r.IsDBNull(3) ? null : r.GetString(3), r.GetInt32(4),
            r.IsDBNull(5) ? null : ParseTime(r.GetString(5)), r.IsDBNull(6) ? null : ParseTime(r.GetString(6)), ParseTime(r.GetString(7))), parameters);
    });
}
