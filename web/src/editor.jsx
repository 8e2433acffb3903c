// The pages' structure editor: Ketcher (Indigo compiled to WebAssembly, so no chemistry server),
// mounted into the page's #editor box. It only draws: the page hands the server a V3000 molfile
// and RDKit on the server decides what the structure is.
// Ketcher (about 30 MB with Indigo) is fetched and started only when the user opens the editor:
// the "open" button in the box, or a click opening the <details> around it. Pages that are only
// read, searched by text or confirmed never start it.
// For the pages' script (site.js) and the browser tests it then offers window.ketcher (Ketcher's
// own API) and window.dyeregEditor: molfile() resolves to the V3000 molfile, or "" when nothing
// is drawn; body[data-editor] is "starting", then "ready".
const box = document.getElementById("editor");
if (box) {
  const start = document.getElementById("f-molfile");
  const button = document.getElementById("editor-open");
  let started = false;
  const open = async () => {
    if (started) {
      return;
    }

    started = true;
    document.body.setAttribute("data-editor", "starting");
    button?.remove();
    try {
      const { mount } = await import("./ketcher-editor.jsx");
      mount(box, start);
    } catch (error) {
      console.error("structure editor:", error);
      document.body.setAttribute("data-editor", "failed");
    }
  };
  button?.addEventListener("click", open);
  // Opening the <details> around the box (a user's click on its summary) opens the editor too; a
  // page that arrives with it open (a search's results) does not start Ketcher by itself.
  const details = box.closest("details");
  details?.querySelector("summary")?.addEventListener("click", () => {
    if (!details.open) {
      open();
    }
  });
}
