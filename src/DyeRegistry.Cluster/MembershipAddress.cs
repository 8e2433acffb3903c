namespace DyeRegistry.Cluster;

/// <summary>
/// The membership and ledger service a cluster shares, as the user names it:
/// <c>redis://HOST:PORT</c> (Redis holds both the Orleans membership table and the job ledger).
/// </summary>
public sealed record MembershipAddress(string Host, int Port)
{
    public static MembershipAddress Parse(string uri)
    {
        if (!Uri.TryCreate(uri, UriKind.Absolute, out var u) || u.Scheme != "redis" || u.Port <= 0)
        {
            throw new ArgumentException($"membership '{uri}': expected redis://HOST:PORT (the Redis server that holds the cluster's membership and job ledger)");
        }

        return new MembershipAddress(u.Host, u.Port);
    }

    /// <summary>StackExchange.Redis's configuration string; aborting on a failed first connect is off,
    /// so a node started before Redis waits for it.</summary>
    public string RedisConfiguration => $"{Host}:{Port},abortConnect=false";

    public override string ToString() => $"redis://{Host}:{Port}";
}
