using DyeRegistry.Storage.Accounts;
using DyeRegistry.Storage.Postgres;
using DyeRegistry.Storage.Sqlite;

namespace DyeRegistry.Storage.Stores;

/// <summary>
/// Opens the registry a location names: a PostgreSQL URL (<c>postgres://</c>, <c>postgresql://</c>)
/// or key=value connection string with a Host, else a SQLite registry file.
/// </summary>
public static class RegistryStores
{
    /// <summary>True when the location names a PostgreSQL registry.</summary>
    public static bool IsPostgres(string location) => PostgresLocation.IsPostgres(location);

    /// <summary>Opens (creating when <paramref name="create"/>: the SQLite file, or the schema in
    /// an existing PostgreSQL database) and migrates the registry.</summary>
    public static IRegistryStore Open(string location, bool create = false) =>
        IsPostgres(location) ? PostgresRegistryStore.Open(location, create) : SqliteRegistryStore.Open(location, create);

    /// <summary>Opens the registry for a process that opens it per request (the server): a SQLite
    /// file as <see cref="Open"/>; a PostgreSQL registry on one connection pool kept for the
    /// process, migrated once (<see cref="PostgresRegistryStore.OpenShared"/>).</summary>
    public static IRegistryStore OpenPerRequest(string location) =>
        IsPostgres(location) ? PostgresRegistryStore.OpenShared(location) : SqliteRegistryStore.Open(location, create: false);

    /// <summary>The accounts, opened per request (as <see cref="OpenPerRequest"/>).</summary>
    public static IAccountStore OpenAccountsPerRequest(string location) =>
        IsPostgres(location) ? PostgresAccountStore.OpenShared(location) : SqliteAccountStore.Open(location);

    /// <summary>Opens the registry for a command that only reads it: as usual (migrating it when
    /// it is older), or, when this process may not write a SQLite file (read-only storage, no
    /// permission), read-only, so reads still work. A PostgreSQL registry that is up to date is
    /// only read on open, so a read-only database user opens it as usual.</summary>
    public static IRegistryStore OpenForReading(string location)
    {
        if (IsPostgres(location))
        {
            return PostgresRegistryStore.Open(location, create: false);
        }

        try
        {
            return SqliteRegistryStore.Open(location, create: false);
        }
        catch (RegistryException e) when (e.InnerException is Microsoft.Data.Sqlite.SqliteException { SqliteErrorCode: 8 or 14 } || e.InnerException is UnauthorizedAccessException)
        {
            return SqliteRegistryStore.Open(location, create: false, readOnly: true);
        }
    }

    /// <summary>Opens the accounts (and the change audit) of the registry a location names: tables
    /// of a SQLite registry file (<see cref="SqliteAccountStore"/>) or of a PostgreSQL registry
    /// (<see cref="PostgresAccountStore"/>).</summary>
    public static IAccountStore OpenAccounts(string location) =>
        IsPostgres(location) ? PostgresAccountStore.Open(location) : SqliteAccountStore.Open(location);

    /// <summary>Opens the issued claim charts of the registry a location names: a table of a SQLite
    /// registry file (<see cref="SqliteChartSnapshotStore"/>) or of a PostgreSQL registry
    /// (<see cref="PostgresChartSnapshotStore"/>).</summary>
    public static DyeRegistry.Storage.Charts.IChartSnapshotStore OpenChartSnapshots(string location) =>
        IsPostgres(location) ? PostgresChartSnapshotStore.Open(location) : SqliteChartSnapshotStore.Open(location);
}
