using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using DyeRegistry.Chemistry;
using DyeRegistry.Pores.Isotherms;
using DyeRegistry.Storage.Stores;
using DyeRegistry.TestSupport;
using Microsoft.Playwright;

namespace DyeRegistry.Web.Tests;

/// <summary>
/// The bulk upload (mapping, validation report, commit), registering a duplicate as a unique dye
/// (a registrar's, with the reason; refused to a chemist by the server), a medium's isotherm plot,
/// and the formulas' cores drawn; each in a real browser, with screenshots at 1280 and 768 px
/// under artifacts/web-tests/.
/// </summary>
[Collection("browser")]
public sealed class RegistrationPagesTests(WebServer server)
{
    // Dyes no other test of the collection registers (the server is shared): an acid and its sodium salt each.
    private const string Acid = "Cc1ccc(/N=N/c2ccc(S(=O)(=O)O)cc2)cc1";
    private const string Salt = "Cc1ccc(/N=N/c2ccc(S(=O)(=O)[O-])cc2)cc1.[Na+]";
    private const string OrangeAcid = "Oc1ccc2ccccc2c1/N=N/c1ccc(S(=O)(=O)O)cc1";
    private const string OrangeSalt = "Oc1ccc2ccccc2c1/N=N/c1ccc(S(=O)(=O)[O-])cc1.[Na+]";

    private static string Sd(string id, string smiles, params (string Tag, string Value)[] tags)
    {
        using var mol = Molecule.FromSmiles(smiles);
        var text = new StringBuilder(id).Append(mol.ToMolBlock()[mol.ToMolBlock().IndexOf('\n', StringComparison.Ordinal)..].TrimEnd()).Append('\n');
        foreach (var (tag, value) in tags)
        {
            text.Append(CultureInfo.InvariantCulture, $"> <{tag}>\n{value}\n\n");
        }

        return text.Append("$$$$\n").ToString();
    }

    private static async Task BothWidthsAsync(IPage page, string name)
    {
        await page.SetViewportSizeAsync(1280, 900);
        await WebServer.ScreenshotAsync(page, name + "-1280");
        await page.SetViewportSizeAsync(768, 1024);
        await WebServer.ScreenshotAsync(page, name + "-768");
        await page.SetViewportSizeAsync(1280, 900);
    }

