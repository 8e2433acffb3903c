// Copies the front-end packages the pages use from node_modules into dist/, which the .NET build
// copies into the server's static files (wwwroot/ beside dyereg; served under /assets/lib/).
// Plain files, no bundler: JSME is compiled JavaScript already.
import { cpSync, rmSync, existsSync, mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const dist = join(here, "dist");
const jsme = join(here, "node_modules", "jsme-editor");
if (!existsSync(join(jsme, "jsme.nocache.js"))) {
  console.error("web: node_modules/jsme-editor is missing: run npm ci in web/ first");
  process.exit(1);
}
rmSync(dist, { recursive: true, force: true });
mkdirSync(dist, { recursive: true });
cpSync(jsme, join(dist, "jsme"), {
  recursive: true,
  filter: (src) => !/(README\.md|package\.json|jsme_screenshot\.png|jsme\.devmode\.js|compilation-mappings\.txt)$/.test(src),
});
console.log("web: built dist/jsme");
