using Microsoft.Extensions.FileProviders;

namespace DyeRegistry.Server.Web;

/// <summary>
/// What the pages load besides themselves, all from this process (nothing from outside at run
/// time): the style sheet and the small script here, and the structure editor (Ketcher, bundled
/// by web/'s build) that the .NET build copies into wwwroot/ beside the program.
/// </summary>
internal static class Assets
{
    /// <summary>Where the built front-end files are (wwwroot beside the program's assemblies).</summary>
    public static string Folder => Path.Combine(AppContext.BaseDirectory, "wwwroot");

    public static bool EditorBuilt => File.Exists(Path.Combine(Folder, "ketcher", "editor.js"));

    public static void Map(WebApplication app)
    {
        app.MapGet("/assets/site.css", () => Results.Text(SiteStyle.Css, "text/css; charset=utf-8")).AllowAnonymous();
        app.MapGet("/assets/site.js", () => Results.Text(SiteScript.Js, "text/javascript; charset=utf-8")).AllowAnonymous();
        if (Directory.Exists(Folder))
        {
            app.UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider(Folder), RequestPath = "/assets/lib" });
        }
    }

    /// <summary>The script tag of a page with the structure editor: a small loader that fetches and
    /// starts Ketcher (with its style sheet) only when the user opens the editor.</summary>
    public static string EditorScripts => EditorBuilt
        ? "<script type=\"module\" src=\"/assets/lib/ketcher/editor.js\"></script>"
        : string.Empty;

    public static string EditorBox(string label) => EditorBuilt
        ? $"<div class=\"editor-box\"><span class=\"label\" id=\"editor-label\">{Html.E(label)}</span> <button type=\"button\" id=\"editor-open\" class=\"secondary\">Open the structure editor</button><div id=\"editor\" role=\"application\" aria-labelledby=\"editor-label\"></div></div>"
        : "<p class=\"note warn\">The structure editor is not built on this installation (web/: npm ci, then node build.mjs; setup.sh does it). Paste a SMILES or molfile instead.</p>";

    /// <summary>What a page with the editor adds to the content security policy: Indigo is
    /// WebAssembly (compiled in the page) and runs in a worker that Ketcher starts from a blob.</summary>
    public static string EditorPolicy(string policy) => policy
        .Replace("script-src 'self'", "script-src 'self' 'wasm-unsafe-eval'", StringComparison.Ordinal)
        .Replace("object-src", "worker-src 'self' blob:; font-src 'self' data:; object-src", StringComparison.Ordinal);
}
