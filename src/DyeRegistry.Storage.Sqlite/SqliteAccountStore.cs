using System.Globalization;
using DyeRegistry.Storage.Accounts;
using Microsoft.Data.Sqlite;

namespace DyeRegistry.Storage.Sqlite;

/// <summary>
/// Accounts and the change audit in the registry file, in tables of their own (created when first
/// needed, beside the registry's schema, whose migrations they do not touch).
/// </summary>
/// <remarks>One instance per thread of use, as <see cref="SqliteRegistryStore"/>.</remarks>
public sealed class SqliteAccountStore : IAccountStore
{
    private const string Schema = Migrations.AccountTables;

    private readonly SqliteConnection connection;

    static SqliteAccountStore() => SQLitePCL.Batteries.Init();

    private SqliteAccountStore(SqliteConnection connection) => this.connection = connection;

    /// <summary>Opens the accounts of the registry at <paramref name="path"/>, which must exist.</summary>
    public static SqliteAccountStore Open(string path)
    {
        if (!File.Exists(path))
        {
            throw new RegistryException($"no registry at '{path}' (create one with: dyereg init --registry {path})");
        }

        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWrite, Pooling = false }.ToString());
        var store = new SqliteAccountStore(connection);
        try
        {
            connection.Open();
            store.Execute("PRAGMA busy_timeout=10000;");
            store.Execute(Schema);
            return store;
        }
        catch (SqliteException e)
        {
            store.Dispose();
            throw new RegistryException($"registry {path}: accounts cannot be opened: {e.Message}", e);
        }
    }

    public Account? Find(string name) => Rows("SELECT * FROM accounts WHERE name = $v", ("$v", name)).FirstOrDefault();

    public Account? FindByTokenHash(string tokenHash) => Rows("SELECT * FROM accounts WHERE token_hash = $v", ("$v", tokenHash)).FirstOrDefault();

    public IReadOnlyList<Account> List() => Rows("SELECT * FROM accounts ORDER BY name");

    public void Add(Account account)
    {
        try
        {
            Execute("INSERT INTO accounts(name, role, token_hash, password_hash, failed_logins, locked_until, revoked, created) VALUES ($n, $r, $t, $p, $f, $l, $x, $c)", Parameters(account));
        }
        catch (SqliteException e) when (e.SqliteErrorCode == 19) // SQLITE_CONSTRAINT
        {
            throw new RegistryException($"an account named '{account.Name}' exists already");
        }
    }

    public void Update(Account account)
    {
        var changed = Execute("UPDATE accounts SET role = $r, token_hash = $t, password_hash = $p, failed_logins = $f, locked_until = $l, revoked = $x, created = $c WHERE name = $n", Parameters(account));
        if (changed == 0)
        {
            throw new RegistryException($"no account named '{account.Name}'");
        }
    }

    public void AddAudit(AuditEntry entry) =>
        Execute("INSERT INTO audit(record_id, version, change, user_name, request_id, at, reason) VALUES ($i, $v, $c, $u, $q, $a, $r)",
            ("$i", entry.RecordId), ("$v", entry.Version), ("$c", entry.Change), ("$u", entry.User), ("$q", entry.RequestId), ("$a", Time(entry.AtUtc)), ("$r", entry.Reason));

    public IReadOnlyList<AuditEntry> Audit(AuditFilter filter)
    {
        using var cmd = connection.CreateCommand();
        var where = new List<string>();
        void Add(string clause, string name, object? value)
        {
            if (value is not null)
            {
                where.Add(clause);
                cmd.Parameters.AddWithValue(name, value);
            }
        }

        Add("record_id = $i", "$i", filter.RecordId);
        Add("user_name = $u", "$u", filter.User);
        Add("at >= $from", "$from", filter.FromUtc is { } f ? Time(f) : null);
        Add("at <= $to", "$to", filter.ToUtc is { } t ? Time(t) : null);
        cmd.CommandText = "SELECT sequence, record_id, version, change, user_name, request_id, at, reason FROM audit" +
            (where.Count == 0 ? string.Empty : " WHERE " + string.Join(" AND ", where)) + " ORDER BY sequence LIMIT $limit";
        cmd.Parameters.AddWithValue("$limit", Math.Max(0, filter.Limit));
        using var r = cmd.ExecuteReader();
        var entries = new List<AuditEntry>();
        while (r.Read())
        {
            entries.Add(new AuditEntry(r.GetInt64(0), r.GetString(1), r.GetInt32(2), r.GetString(3), r.GetString(4), r.GetString(5), ParseTime(r.GetString(6)), r.IsDBNull(7) ? null : r.GetString(7)));
        }

        return entries;
    }

    public void Dispose() => connection.Dispose();

    // Times as sortable UTC text (ISO 8601 with fixed width), so the filters compare them as text.
    internal static string Time(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    private static DateTimeOffset ParseTime(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    private static (string, object?)[] Parameters(Account a) =>
    [
        ("$n", a.Name), ("$r", a.Role), ("$t", a.TokenHash), ("$p", a.PasswordHash), ("$f", a.FailedLogins),
        ("$l", a.LockedUntilUtc is { } l ? Time(l) : null), ("$x", a.RevokedUtc is { } x ? Time(x) : null), ("$c", Time(a.CreatedUtc)),
    ];

    private int Execute(string sql, params (string Name, object? Value)[] parameters)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            cmd.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return cmd.ExecuteNonQuery();
    }

    private List<Account> Rows(string sql, params (string Name, object? Value)[] parameters)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            cmd.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        using var r = cmd.ExecuteReader();
        var accounts = new List<Account>();
        while (r.Read())
        {
            string? Text(string column) => r.IsDBNull(r.GetOrdinal(column)) ? null : r.GetString(r.GetOrdinal(column));
            accounts.Add(new Account(
                Text("name")!, Text("role")!, Text("token_hash")!, Text("password_hash"), r.GetInt32(r.GetOrdinal("failed_logins")),
                Text("locked_until") is { } l ? ParseTime(l) : null, Text("revoked") is { } x ? ParseTime(x) : null, ParseTime(Text("created")!)));
        }

        return accounts;
    }
}
