// Bundles src/editor.jsx (Ketcher, React) into dist/ketcher/editor.js and editor.css with fixed
// names, which the server's pages load from /assets/lib/ketcher/.
import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
export default defineConfig({
  plugins: [react()],
  base: "/assets/lib/ketcher/", // where the server serves dist/ketcher: lazily loaded chunks are fetched from there
  // Ketcher's code reads process.env and Node's EventEmitter; the browser has neither.
  define: { "process.env": {}, global: "globalThis" },
  resolve: { alias: { events: require.resolve("events/") } },
  build: {
    outDir: "dist/ketcher",
    emptyOutDir: true,
    chunkSizeWarningLimit: 100000,
    sourcemap: false,
    rollupOptions: {
      input: "src/editor.jsx",
      output: { entryFileNames: "editor.js", chunkFileNames: "editor-[name]-[hash].js", assetFileNames: "editor[extname]" },
    },
  },
});
