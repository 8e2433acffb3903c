namespace DyeRegistry.Server.Web;

/// <summary>The pages' style: plain, readable at 1280 px and at tablet width, visible keyboard
/// focus, and a print style that leaves only the content (a chart prints as a clean document).</summary>
internal static class SiteStyle
{
    public const string Css = """
        :root { --ink: #1d2430; --muted: #5b6472; --line: #d5d9e0; --accent: #1f5fae; --bg: #f7f8fa; --within: #1e7b34; --outside: #a4262c; --undetermined: #9a6700; }
        * { box-sizing: border-box; }
        body { margin: 0; font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif; color: var(--ink); background: var(--bg); }
        a { color: var(--accent); }
        a:focus, button:focus, input:focus, select:focus, textarea:focus, summary:focus { outline: 3px solid #f0b429; outline-offset: 1px; }
        .skip { position: absolute; left: -9999px; } .skip:focus { left: 8px; top: 8px; background: #fff; padding: 4px 8px; z-index: 10; }
        header { display: flex; flex-wrap: wrap; align-items: center; gap: 4px 18px; padding: 8px 20px; background: #12325c; color: #fff; }
        header a { color: #fff; text-decoration: none; }
        header .brand { font-weight: 700; font-size: 17px; margin-right: 8px; }
        header nav { display: flex; flex-wrap: wrap; gap: 2px 4px; flex: 1; }
        header nav a { padding: 4px 8px; border-radius: 4px; }
        header nav a[aria-current=page], header nav a:hover { background: rgba(255,255,255,.18); }
        header .who { display: flex; align-items: center; gap: 8px; margin: 0; font-size: 14px; }
        header .who button { padding: 3px 10px; }
        main { max-width: 1240px; margin: 0 auto; padding: 16px 20px 40px; }
        h1 { font-size: 24px; margin: 6px 0 14px; } h2 { font-size: 19px; margin: 22px 0 8px; } h3 { font-size: 16px; margin: 14px 0 6px; }
        .field { display: flex; flex-direction: column; gap: 3px; margin: 0 0 10px; min-width: 0; }
        .field label, .label { font-weight: 600; font-size: 14px; }
        .field small { color: var(--muted); }
        input[type=text], input[type=number], input[type=password], input[type=search], select, textarea { font: inherit; padding: 6px 8px; border: 1px solid #aab2bf; border-radius: 4px; background: #fff; width: 100%; }
        textarea { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: 13px; }
        .invalid input { border-color: var(--outside); } .error { color: var(--outside); margin: 2px 0 0; font-size: 14px; }
        button, .button { font: inherit; padding: 6px 14px; border: 1px solid #1a4f91; border-radius: 4px; background: var(--accent); color: #fff; cursor: pointer; text-decoration: none; display: inline-block; }
        button.secondary, .button.secondary { background: #fff; color: var(--accent); }
        button.danger { background: var(--outside); border-color: #7d1c21; }
        .row { display: grid; grid-template-columns: repeat(auto-fit, minmax(220px, 1fr)); gap: 0 16px; align-items: end; }
        .row.component { grid-template-columns: minmax(0, 2fr) minmax(0, 1.2fr) minmax(0, 1fr); }
        .actions { display: flex; flex-wrap: wrap; gap: 8px; align-items: center; margin: 8px 0 14px; }
        .panel { background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: 12px 16px; margin: 0 0 16px; }
        fieldset { border: 1px solid var(--line); border-radius: 6px; margin: 0 0 12px; padding: 8px 12px; background: #fff; }
        legend { font-weight: 600; padding: 0 4px; }
        table { border-collapse: collapse; width: 100%; background: #fff; }
        th, td { border: 1px solid var(--line); padding: 5px 8px; text-align: left; vertical-align: top; }
        th { background: #eef1f5; font-size: 14px; }
        td.num { text-align: right; font-variant-numeric: tabular-nums; }
        .grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(230px, 1fr)); gap: 12px; }
        .card { background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: 8px; }
        .card img, .depiction { width: 100%; height: auto; max-width: 420px; background: #fff; }
        .card .id { font-weight: 700; }
        .side { display: grid; grid-template-columns: 1fr 1fr; gap: 16px; }
        .note { padding: 8px 12px; border-radius: 4px; background: #e8f0fb; border: 1px solid #b9cdea; }
        .note.error { background: #fbeaea; border-color: #e3b3b5; } .note.warn { background: #fff6e0; border-color: #ecd28f; } .note.ok { background: #e6f4ea; border-color: #a8d5b5; }
        .verdict-within { color: var(--within); font-weight: 600; } .verdict-outside { color: var(--outside); font-weight: 600; } .verdict-undetermined { color: var(--undetermined); font-weight: 600; }
        .heat td.cell { text-align: center; font-weight: 600; white-space: nowrap; padding: 3px 4px; min-width: 2em; }
        .heat th.claim { text-align: center; font-size: 12px; padding: 3px 4px; }
        .heat th[scope=row] { white-space: nowrap; }
        .side .card img { max-width: 360px; display: block; }
        .heat td.cell a { display: block; text-decoration: none; color: inherit; }
        .heat .within { background: #cfe9d6; } .heat .outside { background: #f3d0d2; } .heat .undetermined { background: #f8e7b4; } .heat .none { background: #f0f0f0; }
        .grid.cores { grid-template-columns: repeat(auto-fill, minmax(min(100%, 400px), 1fr)); } .grid.cores figure { margin: 0; } .grid.cores img { max-width: 400px; }
        td.nowrap { white-space: nowrap; } .plot { width: 100%; max-width: 640px; height: auto; background: #fff; }
        .muted { color: var(--muted); } code, .mono { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: 13px; overflow-wrap: anywhere; }
        .editor-box { background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: 8px; margin: 0 0 12px; }
        #editor { position: relative; height: 600px; } /* Ketcher fills its box: the box sets the size */
        #editor:empty { height: 0; } /* until the user opens the editor */
        #editor > div { height: 100%; }
        .pager { display: flex; gap: 10px; align-items: center; margin: 12px 0; }
        .chart-frame { background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: 8px 14px; overflow-x: auto; }
        .two { display: grid; grid-template-columns: minmax(0, 3fr) minmax(0, 2fr); gap: 18px; }
        @media (max-width: 900px) { .side, .two { grid-template-columns: 1fr; } main { padding: 12px; } header { padding: 8px 12px; } }
        /* Tablet width: the name and who is signed in on one row, every page link on the next (two rows, not three). */
        @media (max-width: 1100px) {
          header .who { margin-left: auto; }
          header nav { order: 3; flex: 1 1 100%; gap: 2px 0; margin: 0 -6px; }
          header nav a { padding: 3px 6px; font-size: 14px; }
        }
        @media print {
          header, .no-print, .skip, form, .actions { display: none !important; }
          body { background: #fff; font-size: 11pt; } main { max-width: none; padding: 0; }
          .chart-frame, .panel { border: none; padding: 0; }
          a { color: inherit; text-decoration: none; }
          table { page-break-inside: auto; } tr { page-break-inside: avoid; }
        }
        """;
}
