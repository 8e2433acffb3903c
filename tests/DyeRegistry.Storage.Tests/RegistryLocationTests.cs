using DyeRegistry.Storage.Postgres;
using DyeRegistry.Storage.Stores;

namespace DyeRegistry.Storage.Tests;

/// <summary>Which store a <c>--registry</c> value names, and how a PostgreSQL one is read.</summary>
public sealed class RegistryLocationTests
{
    [Theory]
    [InlineData("postgresql://anna@db/dyes", true)]
    [InlineData("POSTGRES://db/dyes", true)]
    [InlineData("Host=db;Database=dyes", true)]
    [InlineData("server = db; database=dyes", true)]
    [InlineData("registry.db", false)]
    [InlineData("/data/a=b/registry.db", false)]
    [InlineData("Database=dyes.db", false)]
    public void ALocation_IsPostgresOnlyAsAUrlOrAConnectionStringWithAHost(string location, bool postgres) =>
        Assert.Equal(postgres, RegistryStores.IsPostgres(location));

    [Fact]
    public void AUrl_GivesItsParts_AndIsDescribedWithoutThePassword()
    {
        var b = PostgresLocation.Parse("postgresql://anna%40lab:p%3Ass%2Fw@db.example:6543/dye%20s?sslmode=require&Timeout=30");
        Assert.Equal(("anna@lab", "p:ss/w", "db.example", 6543, "dye s"), (b.Username, b.Password, b.Host, b.Port, b.Database));
        Assert.Equal(Npgsql.SslMode.Require, b.SslMode);
        Assert.Equal(30, b.Timeout);
        Assert.Equal("postgresql://anna@lab@db.example:6543/dye s", PostgresLocation.Describe(b));
        Assert.DoesNotContain("p:ss", PostgresLocation.Describe(b), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("postgresql://db/dyes?nonsense=1", "nonsense")]
    [InlineData("Host=db;Nonsense=1", "connection string")]
    public void ABadLocation_IsAnErrorSayingWhat(string location, string named)
    {
        var e = Assert.Throws<RegistryException>(() => PostgresLocation.Parse(location));
        Assert.Contains(named, e.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void AServerThatIsNotThere_IsAnErrorNamingTheRegistryWithoutItsPassword()
    {
        var e = Assert.Throws<RegistryException>(() => RegistryStores.Open("postgresql://anna:secret@127.0.0.1:1/dyes?Timeout=2", create: true));
        Assert.Contains("registry postgresql://anna@127.0.0.1:1/dyes", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", e.Message, StringComparison.Ordinal);
    }
}
