namespace DyeRegistry.Cluster;

/// <summary>
/// The membership and ledger service a cluster shares, as the user names it:
/// <c>redis://HOST:PORT[/DB]</c> (Redis holds both the Orleans membership table and the job
/// ledger; a database number keeps clusters that share one server apart).
/// </summary>
public sealed record MembershipAddress(string Host, int Port, int Database = 0)
{
    public static MembershipAddress Parse(string uri)
    {
        if (!Uri.TryCreate(uri, UriKind.Absolute, out var u) || u.Scheme != "redis" || u.Port <= 0)
        {
            throw new ArgumentException($"membership '{uri}': expected redis://HOST:PORT[/DB] (the Redis server that holds the cluster's membership and job ledger)");
        }

        var path = u.AbsolutePath.Trim('/');
        if (path.Length > 0 && (!int.TryParse(path, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var db) || db > 15))
        {
            throw new ArgumentException($"membership '{uri}': after the port, expected a database number 0-15, not '{path}'");
        }

        return new MembershipAddress(u.Host, u.Port, path.Length > 0 ? int.Parse(path, System.Globalization.CultureInfo.InvariantCulture) : 0);
    }

    /// <summary>StackExchange.Redis's configuration string; aborting on a failed first connect is off,
    /// so a node started before Redis waits for it. Commands wait up to 30 s, not the client's 5 s:
    /// a node screens on every core, and on a busy machine the client's reader thread can be
    /// scheduled late even when Redis has answered (a CI run failed that way, with the reply
    /// already in the socket); the ledger's calls are few and small, so waiting longer costs nothing.</summary>
    public string RedisConfiguration => $"{Host}:{Port},abortConnect=false,defaultDatabase={Database},syncTimeout=30000,asyncTimeout=30000";

    public override string ToString() => Database == 0 ? $"redis://{Host}:{Port}" : $"redis://{Host}:{Port}/{Database}";
}
