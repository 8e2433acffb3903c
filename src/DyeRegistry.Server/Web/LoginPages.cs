using DyeRegistry.Application.Accounts;
using DyeRegistry.Storage;
using DyeRegistry.Storage.Accounts;
using Microsoft.AspNetCore.Authentication;
using static DyeRegistry.Server.Web.Html;

namespace DyeRegistry.Server.Web;

/// <summary>
/// <c>/login</c> (name and password: the login cookie), <c>/logout</c>, and <c>/setup</c>: on a
/// registry without any account the first admin is created here (nothing ships with a default
/// password); once an account exists, /setup is gone.
/// </summary>
internal static class LoginPages
{
    public static void Map(WebApplication app)
    {
        app.MapGet("/", () => Results.Redirect("/search")).AllowAnonymous();
        app.MapGet("/login", (HttpContext c, string? returnUrl) => Login(c, returnUrl, null, null)).AllowAnonymous();
        app.MapPost("/login", PostLogin).AllowAnonymous();
        app.MapPost("/logout", (Delegate)PostLogout).AllowAnonymous();
        app.MapGet("/setup", (HttpContext c, IAccountStore accounts) => accounts.List().Count > 0 ? Results.Redirect("/login") : Setup(c, null, null)).AllowAnonymous();
        app.MapPost("/setup", PostSetup).AllowAnonymous();
    }

    /// <summary>Sends every page to /setup while the registry has no account (the API answers 401 as usual).</summary>
    public static void UseFirstAdminSetup(WebApplication app)
    {
        var known = false;
        app.Use(async (context, next) =>
        {
            var path = context.Request.Path;
            if (!known && !path.StartsWithSegments("/api") && !path.StartsWithSegments("/setup") && !path.StartsWithSegments("/assets")
                && !path.StartsWithSegments("/healthz") && !path.StartsWithSegments("/openapi"))
            {
                known = context.RequestServices.GetRequiredService<IAccountStore>().List().Count > 0;
                if (!known)
                {
                    context.Response.Redirect("/setup");
                    return;
                }
            }

            await next(context);
        });
    }

    private static IResult Login(HttpContext context, string? returnUrl, string? name, string? error, int status = 200) => Layout.Page(context, "Log in", $"""
        <form method="post" action="/login" class="panel" style="max-width:420px">
        {Forms.Token(context)}<input type="hidden" name="returnUrl" value="{E(returnUrl)}">
        {(error is null ? string.Empty : Layout.Note(error, "error"))}
        {Field("name", "Account name", name, required: true, attributes: "autocomplete=\"username\" autofocus")}
        {Field("password", "Password", null, "password", required: true, attributes: "autocomplete=\"current-password\"")}
        <div class="actions"><button type="submit">Log in</button></div>
        </form>
        """, status);

    private static async Task<IResult> PostLogin(HttpContext context, AccountService accounts, IAccountStore store)
    {
        var form = await Forms.ReadAsync(context);
        if (form is null)
        {
            return Forms.Forged();
        }

        var name = Forms.Text(form, "name") ?? string.Empty;
        var returnUrl = Forms.Text(form, "returnUrl");
        switch (accounts.CheckPassword(name, form["password"].ToString()))
        {
            case PasswordCheck.Accepted:
                await WebAuthentication.SignInAsync(context, store.Find(name)!);
                // Only a path on this site: a login link never sends the user elsewhere.
                return Results.Redirect(returnUrl is not null && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//", StringComparison.Ordinal) ? returnUrl : "/search");
            case PasswordCheck.LockedOut:
                return Login(context, returnUrl, name, $"account '{name}': locked after {AccountService.FailuresBeforeLockout} failed logins; try again after {AccountService.LockoutTime.TotalMinutes:F0} minutes", 423);
            default:
                return Login(context, returnUrl, name, "name or password not accepted", 401);
        }
    }

    private static async Task<IResult> PostLogout(HttpContext context)
    {
        if (await Forms.ReadAsync(context) is null)
        {
            return Forms.Forged();
        }

        await context.SignOutAsync(WebAuthentication.CookieScheme);
        return Results.Redirect("/login");
    }

    private static IResult Setup(HttpContext context, string? name, string? error, int status = 200) => Layout.Page(context, "First administrator", $"""
        <p>This registry has no accounts yet. Create the first administrator; it then adds the other accounts (Accounts page, or <code>dyereg users add</code>).</p>
        <form method="post" action="/setup" class="panel" style="max-width:460px">
        {Forms.Token(context)}
        {(error is null ? string.Empty : Layout.Note(error, "error"))}
        {Field("name", "Account name", name, required: true, help: "1-64 letters, digits, '.', '_', '-'")}
        {Field("password", "Password", null, "password", required: true, help: "at least 12 characters", attributes: "autocomplete=\"new-password\" minlength=\"12\"")}
        {Field("confirm", "Password again", null, "password", required: true, attributes: "autocomplete=\"new-password\"")}
        <div class="actions"><button type="submit">Create administrator</button></div>
        </form>
        """, status);

    private static async Task<IResult> PostSetup(HttpContext context, AccountService accounts, IAccountStore store, ServerResources resources)
    {
        var form = await Forms.ReadAsync(context);
        if (form is null)
        {
            return Forms.Forged();
        }

        var name = Forms.Text(form, "name") ?? string.Empty;
        var password = form["password"].ToString();
        if (password != form["confirm"].ToString())
        {
            return Setup(context, name, "password: the two passwords differ", 400);
        }

        if (password.Length < 12)
        {
            return Setup(context, name, "password: at least 12 characters", 400);
        }

        await resources.WriteGate.WaitAsync(context.RequestAborted);
        try
        {
            // Checked under the write gate: two first administrators cannot both be created.
            if (store.List().Count > 0)
            {
                return Layout.Refused(context, "this registry has accounts already: the first administrator was created; log in instead");
            }

            accounts.Add(name, Role.Admin);
            accounts.SetPassword(name, password);
        }
        catch (Exception e) when (e is ArgumentException or RegistryException)
        {
            return Setup(context, name, e.Message, 400);
        }
        finally
        {
            resources.WriteGate.Release();
        }

        await WebAuthentication.SignInAsync(context, store.Find(name)!);
        return Results.Redirect("/search");
    }
}
