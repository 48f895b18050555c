import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { MONACO_VERSION, PAGE_REPLACEMENTS, WORKER_REPLACEMENTS } from "./replacements";
import { slimMonaco } from "./vite-plugin";

const MONACO = path.resolve("node_modules/monaco-editor");
const ESM = path.join(MONACO, "esm/vs");
const HERE = path.resolve("app/components/code-review/slim-monaco");

describe("the parts the review page's Monaco leaves out", () => {
  it("were chosen for the Monaco that is installed", () => {
    // Another version may move, split or start using what is left out: review the list first.
    const installed = JSON.parse(readFileSync(path.join(MONACO, "package.json"), "utf8")).version;
    expect(installed).toBe(MONACO_VERSION);
  });

  it.each([...PAGE_REPLACEMENTS, ...WORKER_REPLACEMENTS])("$module exists, and so does its stand-in", (r) => {
    expect(existsSync(path.join(ESM, r.module))).toBe(true);
    expect(existsSync(path.join(HERE, r.with))).toBe(true);
  });

  it("are swapped in wherever Monaco imports them from, and nothing else is", async () => {
    const plugin = slimMonaco(PAGE_REPLACEMENTS);
    const resolveId = plugin.resolveId as (this: unknown, source: string, importer?: string) => Promise<string | null>;
    // Resolves the way Vite does: relative to the importer, bare names through the exports map.
    const context = {
      resolve: async (source: string, importer: string) => ({
        id: source.startsWith(".")
          ? path.resolve(path.dirname(importer), source)
          : path.join(ESM, `${source.slice("monaco-editor/".length)}.js`),
      }),
    };
    const view = path.join(ESM, "editor/browser/view.js");
    const python = path.join(ESM, "languages/definitions/python/python.js");
    const ours = path.resolve("app/components/code-review/monaco.client.ts");

    expect(await resolveId.call(context, "./viewParts/minimap/minimap.js", view)).toBe(path.join(HERE, "stubs/minimap.js"));
    expect(await resolveId.call(context, "../../../editor/editor.api.js", python)).toBe(path.join(HERE, "api.js"));
    expect(await resolveId.call(context, "monaco-editor/editor/editor.api", ours)).toBe(path.join(HERE, "api.js"));
    expect(await resolveId.call(context, "./viewParts/viewZones/viewZones.js", view)).toBeNull();
    expect(await resolveId.call(context, "./review-workspace", ours)).toBeNull();
  });

  it("in the worker are not those of the page: the worker keeps what computes the diff", () => {
    const worker = WORKER_REPLACEMENTS.map((r) => r.module);
    expect(worker).not.toContain("editor/common/services/editorWebWorker.js");
    expect(PAGE_REPLACEMENTS.map((r) => r.module)).toContain("editor/common/services/editorWebWorker.js");
  });
});
