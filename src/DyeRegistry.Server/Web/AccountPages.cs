using System.Text;
using DyeRegistry.Application.Accounts;
using DyeRegistry.Storage;
using static DyeRegistry.Server.Web.Html;

namespace DyeRegistry.Server.Web;

/// <summary><c>/accounts</c> (admin): the accounts, adding one (its API token and password shown
/// once), revoking one. <c>/me</c>: one's own API token, made anew (shown once) or revoked.</summary>
internal static class AccountPages
{
    public static void Map(WebApplication app)
    {
        app.MapGet("/accounts", (HttpContext c, AccountService a) => Accounts(c, a, null, null)).RequireAuthorization(RolePolicies.For(Role.Admin));
        app.MapPost("/accounts", PostAccounts).RequireAuthorization(RolePolicies.For(Role.Admin));
        app.MapGet("/me", (HttpContext c) => Me(c, null)).RequireAuthorization(RolePolicies.For(Role.Viewer));
        app.MapPost("/me", PostMe).RequireAuthorization(RolePolicies.For(Role.Viewer));
    }

    private static IResult Accounts(HttpContext context, AccountService accounts, string? message, string? error, int status = 200)
    {
        var html = new StringBuilder();
        if (message is not null)
        {
            html.Append($"<div class=\"note ok\" role=\"status\" id=\"account-secret\">{message}</div>");
        }

        if (error is not null)
        {
            html.Append(Layout.Note(error, "error"));
        }

        html.Append("<table id=\"accounts\"><tr><th>Name</th><th>Role</th><th>Password</th><th>State</th><th>Created</th><th></th></tr>");
        foreach (var a in accounts.List())
        {
            var state = a.RevokedUtc is { } r ? $"revoked {r:yyyy-MM-dd}" : a.LockedUntilUtc is { } l && l > DateTimeOffset.UtcNow ? $"locked until {l:HH:mm} UTC" : "active";
            var revoke = a.RevokedUtc is null && a.Name != Forms.UserOf(context)
                ? $"<form method=\"post\" action=\"/accounts\">{Forms.Token(context)}<input type=\"hidden\" name=\"action\" value=\"revoke\"><input type=\"hidden\" name=\"name\" value=\"{E(a.Name)}\"><button class=\"danger\" type=\"submit\" aria-label=\"Revoke {E(a.Name)}\">Revoke</button></form>"
                : string.Empty;
            html.Append($"<tr><td>{E(a.Name)}</td><td>{E(a.Role)}</td><td>{(a.PasswordHash is null ? "none" : "set")}</td><td>{E(state)}</td><td>{a.CreatedUtc:yyyy-MM-dd}</td><td>{revoke}</td></tr>");
        }

        html.Append($"""
            </table>
            <h2>Add an account</h2>
            <form method="post" action="/accounts" class="panel" id="add-account">
            {Forms.Token(context)}<input type="hidden" name="action" value="add">
            <div class="row">
            {Field("name", "Account name", null, required: true, help: "1-64 letters, digits, '.', '_', '-'")}
            {Select("role", "Role", Roles.Names.Select(r => (r, r)), "viewer")}
            {Field("password", "Password (optional; at least 12 characters)", null, "password", attributes: "autocomplete=\"new-password\"")}
            </div>
            <div class="actions"><button type="submit">Add account</button></div>
            </form>
            """);
        return Layout.Page(context, "Accounts", html.ToString(), status);
    }

    private static async Task<IResult> PostAccounts(HttpContext context, AccountService accounts)
    {
        var form = await Forms.ReadAsync(context);
        if (form is null)
        {
            return Forms.Forged();
        }

        var name = Forms.Text(form, "name") ?? string.Empty;
        try
        {
            if (Forms.Text(form, "action") == "revoke")
            {
                accounts.Revoke(name);
                return Accounts(context, accounts, E($"Account '{name}' revoked: its token and password no longer work."), null);
            }

            var password = Forms.Text(form, "password");
            if (password is { Length: < 12 })
            {
                return Accounts(context, accounts, null, "password: at least 12 characters", 400);
            }

            var (_, token) = accounts.Add(name, Roles.Parse(Forms.Text(form, "role") ?? "viewer"));
            if (password is not null)
            {
                accounts.SetPassword(name, password);
            }

            return Accounts(context, accounts, $"Account <b>{E(name)}</b> added. Its API token (shown only now): <code id=\"new-token\">{E(token)}</code>", null);
        }
        catch (Exception e) when (e is ArgumentException or RegistryException)
        {
            return Accounts(context, accounts, null, e.Message, 400);
        }
    }

    private static IResult Me(HttpContext context, string? message) => Layout.Page(context, "My API token", $"""
        {(message is null ? string.Empty : $"<div class=\"note ok\" role=\"status\" id=\"token-message\">{message}</div>")}
        <p>Scripts and API clients send <code>Authorization: Bearer TOKEN</code>. An account has one token: making a new one ends the old one. Only a hash of it is kept, so it is shown once.</p>
        <form method="post" action="/me" class="actions">{Forms.Token(context)}
        <button type="submit" name="action" value="new">Make a new token</button>
        <button type="submit" name="action" value="revoke" class="danger">Revoke my token</button>
        </form>
        """);

    private static async Task<IResult> PostMe(HttpContext context, AccountService accounts)
    {
        var form = await Forms.ReadAsync(context);
        if (form is null)
        {
            return Forms.Forged();
        }

        var token = accounts.NewToken(Forms.UserOf(context));
        return Forms.Text(form, "action") == "revoke"
            ? Me(context, "Your token is revoked: the old one no longer works (a new one was made and not shown; make a new one when you need it).")
            : Me(context, $"Your new API token (shown only now): <code id=\"new-token\">{E(token)}</code>");
    }
}
