using Microsoft.Extensions.FileProviders;

namespace DyeRegistry.Server.Web;

/// <summary>
/// What the pages load besides themselves, all from this process (nothing from outside at run
/// time): the style sheet and the small script here, and the structure editor (JSME) that the
/// build copies from web/ into wwwroot/ beside the program.
/// </summary>
internal static class Assets
{
    /// <summary>Where the built front-end files are (wwwroot beside the program's assemblies).</summary>
    public static string Folder => Path.Combine(AppContext.BaseDirectory, "wwwroot");

    public static bool EditorBuilt => File.Exists(Path.Combine(Folder, "jsme", "jsme.nocache.js"));

    public static void Map(WebApplication app)
    {
        app.MapGet("/assets/site.css", () => Results.Text(SiteStyle.Css, "text/css; charset=utf-8")).AllowAnonymous();
        app.MapGet("/assets/site.js", () => Results.Text(SiteScript.Js, "text/javascript; charset=utf-8")).AllowAnonymous();
        if (Directory.Exists(Folder))
        {
            app.UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider(Folder), RequestPath = "/assets/lib" });
        }
    }

    /// <summary>The script tags of a page with the structure editor, or an explanation when it was not built.</summary>
    public static string EditorScripts => EditorBuilt
        ? "<script src=\"/assets/lib/jsme/jsme.nocache.js\"></script>"
        : string.Empty;

    public static string EditorBox(string label) => EditorBuilt
        ? $"<div class=\"editor-box\"><span class=\"label\" id=\"editor-label\">{Html.E(label)}</span><div id=\"editor\" role=\"application\" aria-labelledby=\"editor-label\"></div></div>"
        : "<p class=\"note warn\">The structure editor is not built on this installation (web/: npm ci, then node build.mjs; setup.sh does it). Paste a SMILES or molfile instead.</p>";
}
