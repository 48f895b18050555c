import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Plugin } from "vite";
import type { Replacement } from "./replacements";

const HERE = path.dirname(fileURLToPath(import.meta.url));
const MONACO_ESM = `${path.sep}node_modules${path.sep}monaco-editor${path.sep}esm${path.sep}vs${path.sep}`;

/** Swaps Monaco modules for the files in this folder at build time (see replacements.ts). */
export function slimMonaco(replacements: Replacement[]): Plugin {
  const byModule = new Map(replacements.map((r) => [r.module, path.join(HERE, r.with)]));
  return {
    name: "loopwise:slim-monaco",
    enforce: "pre",
    async resolveId(source, importer, options) {
      if (!importer || !(source.startsWith("monaco-editor") || importer.includes(MONACO_ESM))) return null;
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      const at = resolved?.id.indexOf(MONACO_ESM) ?? -1;
      if (!resolved || at < 0) return null;
      const module = resolved.id
        .slice(at + MONACO_ESM.length)
        .split("?")[0]!
        .split(path.sep)
        .join("/");
      return byModule.get(module) ?? null;
    },
  };
}
