using System.Security.Claims;
using DyeRegistry.Application.Accounts;
using DyeRegistry.Storage.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace DyeRegistry.Server.Web;

/// <summary>
/// Two ways in, the same accounts and roles: the API takes <c>Authorization: Bearer TOKEN</c>
/// (never a cookie, so a page cannot be made to call it on a user's behalf); the pages take the
/// login cookie (HttpOnly, SameSite=Strict) and every form carries an antiforgery token. A cookie
/// is checked against the account on every request: a revoked account or a changed role takes
/// effect at once.
/// </summary>
internal static class WebAuthentication
{
    public const string Selector = "ApiOrPages";

    public const string CookieScheme = CookieAuthenticationDefaults.AuthenticationScheme;

    public static void Add(IServiceCollection services)
    {
        services.AddAuthentication(Selector)
            .AddPolicyScheme(Selector, null, o => o.ForwardDefaultSelector = c =>
                c.Request.Path.StartsWithSegments("/api") || c.Request.Headers.Authorization.Count > 0 ? BearerAuthentication.SchemeName : CookieScheme)
            .AddScheme<AuthenticationSchemeOptions, BearerAuthentication>(BearerAuthentication.SchemeName, null)
            .AddCookie(CookieScheme, o =>
            {
                o.LoginPath = "/login";
                o.LogoutPath = "/logout";
                o.Cookie.Name = "dyereg.login";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Strict;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.ExpireTimeSpan = TimeSpan.FromHours(10);
                o.SlidingExpiration = true;
                o.Events.OnRedirectToAccessDenied = c =>
                {
                    // A refused action is a 403 with its reason, never a redirect that looks like success.
                    c.Response.StatusCode = StatusCodes.Status403Forbidden;
                    return Task.CompletedTask;
                };
                o.Events.OnValidatePrincipal = c =>
                {
                    var name = c.Principal?.Identity?.Name;
                    var account = name is null ? null : c.HttpContext.RequestServices.GetRequiredService<IAccountStore>().Find(name);
                    if (account is null || account.RevokedUtc is not null)
                    {
                        c.RejectPrincipal();
                    }
                    else if (c.Principal!.FindFirst(BearerAuthentication.RoleClaim)?.Value != account.Role)
                    {
                        c.ReplacePrincipal(Principal(account.Name, account.Role));
                        c.ShouldRenew = true;
                    }

                    return Task.CompletedTask;
                };
            });
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "dyereg.antiforgery";
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.FormFieldName = "__csrf";
        });
    }

    public static ClaimsPrincipal Principal(string name, string role) =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.Name, name), new Claim(BearerAuthentication.RoleClaim, role)], CookieScheme));

    public static Task SignInAsync(HttpContext context, Account account) =>
        context.SignInAsync(CookieScheme, Principal(account.Name, account.Role));
}
