using System.Text.RegularExpressions;
using DyeRegistry.Chemistry;
using DyeRegistry.Storage.Stores;
using Microsoft.Playwright;

namespace DyeRegistry.Web.Tests;

/// <summary>
/// Issue 17's acceptance scenarios, each in a real browser against the real server; each saves a
/// screenshot under artifacts/web-tests/.
/// </summary>
[Collection("browser")]
public sealed class BrowserTests(WebServer server)
{
    // Methyl orange as the free acid, and its sodium salt: the same standardized parent.
    private const string AcidDye = "CN(C)c1ccc(/N=N/c2ccc(S(=O)(=O)O)cc2)cc1";
    private const string SodiumSalt = "CN(C)c1ccc(/N=N/c2ccc(S(=O)(=O)[O-])cc2)cc1.[Na+]";

    // Another dye, registered on its own.
    private const string HydroxyAzobenzene = "Oc1ccc(/N=N/c2ccccc2)cc1";

    private static string Molfile(string smiles)
    {
        using var mol = Molecule.FromSmiles(smiles);
        return mol.ToMolBlock();
    }

    // The editor's own API: Ketcher reads the molfile as if it had been drawn. The page starts
    // Ketcher only when the user opens the editor (its button, or the details around it).
    private static async Task DrawAsync(IPage page, string molfile)
    {
        var open = page.Locator("#editor-open");
        if (await open.CountAsync() > 0)
        {
            await open.ClickAsync();
        }

        await page.WaitForSelectorAsync("body[data-editor=ready]", new() { Timeout = 60_000 });
        await page.EvaluateAsync("m => window.ketcher.setMolecule(m)", molfile);
    }

