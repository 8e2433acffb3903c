namespace DyeRegistry.Server.Web;

/// <summary>The little script the pages use: the structure editor (JSME) hands the form a V3000
/// molfile when it is submitted; everything else works without script.</summary>
internal static class SiteScript
{
    public const string Js = """
        "use strict";
        // JSME calls jsmeOnLoad when it has loaded; the editor then fills #editor.
        window.jsmeOnLoad = function () {
          var box = document.getElementById("editor");
          if (!box || !window.JSApplet) { return; }
          var width = Math.min(560, box.clientWidth || 560);
          window.jsmeApplet = new JSApplet.JSME("editor", width + "px", "360px", { options: "oldlook,star,noquery" });
          var start = document.getElementById("f-molfile");
          if (start && start.value.trim().length > 0) { window.jsmeApplet.readGenericMolecularInput(start.value); }
          document.body.setAttribute("data-editor", "ready");
        };
        // On submit: the drawn structure, as a V3000 molfile, goes in the hidden field "drawn".
        document.addEventListener("submit", function (e) {
          var form = e.target;
          var drawn = form.querySelector("input[name=drawn]");
          if (drawn && window.jsmeApplet && window.jsmeApplet.nonisomericSmiles && window.jsmeApplet.nonisomericSmiles().length > 0) {
            drawn.value = window.jsmeApplet.molFile(true);
          }
        });
        """;
}
