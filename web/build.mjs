// Builds the pages' front-end files into dist/ (which the .NET build copies into the server's
// static files, wwwroot/ beside dyereg, served under /assets/lib/): the Ketcher structure editor,
// bundled by Vite from src/editor.jsx into dist/ketcher/.
import { existsSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "vite";

const here = dirname(fileURLToPath(import.meta.url));
if (!existsSync(join(here, "node_modules", "ketcher-react"))) {
  console.error("web: node_modules/ketcher-react is missing: run npm ci in web/ first");
  process.exit(1);
}
rmSync(join(here, "dist"), { recursive: true, force: true });
await build({ root: here, configFile: join(here, "vite.config.js"), logLevel: "warn" });
if (!existsSync(join(here, "dist", "ketcher", "editor.js"))) {
  console.error("web: the build wrote no dist/ketcher/editor.js");
  process.exit(1);
}
console.log("web: built dist/ketcher (the Ketcher structure editor)");
