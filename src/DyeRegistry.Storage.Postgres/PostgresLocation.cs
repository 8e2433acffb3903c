using Npgsql;

namespace DyeRegistry.Storage.Postgres;

/// <summary>
/// Where a PostgreSQL registry is: a URL (<c>postgresql://user:password@host:port/database?sslmode=require</c>,
/// or <c>postgres://</c>) or an Npgsql key=value connection string (<c>Host=...;Database=...</c>).
/// <see cref="Describe"/> names it without the password, for messages.
/// </summary>
public static class PostgresLocation
{
    /// <summary>True when <paramref name="location"/> names a PostgreSQL registry rather than a file:
    /// a postgres:// or postgresql:// URL, or a key=value string with a Host (or Server) key.</summary>
    public static bool IsPostgres(string location) =>
        location.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase)
        || location.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase)
        || (location.Contains('=') && location.Split(';').Any(part =>
            part.Split('=', 2)[0].Trim() is var key && (key.Equals("Host", StringComparison.OrdinalIgnoreCase) || key.Equals("Server", StringComparison.OrdinalIgnoreCase))));

    /// <summary>The Npgsql connection string for a location.</summary>
    public static NpgsqlConnectionStringBuilder Parse(string location)
    {
        if (!location.Contains("://", StringComparison.Ordinal))
        {
            try
            {
                return new NpgsqlConnectionStringBuilder(location);
            }
            catch (ArgumentException e)
            {
                throw new RegistryException($"registry connection string: {e.Message} (expected Host=...;Database=...;Username=... or a postgresql:// URL)");
            }
        }

        if (!Uri.TryCreate(location, UriKind.Absolute, out var uri) || uri.Host.Length == 0)
        {
            throw new RegistryException("registry URL: not a URL of the form postgresql://user:password@host:port/database");
        }

        var builder = new NpgsqlConnectionStringBuilder { Host = uri.Host };
        if (uri.Port > 0)
        {
            builder.Port = uri.Port;
        }

        var database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/'));
        if (database.Length > 0)
        {
            builder.Database = database;
        }

        if (uri.UserInfo.Length > 0)
        {
            var parts = uri.UserInfo.Split(':', 2);
            builder.Username = Uri.UnescapeDataString(parts[0]);
            if (parts.Length == 2)
            {
                builder.Password = Uri.UnescapeDataString(parts[1]);
            }
        }

        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var kv = pair.Split('=', 2);
            var key = Uri.UnescapeDataString(kv[0]);
            try
            {
                builder[key.Equals("sslmode", StringComparison.OrdinalIgnoreCase) ? "SSL Mode" : key] = kv.Length == 2 ? Uri.UnescapeDataString(kv[1]) : "true";
            }
            catch (ArgumentException e)
            {
                throw new RegistryException($"registry URL: parameter '{key}': {e.Message}");
            }
        }

        return builder;
    }

    /// <summary>The location without its password: postgresql://user@host:port/database.</summary>
    public static string Describe(NpgsqlConnectionStringBuilder builder) =>
        $"postgresql://{(string.IsNullOrEmpty(builder.Username) ? string.Empty : builder.Username + "@")}{builder.Host}:{builder.Port}/{builder.Database}";
}
