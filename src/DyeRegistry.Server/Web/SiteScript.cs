namespace DyeRegistry.Server.Web;

/// <summary>The little script the pages use: the structure editor (Ketcher) hands the form a V3000
/// molfile when it is submitted; everything else works without script.</summary>
internal static class SiteScript
{
    public const string Js = """
        "use strict";
        // On submit: the drawn structure, as a V3000 molfile, goes in the hidden field "drawn" (an
        // empty editor leaves the field as the page wrote it, e.g. the structure being confirmed). The
        // editor (Ketcher, web/src/editor.jsx) answers asynchronously, so the first submit is held,
        // the field filled, and the form submitted again by the same button.
        document.addEventListener("submit", function (e) {
          var form = e.target;
          var drawn = form.querySelector("input[name=drawn]");
          if (!drawn || !window.dyeregEditor || form.dataset.drawnReady === "yes") { return; }
          e.preventDefault();
          if (form.dataset.drawnPending === "yes") { return; } // a second press while the editor answers: one submit
          form.dataset.drawnPending = "yes";
          var submitter = e.submitter;
          var done = false;
          var resubmit = function () {
            if (done) { return; }
            done = true;
            form.dataset.drawnReady = "yes";
            if (submitter) { form.requestSubmit(submitter); } else { form.requestSubmit(); }
          };
          // An editor that does not answer in 10 s must not keep the form from being sent.
          var late = setTimeout(function () { console.error("structure editor: no answer in 10 s; submitting without the drawing"); resubmit(); }, 10000);
          window.dyeregEditor.molfile().then(function (molfile) { clearTimeout(late); if (molfile && !done) { drawn.value = molfile; } resubmit(); },
            function (error) { clearTimeout(late); console.error("structure editor:", error); resubmit(); });
        });
        """;
}