    [Fact]
    public async Task Bulk_upload_maps_the_fields_reports_before_the_commit_and_then_imports()
    {
        // B-1 new (supplier in a VENDOR tag, the name in LABEL); B-2 the acid's salt after the acid: a duplicate; B-3 unreadable
        var sdf = Sd("B-1", Acid, ("LABEL", "tolylazo acid"), ("VENDOR", "Acme Colours")) +
                  Sd("B-2", Salt, ("LABEL", "tolylazo sodium"), ("VENDOR", "Acme Colours")) +
                  "B-3\n  broken\n\n  1  0  0  0  0  0  0  0  0  0999 V2000\n    0.0000    0.0000    0.0000 Qq  0  0\nM  END\n$$$$\n";
        var page = await server.LoginAsync("chemist");
        await page.GotoAsync("/register");
        await page.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("Bulk upload") }).ClickAsync();
        await page.GetByLabel("File of dyes").SetInputFilesAsync(new FilePayload { Name = "batch.sdf", MimeType = "chemical/x-mdl-sdfile", Buffer = Encoding.UTF8.GetBytes(sdf) });
        await page.GetByRole(AriaRole.Button, new() { Name = "Read the file" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Bulk upload: map the fields" })).ToBeVisibleAsync();
        await page.GetByLabel("Name (SD tag)").SelectOptionAsync("LABEL");
        await page.GetByLabel("Supplier (SD tag)").SelectOptionAsync("VENDOR");
        await BothWidthsAsync(page, "bulk-mapping");
        await page.GetByRole(AriaRole.Button, new() { Name = "Check (nothing is written)" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Bulk upload: validation report" })).ToBeVisibleAsync();
        var report = page.Locator("#report");
        await Assertions.Expect(report.Locator("tr.outcome-created")).ToContainTextAsync("B-1");
        await Assertions.Expect(report.Locator("tr.outcome-duplicate")).ToContainTextAsync("duplicate: ");
        await Assertions.Expect(report.Locator("tr.outcome-duplicate")).ToContainTextAsync("B-1");
        await Assertions.Expect(report.Locator("tr.outcome-failed")).ToHaveCountAsync(1);
        await BothWidthsAsync(page, "bulk-report");
        using (var store = RegistryStores.Open(server.Registry))
        {
            Assert.Null(store.Get("B-1")); // the report wrote nothing
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Commit: import 1 record" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Bulk upload: imported" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#report tr.outcome-created")).ToContainTextAsync("B-1");
        await BothWidthsAsync(page, "bulk-imported");
        await WebServer.CloseAsync(page);

        using var after = RegistryStores.Open(server.Registry);
        var stored = after.Get("B-1")!.Document;
        Assert.Equal("tolylazo acid", stored["name"]!.GetValue<string>());
        Assert.Equal("Acme Colours", stored["supplier"]!.GetValue<string>());
        Assert.Null(after.Get("B-2"));
    }

    private static async Task ReachAsync(IPage page, string glob)
    {
        try
        {
            await page.WaitForURLAsync(glob, new() { Timeout = 60_000 });
        }
        catch (TimeoutException)
        {
            Assert.Fail($"the page stayed at {page.Url}, saying: {await page.Locator("main").InnerTextAsync()}");
        }
    }

    private static async Task RegisterAsync(IPage page, string id, string smiles)
    {
        await page.GotoAsync("/register");
        await page.GetByLabel("Dye id").FillAsync(id);
        await page.GetByLabel("Or paste a SMILES or molfile").FillAsync(smiles);
        // The page posts only once the editor has handed over its molfile (asynchronously): wait for the post itself.
        await page.RunAndWaitForResponseAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Register", Exact = true }).ClickAsync(),
            r => r.Url.EndsWith("/register", StringComparison.Ordinal) && r.Request.Method == "POST", new() { Timeout = 60_000 });
        await page.WaitForLoadStateAsync();
    }

    [Fact]
    public async Task A_registrar_registers_the_duplicate_as_unique_with_a_reason_and_a_chemist_cannot()
    {
        var registrar = await server.LoginAsync("registrar");
        await RegisterAsync(registrar, "U-ACID", OrangeAcid);
        await ReachAsync(registrar, "**/dyes/U-ACID");
        await RegisterAsync(registrar, "U-NA", OrangeSalt);
        await Assertions.Expect(registrar.Locator("#duplicate #registered")).ToContainTextAsync("U-ACID");
        await registrar.GetByLabel(new Regex("Reason for registering it as a unique dye")).FillAsync("sold and claimed as a separate product");
        await BothWidthsAsync(registrar, "register-unique-choice");
        await registrar.GetByRole(AriaRole.Button, new() { Name = "Register as a unique dye" }).ClickAsync();
        await ReachAsync(registrar, "**/dyes/U-NA");
        await Assertions.Expect(registrar.Locator("#distinct-from")).ToContainTextAsync("sold and claimed as a separate product");
        await BothWidthsAsync(registrar, "register-unique-done");
        await WebServer.CloseAsync(registrar);
        using (var store = RegistryStores.Open(server.Registry))
        {
            Assert.Null(store.Get("U-NA")!.Document["parent"]);
            Assert.Equal("U-ACID", store.Get("U-NA")!.Document["distinct_from"]!["dye"]!.GetValue<string>());
        }

        // A chemist is offered the form only; a forged "unique" from the chemist's own form is refused.
        var chemist = await server.LoginAsync("chemist");
        await RegisterAsync(chemist, "U-NA2", OrangeSalt);
        await Assertions.Expect(chemist.Locator("#duplicate")).ToBeVisibleAsync();
        await Assertions.Expect(chemist.GetByRole(AriaRole.Button, new() { Name = "Register as a unique dye" })).ToHaveCountAsync(0);
        await chemist.EvaluateAsync("() => { const b = document.querySelector('button[value=form]'); b.value = 'unique'; }");
        var refused = await chemist.RunAndWaitForResponseAsync(() => chemist.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Add as a form") }).ClickAsync(), r => r.Url.EndsWith("/register", StringComparison.Ordinal) && r.Request.Method == "POST");
        Assert.Equal(403, refused.Status);
        await WebServer.CloseAsync(chemist);
        using var after = RegistryStores.Open(server.Registry);
        Assert.Null(after.Get("U-NA2"));
    }

    // Cylindrical pores of the given diameter: Y (the peak) must come out near it.
    private static byte[] PoresCsv(double diameterNanometres)
    {
        var csv = new StringBuilder($"# material: synthetic {diameterNanometres} nm pores\n# temperature_k: 77.355\nrelative_pressure,volume_cm3_liquid_per_g,branch\n");
        foreach (var p in SyntheticIsotherm.Cylinders(Branch.Adsorption, 80, (diameterNanometres, 0.6)))
        {
            csv.Append(CultureInfo.InvariantCulture, $"{p.RelativePressure:R},{p.LiquidVolumeCubicCentimetresPerGram:R},ads\n");
        }

        foreach (var p in SyntheticIsotherm.Cylinders(Branch.Desorption, 80, (diameterNanometres, 0.6)))
        {
            csv.Append(CultureInfo.InvariantCulture, $"{p.RelativePressure:R},{p.LiquidVolumeCubicCentimetresPerGram:R},des\n");
        }

        return Encoding.UTF8.GetBytes(csv.ToString());
    }

    [Fact]
    public async Task A_mediums_isotherm_upload_shows_the_pore_distribution_with_X_Y_A()
    {
        var page = await server.LoginAsync("chemist");
        await page.GotoAsync("/media/MED-1");
        await page.GetByLabel(new Regex("^Isotherm file")).SetInputFilesAsync(new FilePayload { Name = "pores-20nm.csv", MimeType = "text/csv", Buffer = PoresCsv(20) });
        await page.GetByLabel("X: polymer particles' average diameter (nm)").FillAsync("15");
        await page.GetByLabel("Coat weight of the layer (g/m²)").FillAsync("20");
        await page.GetByRole(AriaRole.Button, new() { Name = "Plot the pore distribution" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Medium MED-1: isotherm" })).ToBeVisibleAsync();
        var y = double.Parse((await page.Locator("#peak-y").InnerTextAsync()).Split(' ')[0], CultureInfo.InvariantCulture);
        Assert.InRange(y, 17, 23);
        var a = await page.Locator("#value-a").InnerTextAsync();
        Assert.True(Regex.IsMatch(a, @"^\d"), $"A per cm2 is '{a}': {await page.Locator("#isotherm").InnerTextAsync()}"); // with the coat weight
        Assert.True(await page.Locator("#psd-plot").EvaluateAsync<bool>("img => img.complete && img.naturalWidth > 0"));
        var svg = Encoding.UTF8.GetString(Convert.FromBase64String((await page.Locator("#psd-plot").GetAttributeAsync("src"))!.Split(',')[1]));
        Assert.Contains("Y = ", svg);
        Assert.Contains("X = 15 nm", svg);
        await BothWidthsAsync(page, "medium-isotherm");
        await WebServer.CloseAsync(page);
    }

    [Fact]
    public async Task A_chemist_saves_an_uploaded_isotherm_into_the_medium_as_a_new_version_with_A_and_Y()
    {
        // A medium of the chemist's own (the shared MED-1 stays as the chart tests expect it), with a stated Y to be replaced.
        var page = await server.LoginAsync("chemist");
        await page.GotoAsync("/media/new");
        await page.GetByLabel("Id", new() { Exact = true }).FillAsync("MED-ISO");
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("porous test sheet");
        await page.GetByLabel("Y: peak pore diameter (nm)").FillAsync("55");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create" }).ClickAsync();
        await ReachAsync(page, "**/media/MED-ISO");

        await page.GetByLabel(new Regex("^Isotherm file")).SetInputFilesAsync(new FilePayload { Name = "pores-30nm.csv", MimeType = "text/csv", Buffer = PoresCsv(30) });
        await page.GetByLabel("X: polymer particles' average diameter (nm)").FillAsync("25");
        await page.GetByLabel("Coat weight of the layer (g/m²)").FillAsync("20");
        await page.GetByRole(AriaRole.Button, new() { Name = "Plot the pore distribution" }).ClickAsync();
        await Assertions.Expect(page.Locator("#isotherm-save-note")).ToContainTextAsync("Saving writes version 2 of MED-ISO");
        await Assertions.Expect(page.Locator("#isotherm-save-note")).ToContainTextAsync("Y = 55 nm");
        using (var store = RegistryStores.Open(server.Registry))
        {
            Assert.Equal(1, store.Get("MED-ISO")!.Version); // the plot wrote nothing
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Save this isotherm into MED-ISO" }).ClickAsync();
        await ReachAsync(page, "**/media/MED-ISO#isotherm");
        var y = page.Locator("#computed-quantities tr[data-field='ink_receiving_layer.peak_pore_diameter_nm'] td").First;
        await Assertions.Expect(y).ToContainTextAsync(" nm");
        Assert.InRange(double.Parse((await y.InnerTextAsync()).Split(' ')[0], CultureInfo.InvariantCulture), 26, 34);
        var a = page.Locator("#computed-quantities tr[data-field='ink_receiving_layer.pore_volume_at_particle_diameter_ml_per_cm2'] td").First;
        await Assertions.Expect(a).ToContainTextAsync("mL/cm²");
        await Assertions.Expect(page.Locator("#isotherm #peak-y")).ToBeVisibleAsync(); // the record's own isotherm is plotted on its page
        var latest = page.Locator("#history tr").Last;
        await Assertions.Expect(latest).ToContainTextAsync("updated");
        await Assertions.Expect(latest).ToContainTextAsync("chemist");
        await Assertions.Expect(latest).ToContainTextAsync("pores-30nm.csv");
        await BothWidthsAsync(page, "medium-isotherm-saved");

        // A viewer is offered no save, and a forged save as the viewer is refused.
        var viewer = await server.LoginAsync("viewer");
        await viewer.GotoAsync("/media/MED-ISO");
        await viewer.GetByLabel(new Regex("^Isotherm file")).SetInputFilesAsync(new FilePayload { Name = "pores-30nm.csv", MimeType = "text/csv", Buffer = PoresCsv(30) });
        await viewer.GetByRole(AriaRole.Button, new() { Name = "Plot the pore distribution" }).ClickAsync();
        await Assertions.Expect(viewer.Locator("#peak-y")).ToBeVisibleAsync();
        await Assertions.Expect(viewer.Locator("#isotherm-save-form")).ToHaveCountAsync(0);
        var token = await viewer.Locator("input[name=__csrf]").First.GetAttributeAsync("value");
        var forged = await viewer.APIRequest.PostAsync("/media/MED-ISO/isotherm/save", new() { Form = viewer.APIRequest.CreateFormData().Set("__csrf", token!).Set("version", "2").Set("isotherm", "{}") });
        Assert.Equal(403, forged.Status);
        await WebServer.CloseAsync(viewer);
        await WebServer.CloseAsync(page);

        using var after = RegistryStores.Open(server.Registry);
        var record = after.Get("MED-ISO")!;
        Assert.Equal(2, record.Version);
        var layer = record.Document["ink_receiving_layer"]!;
        Assert.NotNull(layer["isotherm"]);
        Assert.Null(layer["peak_pore_diameter_nm"]); // the stated Y gave way to the computed one
        Assert.Equal(25, layer["polymer_particles"]!["average_diameter_nm"]!.GetValue<double>());
        Assert.Contains(after.Computed("MED-ISO"), q => q.Field == "ink_receiving_layer.pore_volume_at_particle_diameter_ml_per_cm2" && q.Value > 0);
    }

    [Fact]
    public async Task The_formulas_page_draws_each_core_with_its_slots_labelled()
    {
        var page = await server.LoginAsync("viewer");
        await page.GotoAsync("/formulas");
        var cores = page.Locator("figure.card img");
        Assert.True(await cores.CountAsync() >= 5);
        foreach (var img in await cores.AllAsync())
        {
            await img.ScrollIntoViewIfNeededAsync();
            Assert.True(await img.EvaluateAsync<bool>("i => i.complete && i.naturalWidth > 0"), await img.GetAttributeAsync("src"));
        }

        var svg = await (await page.APIRequest.GetAsync("/formulas/I/core/0.svg")).TextAsync();
        Assert.Contains("class='note'", svg);
        Assert.DoesNotContain("could not draw", svg);
        await BothWidthsAsync(page, "formulas-cores");
        await page.Locator("#formula-I figure").First.ScreenshotAsync(new() { Path = Path.Combine(WebServer.Screenshots, "formulas-core-I.png") });
        await page.Locator("#formula-C-I figure").First.ScreenshotAsync(new() { Path = Path.Combine(WebServer.Screenshots, "formulas-core-C-I.png") });
        await WebServer.CloseAsync(page);
    }
}
