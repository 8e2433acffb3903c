using System.Security.Claims;
using System.Text.Encodings.Web;
using DyeRegistry.Application.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace DyeRegistry.Server;

/// <summary>
/// <c>Authorization: Bearer TOKEN</c>: the token's hash names a live account; its name and role
/// become the request's user. No header: anonymous (endpoints then answer 401); an unknown or
/// revoked token: 401 at once.
/// </summary>
public sealed class BearerAuthentication(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Bearer";

    public const string RoleClaim = "dyereg:role";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (string.IsNullOrEmpty(header))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return Task.FromResult(AuthenticateResult.Fail("Authorization: expected 'Bearer TOKEN'"));
        }

        var accounts = Context.RequestServices.GetRequiredService<AccountService>();
        var account = accounts.Authenticate(header["Bearer ".Length..].Trim());
        if (account is null)
        {
            return Task.FromResult(AuthenticateResult.Fail("the token is unknown or its account is revoked"));
        }

        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, account.Name), new Claim(RoleClaim, account.Role)], SchemeName);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }
}

/// <summary>The policies endpoints require: one per role, each met by that role and the roles above it.</summary>
public static class RolePolicies
{
    public static string For(Role role) => "role:" + Roles.Name(role);

    public static Role? RoleOf(ClaimsPrincipal user) =>
        user.FindFirst(BearerAuthentication.RoleClaim)?.Value is { } name ? Roles.Parse(name) : null;

    public static void Add(Microsoft.AspNetCore.Authorization.AuthorizationOptions options)
    {
        foreach (var role in Enum.GetValues<Role>())
        {
            options.AddPolicy(For(role), p => p.RequireAuthenticatedUser().RequireAssertion(c => RoleOf(c.User) is { } r && r >= role));
        }
    }
}
