namespace DyeRegistry.Storage.Accounts;

/// <summary>
/// The service's accounts and its audit of changes, kept in the registry beside the records.
/// Implementations: DyeRegistry.Storage.Sqlite (SqliteAccountStore), DyeRegistry.Storage.Postgres (PostgresAccountStore).
/// </summary>
public interface IAccountStore : IDisposable
{
    Account? Find(string name);

    Account? FindByTokenHash(string tokenHash);

    IReadOnlyList<Account> List();

    /// <summary>Adds an account; a <see cref="RegistryException"/> when the name is taken.</summary>
    void Add(Account account);

    /// <summary>Replaces the stored account of that name.</summary>
    void Update(Account account);

    void AddAudit(AuditEntry entry);

    /// <summary>Audit entries matching the filter, oldest first.</summary>
    IReadOnlyList<AuditEntry> Audit(AuditFilter filter);
}
