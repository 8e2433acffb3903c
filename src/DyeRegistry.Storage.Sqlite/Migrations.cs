namespace DyeRegistry.Storage.Sqlite;

/// <summary>
/// The schema, as numbered steps applied in order on open, each in its own transaction; the
/// version reached is kept in <c>schema_version</c>. Never edit a step that has shipped: add one.
/// </summary>
internal static class Migrations
{
    public static readonly IReadOnlyList<MigrationStep> Steps =
    [
        new(1, "records, history, dye structures", """
            CREATE TABLE records(
                id TEXT PRIMARY KEY NOT NULL,
                kind TEXT NOT NULL CHECK (kind IN ('dye','solvent','polymer','ink','medium')),
                version INTEGER NOT NULL CHECK (version >= 1),
                document TEXT NOT NULL,
                updated_utc TEXT NOT NULL);
            CREATE INDEX records_by_kind ON records(kind, id);
            CREATE TABLE record_history(
                id TEXT NOT NULL,
                version INTEGER NOT NULL,
                change TEXT NOT NULL CHECK (change IN ('created','updated','deleted')),
                previous_document TEXT,
                document TEXT,
                at_utc TEXT NOT NULL,
                PRIMARY KEY (id, version, change));
            CREATE TABLE record_references(
                from_id TEXT NOT NULL REFERENCES records(id) ON DELETE CASCADE,
                to_id TEXT NOT NULL,
                PRIMARY KEY (from_id, to_id));
            CREATE INDEX references_to ON record_references(to_id);
            CREATE TABLE dye_structures(
                id TEXT PRIMARY KEY NOT NULL REFERENCES records(id) ON DELETE CASCADE,
                parent_smiles TEXT NOT NULL,
                parent_key TEXT NOT NULL,
                removed_fragments TEXT NOT NULL,
                record_pickle BLOB NOT NULL,
                pattern_fp BLOB NOT NULL,
                morgan_fp BLOB NOT NULL,
                within TEXT NOT NULL,
                formula_stamp TEXT NOT NULL);
            CREATE INDEX dyes_by_parent_key ON dye_structures(parent_key);
            """),
        new(2, "values computed at import (a medium's A and Y from its isotherm)", """
            CREATE TABLE computed_quantities(
                id TEXT NOT NULL REFERENCES records(id) ON DELETE CASCADE,
                field TEXT NOT NULL,
                value REAL NOT NULL,
                unit TEXT NOT NULL,
                method TEXT NOT NULL,
                PRIMARY KEY (id, field));
            """),
        new(3, "a SHA-256 checksum of every record document, checked on read (bytes flipped in the file are found, not read as data)", """
            ALTER TABLE records ADD COLUMN document_sha256 TEXT;
            """, (store, tx) =>
            {
                foreach (var (id, document) in store.Rows("SELECT id, document FROM records", r => (r.GetString(0), r.GetString(1)), tx))
                {
                    store.Execute("UPDATE records SET document_sha256 = $sha WHERE id = $id", tx, ("$sha", SqliteRegistryStore.Checksum(document)), ("$id", id));
                }
            }),
        new(4, "who made each change; the standardized parent of each dye that is not a form of another, unique (a second writer of the same parent fails, and reports a duplicate)", """
            ALTER TABLE record_history ADD COLUMN changed_by TEXT;
            CREATE TABLE dye_parents(
                parent_key TEXT PRIMARY KEY NOT NULL,
                id TEXT NOT NULL REFERENCES dye_structures(id) ON DELETE CASCADE);
            CREATE INDEX dye_parents_by_id ON dye_parents(id);
            INSERT OR IGNORE INTO dye_parents(parent_key, id)
                SELECT d.parent_key, MIN(d.id) FROM dye_structures d
                WHERE NOT EXISTS (SELECT 1 FROM record_references r JOIN dye_structures o ON o.id = r.to_id
                                  WHERE r.from_id = d.id AND o.parent_key = d.parent_key AND o.id <> d.id)
                GROUP BY d.parent_key;
            """),
        new(5, "estimated values beside computed ones: their source, interval and what produced them (the model version)", """
            ALTER TABLE computed_quantities ADD COLUMN source TEXT NOT NULL DEFAULT 'computed';
            ALTER TABLE computed_quantities ADD COLUMN low REAL;
            ALTER TABLE computed_quantities ADD COLUMN high REAL;
            ALTER TABLE computed_quantities ADD COLUMN stamp TEXT;
            """),
        new(6, "the service's accounts, its audit of changes and the issued claim charts in the schema (they were created on first use), so an audit entry is written in the transaction of the change it records",
            AccountTables + "\n" + ChartSnapshotTables),
        new(7, "formula membership as an indexed table (a formula search reads its members by index, not every dye's stored list), and the formula stamp indexed (the dyes stored with other formula files found without a scan)", """
            CREATE TABLE dye_formulas(
                id TEXT NOT NULL REFERENCES dye_structures(id) ON DELETE CASCADE,
                formula TEXT NOT NULL,
                PRIMARY KEY (id, formula)) WITHOUT ROWID;
            CREATE INDEX dye_formulas_by_formula ON dye_formulas(formula, id);
            CREATE INDEX dyes_by_formula_stamp ON dye_structures(formula_stamp);
            INSERT OR IGNORE INTO dye_formulas(id, formula)
                SELECT d.id, f.value FROM dye_structures d, json_each(d.within) AS f;
            """),
    ];

    /// <summary>The accounts and the audit: step 6, and what an account store creates in a registry
    /// file a store of this version has not yet migrated (both with IF NOT EXISTS).</summary>
    internal const string AccountTables = """
        CREATE TABLE IF NOT EXISTS accounts(
            name TEXT PRIMARY KEY,
            role TEXT NOT NULL,
            token_hash TEXT NOT NULL UNIQUE,
            password_hash TEXT,
            failed_logins INTEGER NOT NULL DEFAULT 0,
            locked_until TEXT,
            revoked TEXT,
            created TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS audit(
            sequence INTEGER PRIMARY KEY AUTOINCREMENT,
            record_id TEXT NOT NULL,
            version INTEGER NOT NULL,
            change TEXT NOT NULL,
            user_name TEXT NOT NULL,
            request_id TEXT NOT NULL,
            at TEXT NOT NULL,
            reason TEXT);
        CREATE INDEX IF NOT EXISTS audit_record ON audit(record_id);
        CREATE INDEX IF NOT EXISTS audit_user ON audit(user_name);
        """;

    /// <summary>Issued claim charts: step 6, and what a chart snapshot store creates likewise.</summary>
    internal const string ChartSnapshotTables = """
        CREATE TABLE IF NOT EXISTS chart_snapshots(
            number INTEGER PRIMARY KEY AUTOINCREMENT,
            medium_id TEXT NOT NULL,
            ink_id TEXT,
            versions TEXT NOT NULL,
            issued_by TEXT NOT NULL,
            issued TEXT NOT NULL,
            note TEXT NOT NULL,
            html TEXT NOT NULL,
            json TEXT NOT NULL);
        CREATE INDEX IF NOT EXISTS chart_snapshots_subject ON chart_snapshots(medium_id, ink_id);
        """;
}

/// <summary>One numbered schema step: its SQL, and what must be computed in C# for rows that
/// exist already (null when nothing).</summary>
internal sealed record MigrationStep(int Version, string Description, string Sql, Action<SqliteRegistryStore, Microsoft.Data.Sqlite.SqliteTransaction>? Fill = null);
