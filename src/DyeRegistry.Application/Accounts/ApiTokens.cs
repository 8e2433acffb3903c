using System.Security.Cryptography;

namespace DyeRegistry.Application.Accounts;

/// <summary>API tokens: 256 random bits, shown once; only their SHA-256 is stored (a token is
/// not guessable, so a slow hash adds nothing, and the hash finds the account directly).</summary>
public static class ApiTokens
{
    private const string Prefix = "dyereg_";

    public static string New() => Prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string Hash(string token) => Convert.ToHexString(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(token)));
}
