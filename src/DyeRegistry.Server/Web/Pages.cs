namespace DyeRegistry.Server.Web;

/// <summary>The browser application's routes, mapped beside the API on the same port.</summary>
internal static class Pages
{
    public static void Map(WebApplication app, RouteGroupBuilder api)
    {
        Assets.Map(app);
        LoginPages.Map(app);
        Depictions.Map(app, api);
        SearchPage.Map(app);
        DyePage.Map(app);
        RegisterPage.Map(app);
        ChartPages.Map(app);
        RecordPages.Map(app);
        PortfolioPage.Map(app);
        FormulasPage.Map(app);
        ScreeningPage.Map(app);
        AccountPages.Map(app);
        BulkUploadPage.Map(app);
        IsothermSection.Map(app);
    }

    /// <summary>Headers every response carries: a content security policy that allows only this
    /// server's own scripts (Ketcher's bundle needs eval) and no framing by other sites; the editor
    /// pages add WebAssembly and a worker (<see cref="Assets.EditorPolicy"/>).</summary>
    public static IApplicationBuilder UseResponseHeaders(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        context.Response.Headers["Content-Security-Policy"] = Policy;
        context.Response.Headers["X-Content-Type-Options"] = "nosniff";
        context.Response.Headers["Referrer-Policy"] = "same-origin";
        await next(context);
    });

    public const string Policy =
            "default-src 'self'; script-src 'self' 'unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; frame-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'self'";
}
