namespace DyeRegistry.Storage.Postgres;

/// <summary>
/// The schema, as numbered steps applied in order on open, each in its own transaction under an
/// advisory lock (two processes opening a new registry at once do not race); the version reached
/// is kept in <c>schema_version</c>. Never edit a step that has shipped: add one.
/// </summary>
/// <remarks>Ids are <c>text COLLATE "C"</c> so every listing is in ordinal order, as in the SQLite
/// store. Documents are kept as text (not jsonb), so the stored text and its checksum are exactly
/// what was written and exports equal the SQLite store's.</remarks>
internal static class Migrations
{
    public static readonly IReadOnlyList<(int Version, string Description, string Sql)> Steps =
    [
        (1, "records, history (with who changed), references, dye structures with a unique parent key, computed values", """
            CREATE TABLE records(
                id text COLLATE "C" PRIMARY KEY,
                kind text NOT NULL CHECK (kind IN ('dye','solvent','polymer','ink','medium')),
                version integer NOT NULL CHECK (version >= 1),
                document text NOT NULL,
                document_sha256 text NOT NULL,
                updated_utc timestamptz NOT NULL);
            CREATE INDEX records_by_kind ON records(kind, id);
            CREATE TABLE record_history(
                seq bigserial PRIMARY KEY,
                id text COLLATE "C" NOT NULL,
                version integer NOT NULL,
                change text NOT NULL CHECK (change IN ('created','updated','deleted')),
                previous_document text,
                document text,
                at_utc timestamptz NOT NULL,
                changed_by text,
                UNIQUE (id, version, change));
            CREATE TABLE record_references(
                from_id text COLLATE "C" NOT NULL REFERENCES records(id) ON DELETE CASCADE,
                to_id text COLLATE "C" NOT NULL,
                PRIMARY KEY (from_id, to_id));
            CREATE INDEX references_to ON record_references(to_id);
            CREATE TABLE dye_structures(
                id text COLLATE "C" PRIMARY KEY REFERENCES records(id) ON DELETE CASCADE,
                parent_smiles text NOT NULL,
                parent_key text NOT NULL,
                removed_fragments text NOT NULL,
                record_pickle bytea NOT NULL,
                pattern_fp bytea NOT NULL,
                morgan_fp bytea NOT NULL,
                within text NOT NULL,
                formula_stamp text NOT NULL);
            CREATE INDEX dyes_by_parent_key ON dye_structures(parent_key);
            CREATE TABLE dye_parents(
                parent_key text PRIMARY KEY,
                id text COLLATE "C" NOT NULL REFERENCES dye_structures(id) ON DELETE CASCADE);
            CREATE INDEX dye_parents_by_id ON dye_parents(id);
            CREATE TABLE computed_quantities(
                id text COLLATE "C" NOT NULL REFERENCES records(id) ON DELETE CASCADE,
                field text NOT NULL,
                value double precision NOT NULL,
                unit text NOT NULL,
                method text NOT NULL,
                PRIMARY KEY (id, field));
            """),
        (2, "the RDKit cartridge: each dye's molecule (from its pickle) and Morgan fingerprint (the bridge's bits) with GiST indexes, formula membership as an indexed table", """
            CREATE EXTENSION IF NOT EXISTS rdkit;
            ALTER TABLE dye_structures ADD COLUMN mol mol;
            ALTER TABLE dye_structures ADD COLUMN morgan_bfp bfp;
            UPDATE dye_structures SET mol = mol_from_pkl(record_pickle), morgan_bfp = bfp_from_binary_text(morgan_fp);
            CREATE INDEX dyes_by_mol ON dye_structures USING gist(mol);
            CREATE INDEX dyes_by_morgan ON dye_structures USING gist(morgan_bfp);
            CREATE TABLE dye_formulas(
                id text COLLATE "C" NOT NULL REFERENCES dye_structures(id) ON DELETE CASCADE,
                formula text NOT NULL,
                PRIMARY KEY (id, formula));
            CREATE INDEX dye_formulas_by_formula ON dye_formulas(formula, id);
            CREATE INDEX dyes_by_formula_stamp ON dye_structures(formula_stamp);
            INSERT INTO dye_formulas(id, formula)
                SELECT DISTINCT d.id, f.formula FROM dye_structures d, json_array_elements_text(d.within::json) AS f(formula);
            """),
        (3, "searches compare standardized parents (issue 22): the cartridge's molecule is the parent, from its canonical SMILES (fingerprints stored before are the record's: dyereg check --fix rewrites them)", """
            UPDATE dye_structures SET mol = mol_from_smiles(parent_smiles::cstring);
            """),
        (4, "estimated values beside computed ones: their source, interval and what produced them (the model version)", """
            ALTER TABLE computed_quantities ADD COLUMN source text NOT NULL DEFAULT 'computed';
            ALTER TABLE computed_quantities ADD COLUMN low double precision;
            ALTER TABLE computed_quantities ADD COLUMN high double precision;
            ALTER TABLE computed_quantities ADD COLUMN stamp text;
            """),
        // Times here are fixed-width UTC text (yyyy-MM-ddTHH:mm:ss.fffffffZ), as in a SQLite
        // registry: they read back to the tick (timestamptz keeps microseconds) and sort as text.
        (5, "the service's accounts, its audit of changes (written in the transaction of the change) and the issued claim charts, as in a SQLite registry", """
            CREATE TABLE accounts(
                name text COLLATE "C" PRIMARY KEY,
                role text NOT NULL,
                token_hash text NOT NULL UNIQUE,
                password_hash text,
                failed_logins integer NOT NULL DEFAULT 0,
                locked_until text,
                revoked text,
                created text NOT NULL);
            CREATE TABLE audit(
                sequence bigserial PRIMARY KEY,
                record_id text COLLATE "C" NOT NULL,
                version integer NOT NULL,
                change text NOT NULL,
                user_name text NOT NULL,
                request_id text NOT NULL,
                at text NOT NULL,
                reason text);
            CREATE INDEX audit_record ON audit(record_id);
            CREATE INDEX audit_user ON audit(user_name);
            CREATE INDEX audit_at ON audit(at);
            CREATE TABLE chart_snapshots(
                number bigserial PRIMARY KEY,
                medium_id text COLLATE "C" NOT NULL,
                ink_id text COLLATE "C",
                versions text NOT NULL,
                issued_by text NOT NULL,
                issued text NOT NULL,
                note text NOT NULL,
                html text NOT NULL,
                json text NOT NULL);
            CREATE INDEX chart_snapshots_subject ON chart_snapshots(medium_id, ink_id);
            """),
    ];
}
