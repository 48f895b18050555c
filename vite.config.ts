import { reactRouter } from "@react-router/dev/vite";
import { defineConfig } from "vite";
import { PAGE_REPLACEMENTS, WORKER_REPLACEMENTS } from "./app/components/code-review/slim-monaco/replacements.ts";
import { slimMonaco } from "./app/components/code-review/slim-monaco/vite-plugin.ts";

export default defineConfig({
  plugins: [slimMonaco(PAGE_REPLACEMENTS), reactRouter()],
  worker: { plugins: () => [slimMonaco(WORKER_REPLACEMENTS)] },
  // Kept, so the benchmark can follow the review page's chunks to everything the editor loads
  // (scripts/bench/editor-size.ts). It stays on disk: the server serves only build/client/assets/
  // and the top-level files.
  build: { manifest: true },
  server: { port: 3000 },
});
