// The pages' structure editor: Ketcher (Indigo compiled to WebAssembly, so no chemistry server),
// mounted into the page's #editor box. It only draws: the page hands the server a V3000 molfile
// and RDKit on the server decides what the structure is.
// For the pages' script (site.js) and the browser tests it offers window.ketcher (Ketcher's own
// API) and window.dyeregEditor: molfile() resolves to the V3000 molfile, or "" when nothing is drawn.
import React from "react";
import { createRoot } from "react-dom/client";
import { Editor } from "ketcher-react";
import { StandaloneStructServiceProvider } from "ketcher-standalone";
import "ketcher-react/dist/index.css";

const box = document.getElementById("editor");
if (box) {
  const start = document.getElementById("f-molfile");
  const ready = async (ketcher) => {
    window.ketcher = ketcher;
    window.dyeregEditor = {
      molfile: async () => ((await ketcher.getSmiles()).trim().length === 0 ? "" : ketcher.getMolfile("v3000")),
    };
    if (start && start.value.trim().length > 0) {
      await ketcher.setMolecule(start.value);
    }
    document.body.setAttribute("data-editor", "ready");
  };
  createRoot(box).render(
    <Editor
      staticResourcesUrl="/assets/lib/ketcher"
      structServiceProvider={new StandaloneStructServiceProvider()}
      onInit={ready}
      errorHandler={(message) => console.error("structure editor:", message)}
    />,
  );
}