    private async Task RegisterDrawnAsync(IPage page, string id, string name, string smiles)
    {
        await page.GotoAsync("/register");
        await page.GetByLabel("Dye id").FillAsync(id);
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync(name);
        await DrawAsync(page, Molfile(smiles));
        // The page posts only once the editor has handed over its molfile (asynchronously): wait for the post itself.
        await page.RunAndWaitForResponseAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Register", Exact = true }).ClickAsync(),
            r => r.Url.EndsWith("/register", StringComparison.Ordinal) && r.Request.Method == "POST", new() { Timeout = 60_000 });
        await page.WaitForLoadStateAsync();
    }

    // Waits for the page to reach the URL; when it does not, fails with what the page says instead.
    private static async Task ReachAsync(IPage page, string glob)
    {
        try
        {
            await page.WaitForURLAsync(glob, new() { Timeout = 15_000 });
        }
        catch (TimeoutException)
        {
            Assert.Fail($"the page stayed at {page.Url}, saying: {await page.Locator("main").InnerTextAsync()}");
        }
    }

    [Fact]
    public async Task Log_in_shows_the_search_page_with_the_users_name_and_role()
    {
        var page = await server.LoginAsync("chemist");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Search dyes" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("header .who")).ToContainTextAsync("chemist (chemist)");
        await WebServer.ScreenshotAsync(page, "log-in");
        await WebServer.CloseAsync(page);
    }

    [Fact]
    public async Task A_dye_drawn_in_the_editor_is_registered_from_its_V3000_molfile_and_shown()
    {
        var page = await server.LoginAsync("chemist");
        await RegisterDrawnAsync(page, "D-EDIT", "4-hydroxyazobenzene", HydroxyAzobenzene);
        await ReachAsync(page, "**/dyes/D-EDIT");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Dye D-EDIT" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#parent-smiles")).ToContainTextAsync("N=N");
        await WebServer.ScreenshotAsync(page, "register-drawn");
        await WebServer.CloseAsync(page);

        using var store = RegistryStores.Open(server.Registry);
        var molfile = store.Get("D-EDIT")!.Document["molfile"]!.GetValue<string>();
        Assert.Contains("V3000", molfile, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Its_sodium_salt_is_shown_beside_the_registered_dye_and_added_as_a_form()
    {
        var page = await server.LoginAsync("chemist");
        await RegisterDrawnAsync(page, "D-ACID", "methyl orange (acid)", AcidDye);
        await ReachAsync(page, "**/dyes/D-ACID");
        await RegisterDrawnAsync(page, "D-SALT", "methyl orange sodium salt", SodiumSalt);

        var duplicate = page.Locator("#duplicate");
        await Assertions.Expect(duplicate).ToBeVisibleAsync();
        await Assertions.Expect(duplicate.Locator("#new-parent")).ToContainTextAsync("D-SALT");
        await Assertions.Expect(duplicate.Locator("#registered")).ToContainTextAsync("D-ACID");
        await Assertions.Expect(page.Locator("#set-aside")).ToContainTextAsync("Na");
        Assert.Equal(2, await duplicate.Locator("img").CountAsync());
        await WebServer.ScreenshotAsync(page, "register-duplicate-side-by-side");

        await page.GetByRole(AriaRole.Button, new() { Name = "Add as a form of D-ACID" }).ClickAsync();
        await page.WaitForURLAsync("**/dyes/D-SALT");
        await Assertions.Expect(page.GetByText("A form of D-ACID.")).ToBeVisibleAsync();
        await WebServer.ScreenshotAsync(page, "register-added-as-form");
        await WebServer.CloseAsync(page);
    }

    [Fact]
    public async Task Search_by_a_drawn_substructure_and_by_formula()
    {
        var page = await server.LoginAsync("viewer");
        await page.GotoAsync("/search");
        await page.Locator("summary", new() { HasText = "Structure query" }).ClickAsync();
        await DrawAsync(page, Molfile("c1ccc2scnc2c1")); // benzothiazole: in M-101 only
        await page.GetByLabel("Structure search").SelectOptionAsync("substructure");
        await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await page.WaitForURLAsync(new Regex("structure="));
        await Assertions.Expect(page.Locator("#results .card[data-id='M-101']")).ToBeVisibleAsync();
        await WebServer.ScreenshotAsync(page, "search-drawn-substructure");

        await page.GotoAsync("/search");
        await page.GetByLabel("Formula filter").SelectOptionAsync("M-I");
        await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await page.WaitForURLAsync(new Regex("formula=M-I"));
        await Assertions.Expect(page.Locator("#results .card[data-id='M-101']")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#result-count")).ToContainTextAsync("found");
        await WebServer.ScreenshotAsync(page, "search-formula");
        await WebServer.CloseAsync(page);
    }

    [Fact]
    public async Task The_chart_of_the_sample_ink_on_MED_1_gives_claim_001_2_its_verdict_dye_and_slots()
    {
        var page = await server.LoginAsync("viewer");
        await page.GotoAsync("/charts");
        await page.GetByLabel("Ink (type to choose; empty for the medium alone)").FillAsync("INK-M1");
        await page.GetByLabel("Medium (type to choose)").FillAsync("MED-1");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show chart" }).ClickAsync();
        await page.WaitForURLAsync(new Regex("ink=INK-M1"));
        var claim = page.Locator("#c001-2");
        await Assertions.Expect(claim).ToBeVisibleAsync();
        var section = Regex.Replace(await claim.InnerTextAsync(), @"\s+", " ");
        Assert.StartsWith("001:2 Claim 2", section, StringComparison.Ordinal);
        Assert.Equal("within", (await claim.Locator("h3 .v").First.InnerTextAsync()).Trim());
        Assert.True(section.Contains("within", StringComparison.Ordinal), section);
        Assert.True(section.Contains("dye M-101", StringComparison.Ordinal), section);
        Assert.True(section.Contains("R1 = cyano", StringComparison.Ordinal), section);
        await claim.ScrollIntoViewIfNeededAsync();
        await WebServer.ScreenshotAsync(page, "chart-ink-m1-on-med-1");
        await WebServer.CloseAsync(page);
    }

    [Fact]
    public async Task An_issued_chart_reopens_unchanged_after_the_medium_changes()
    {
        var page = await server.LoginAsync("registrar");
        await page.GotoAsync("/charts?ink=INK-M1&medium=MED-1");
        await page.GetByLabel("Note kept with the issued chart").FillAsync("opinion 2026-12 for counsel");
        await page.GetByRole(AriaRole.Button, new() { Name = "Issue this chart" }).ClickAsync();
        await page.WaitForURLAsync(new Regex("/charts/issued/\\d+$"));
        var issuedUrl = page.Url;
        var issued = await page.Locator("#chart").InnerHTMLAsync();
        Assert.Contains("MED-1 v1", await page.Locator("#chart").InnerTextAsync(), StringComparison.Ordinal);

        await page.GotoAsync("/media/MED-1");
        var thickness = page.GetByLabel("Dry thickness of the ink-receiving layer (µm)");
        await thickness.FillAsync("31");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await page.WaitForURLAsync("**/media/MED-1");
        await Assertions.Expect(thickness).ToHaveValueAsync("31");

        await page.GotoAsync("/charts?ink=INK-M1&medium=MED-1");
        Assert.Contains("MED-1 v2", await page.Locator("#chart").InnerTextAsync(), StringComparison.Ordinal);
        await Assertions.Expect(page.Locator("#issued")).ToContainTextAsync("opinion 2026-12 for counsel");

        await page.GotoAsync(issuedUrl);
        Assert.Equal(issued, await page.Locator("#chart").InnerHTMLAsync());
        await Assertions.Expect(page.Locator("#issued-meta")).ToContainTextAsync("MED-1@1");
        await Assertions.Expect(page.Locator("#issued-meta")).ToContainTextAsync("registrar");
        await WebServer.ScreenshotAsync(page, "chart-issued-reopened");
        await WebServer.CloseAsync(page);
    }

    [Fact]
    public async Task A_viewer_sees_no_register_button_and_a_forged_post_as_viewer_is_refused()
    {
        var page = await server.LoginAsync("viewer");
        await Assertions.Expect(page.Locator("header nav")).Not.ToContainTextAsync("Register");
        await page.GotoAsync("/media/MED-1");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Save" })).ToHaveCountAsync(0);
        var response = await page.GotoAsync("/register");
        Assert.Equal(403, response!.Status);

        // A POST with the viewer's own valid antiforgery token: the role still refuses it.
        await page.GotoAsync("/me");
        var token = await page.Locator("input[name=__csrf]").First.GetAttributeAsync("value");
        var forged = await page.APIRequest.PostAsync("/register", new() { Multipart = page.APIRequest.CreateFormData().Set("__csrf", token!).Set("id", "D-FORGED").Set("structure", AcidDye).Set("action", "register") });
        Assert.Equal(403, forged.Status);
        var forgedEdit = await page.APIRequest.PostAsync("/media/save", new() { Form = page.APIRequest.CreateFormData().Set("__csrf", token!).Set("id", "MED-1").Set("version", "1").Set("ink_receiving_layer.dry_thickness_um", "99") });
        Assert.Equal(403, forgedEdit.Status);
        await WebServer.ScreenshotAsync(page, "viewer-no-register");
        await WebServer.CloseAsync(page);

        // A chemist's POST without the antiforgery token (another site's form) is refused too.
        var chemist = await server.LoginAsync("chemist");
        var noToken = await chemist.APIRequest.PostAsync("/register", new() { Multipart = chemist.APIRequest.CreateFormData().Set("id", "D-FORGED").Set("structure", AcidDye).Set("action", "register") });
        Assert.Equal(400, noToken.Status);
        await WebServer.CloseAsync(chemist);

        using var store = RegistryStores.Open(server.Registry);
        Assert.Null(store.Get("D-FORGED"));
    }

    [Fact]
    public async Task An_ink_named_with_markup_shows_as_text()
    {
        const string name = "<script>alert(1)</script>";
        var page = await server.LoginAsync("chemist");
        var dialogs = 0;
        page.Dialog += (_, d) => { dialogs++; _ = d.DismissAsync(); };
        await page.GotoAsync("/inks/new");
        await page.GetByLabel("Id", new() { Exact = true }).FillAsync("INK-XSS");
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync(name);
        await page.GetByLabel("Component 1: record id").FillAsync("M-101");
        await page.GetByLabel("Component 1: mass %").FillAsync("2.5");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create" }).ClickAsync();
        await page.WaitForURLAsync("**/inks/INK-XSS");
        await page.GotoAsync("/inks");
        await Assertions.Expect(page.Locator("#records").GetByText(name, new() { Exact = true })).ToBeVisibleAsync();
        await page.GotoAsync("/charts?ink=INK-XSS&medium=MED-1");
        await page.GotoAsync("/portfolio");
        Assert.Equal(0, dialogs);
        Assert.Equal(0, await page.Locator("script:text('alert(1)')").CountAsync());
        await page.GotoAsync("/inks");
        await WebServer.ScreenshotAsync(page, "ink-name-markup-as-text");
        await WebServer.CloseAsync(page);
    }
}
