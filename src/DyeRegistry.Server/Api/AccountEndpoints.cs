using DyeRegistry.Application.Accounts;

namespace DyeRegistry.Server.Api;

/// <summary><c>GET /api/v1/users</c> (admin): the accounts, without any secret.
/// <c>POST /api/v1/tokens</c> (anonymous, name and password): a new API token for the account
/// (the previous one stops working); repeated failures lock password logins.</summary>
internal static class AccountEndpoints
{
    public sealed record TokenRequest(string Name, string Password);

    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/users", (AccountService accounts) => Results.Ok(accounts.List().Select(a => new
        {
            name = a.Name,
            role = a.Role,
            has_password = a.PasswordHash is not null,
            locked_until = a.LockedUntilUtc,
            revoked = a.RevokedUtc,
            created = a.CreatedUtc,
        }))).RequireAuthorization(RolePolicies.For(Role.Admin));
        api.MapPost("/tokens", (AccountService accounts, TokenRequest request) => accounts.CheckPassword(request.Name, request.Password) switch
        {
            PasswordCheck.Accepted => Results.Ok(new { name = request.Name, token = accounts.NewToken(request.Name) }),
            PasswordCheck.LockedOut => Problems.Of(StatusCodes.Status423Locked, $"account '{request.Name}': locked after {AccountService.FailuresBeforeLockout} failed logins; try again after {AccountService.LockoutTime.TotalMinutes:F0} minutes"),
            _ => Problems.Of(StatusCodes.Status401Unauthorized, "name or password not accepted"),
        }).AllowAnonymous();
    }
}
