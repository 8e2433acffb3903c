// Ketcher itself (React, Indigo compiled to WebAssembly): loaded by editor.jsx only when the user
// opens the editor, so pages that never draw do not fetch, parse or start it.
import React from "react";
import { createRoot } from "react-dom/client";
import { Editor } from "ketcher-react";
import { StandaloneStructServiceProvider } from "ketcher-standalone";
import "ketcher-react/dist/index.css";

export function mount(box, start) {
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
