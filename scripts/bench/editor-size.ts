// Phase (e): what the review page downloads, read from the build on disk. Vite's manifest
// (build/client/.vite/manifest.json) names every chunk with its static imports, dynamic imports,
// CSS and assets; the page is the client entry, the root and the review route with their static
// imports, and the code-review editor is everything their dynamic imports bring in besides
// (the diff view, Monaco, its CSS and grammars, and the editor worker, which Vite lists as an
// asset of the chunk that starts it). Fonts are not counted: only JS and CSS.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { BenchError } from "./load";
import type { Figure } from "./report";

export type ManifestChunk = {
  file: string;
  name?: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
  assets?: string[];
};
export type Manifest = Record<string, ManifestChunk>;

export const REVIEW_ROUTE = "app/routes/review.$token.tsx";
export const EDITOR_TARGET_KB = 500;

const counted = (file: string) => /\.(js|css)$/.test(file);

/** The files of the review page before the editor (`page`) and those the editor adds (`editor`). */
export function reviewPageFiles(manifest: Manifest): { page: string[]; editor: string[] } {
  const find = (what: string, match: (key: string, chunk: ManifestChunk) => boolean) => {
    const key = Object.keys(manifest).find((k) => match(k, manifest[k]!));
    if (!key) throw new BenchError(`The build's manifest has no ${what}: was it built with build.manifest on?`);
    return key;
  };
  const entry = find("client entry", (_, c) => c.isEntry === true && c.name === "entry.client");
  const root = find("root route", (k) => k.split("?")[0] === "app/root.tsx");
  const route = find(`chunk for ${REVIEW_ROUTE}`, (k) => k.split("?")[0] === REVIEW_ROUTE);

  /** Adds the chunks' files and those of their static imports; returns their dynamic imports. */
  const seen = new Set<string>();
  const walk = (keys: string[], into: Set<string>): string[] => {
    const dynamic: string[] = [];
    const stack = [...keys];
    while (stack.length > 0) {
      const key = stack.pop()!;
      if (seen.has(key)) continue;
      seen.add(key);
      const chunk = manifest[key];
      if (!chunk) throw new BenchError(`The build's manifest names ${key} but has no entry for it`);
      for (const file of [chunk.file, ...(chunk.css ?? []), ...(chunk.assets ?? [])]) if (counted(file)) into.add(file);
      stack.push(...(chunk.imports ?? []));
      dynamic.push(...(chunk.dynamicImports ?? []));
    }
    return dynamic;
  };
  const page = new Set<string>();
  const editor = new Set<string>();
  let next = walk([entry, root, route], page);
  while (next.length > 0) next = walk(next, editor);
  for (const file of page) editor.delete(file);
  return { page: [...page], editor: [...editor] };
}

export type SizedFile = { file: string; bytes: number };

/**
 * What the server sends for each file, largest first: the .br (or .gz) compressed at build time
 * beside it (scripts/compress-assets.ts), or, for a build without them, the file gzipped at zlib's
 * default level, as an on-the-fly compressor would send it.
 */
export function sentSizes(clientDir: string, files: string[], encoding: "br" | "gz"): SizedFile[] {
  return files
    .map((file) => {
      const full = path.join(clientDir, file);
      const compressed = `${full}.${encoding}`;
      return { file, bytes: existsSync(compressed) ? readFileSync(compressed).length : gzipSync(readFileSync(full)).length };
    })
    .sort((a, b) => b.bytes - a.bytes);
}

const kB = (bytes: number) => bytes / 1000;
const total = (files: SizedFile[]) => files.reduce((sum, f) => sum + f.bytes, 0);
/** "monaco.client 459 · editor.worker 62 · 5 more 9" (kB, without the content hashes). */
export function breakdown(files: SizedFile[], shown = 3): string {
  const name = (file: string) =>
    path
      .basename(file)
      .replace(/-[\w-]{8}(\.\w+)$/, "$1")
      .replace(/\.js$/, "");
  const parts = files.slice(0, shown).map((f) => `${name(f.file)} ${kB(f.bytes).toFixed(0)}`);
  const rest = files.slice(shown);
  if (rest.length > 0) parts.push(`${rest.length} more ${kB(total(rest)).toFixed(0)}`);
  return parts.join(" · ");
}

/**
 * The review page's download: the editor as a browser receives it (brotli) against its target,
 * the same gzipped (what a client without brotli gets), and the page before it.
 */
export function reviewPageSize(clientDir = path.resolve("build/client")): Figure[] {
  const manifest = JSON.parse(readFileSync(path.join(clientDir, ".vite/manifest.json"), "utf8")) as Manifest;
  const { page, editor } = reviewPageFiles(manifest);
  // React Router's route manifest is a script of every page, outside Vite's manifest.
  const routeManifest = readdirSync(path.join(clientDir, "assets")).filter((f) => /^manifest-\w+\.js$/.test(f));
  const editorSent = sentSizes(clientDir, editor, "br");
  const editorGzip = sentSizes(clientDir, editor, "gz");
  const pageSent = sentSizes(clientDir, [...page, ...routeManifest.map((f) => `assets/${f}`)], "br");
  return [
    {
      label: "code-review editor, as sent (brotli)",
      value: kB(total(editorSent)),
      unit: "kB",
      target: { op: "≤", limit: EDITOR_TARGET_KB },
      note: breakdown(editorSent),
    },
    { label: "code-review editor, gzipped", value: kB(total(editorGzip)), unit: "kB", note: "for a client without brotli" },
    { label: "review page before the editor, as sent", value: kB(total(pageSent)), unit: "kB", note: breakdown(pageSent) },
  ];
}
