import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { afterEach, expect, test } from "vitest";
import { breakdown, reviewPageFiles, reviewPageSize, type Manifest } from "./editor-size";
import { verdict } from "./report";

// A build shaped like the real one: the review route loads the diff view lazily, which imports
// Monaco, whose chunk has CSS, a lazy grammar, the worker and a font as assets.
const MANIFEST: Manifest = {
  "node_modules/@react-router/dev/dist/config/defaults/entry.client.tsx": {
    file: "assets/entry.client-AAAAAAAA.js",
    name: "entry.client",
    isEntry: true,
    imports: ["_jsx-runtime-BBBBBBBB.js"],
  },
  "_jsx-runtime-BBBBBBBB.js": { file: "assets/jsx-runtime-BBBBBBBB.js" },
  "app/root.tsx?__react-router-build-client-route": {
    file: "assets/root-CCCCCCCC.js",
    isEntry: true,
    imports: ["_jsx-runtime-BBBBBBBB.js"],
    assets: ["assets/app-DDDDDDDD.css"],
  },
  "app/routes/review.$token.tsx?__react-router-build-client-route": {
    file: "assets/review._token-EEEEEEEE.js",
    isEntry: true,
    imports: ["_jsx-runtime-BBBBBBBB.js"],
    dynamicImports: ["app/components/code-review/diff-view.client.tsx"],
  },
  "app/components/code-review/diff-view.client.tsx": {
    file: "assets/diff-view.client-FFFFFFFF.js",
    imports: ["_jsx-runtime-BBBBBBBB.js", "_monaco.client-GGGGGGGG.js"],
  },
  "_monaco.client-GGGGGGGG.js": {
    file: "assets/monaco.client-GGGGGGGG.js",
    dynamicImports: ["node_modules/monaco-editor/esm/vs/languages/definitions/python/python.js"],
    css: ["assets/monaco-HHHHHHHH.css"],
    assets: ["assets/editor.worker-IIIIIIII.js", "assets/codicon-JJJJJJJJ.ttf"],
  },
  "node_modules/monaco-editor/esm/vs/languages/definitions/python/python.js": {
    file: "assets/python-KKKKKKKK.js",
    imports: ["_monaco.client-GGGGGGGG.js"],
  },
  "app/routes/pipeline.tsx?__react-router-build-client-route": { file: "assets/pipeline-LLLLLLLL.js", isEntry: true },
};

let dir: string | undefined;
afterEach(() => dir && rmSync(dir, { recursive: true, force: true }));

test("the editor is what the review route's dynamic imports bring in, workers and CSS included, nothing the page already has", () => {
  const { page, editor } = reviewPageFiles(MANIFEST);
  expect(page.sort()).toEqual(
    [
      "assets/app-DDDDDDDD.css",
      "assets/entry.client-AAAAAAAA.js",
      "assets/jsx-runtime-BBBBBBBB.js",
      "assets/review._token-EEEEEEEE.js",
      "assets/root-CCCCCCCC.js",
    ].sort(),
  );
  expect(editor.sort()).toEqual(
    [
      "assets/diff-view.client-FFFFFFFF.js",
      "assets/editor.worker-IIIIIIII.js",
      "assets/monaco-HHHHHHHH.css",
      "assets/monaco.client-GGGGGGGG.js",
      "assets/python-KKKKKKKK.js",
    ].sort(),
  );
});

test("a build without the review route, or without Vite's manifest entries, stops the bench", () => {
  const { ["app/routes/review.$token.tsx?__react-router-build-client-route"]: _route, ...withoutRoute } = MANIFEST;
  expect(() => reviewPageFiles(withoutRoute)).toThrow(/review\.\$token/);
  const broken = { ...MANIFEST, "app/components/code-review/diff-view.client.tsx": { file: "assets/x.js", imports: ["_gone.js"] } };
  expect(() => reviewPageFiles(broken)).toThrow(/_gone\.js/);
});

test("without build-time compression, the figure is the gzipped size of the files on disk, judged against 500 kB", () => {
  dir = mkdtempSync(path.join(tmpdir(), "editor-size-"));
  mkdirSync(path.join(dir, "assets"));
  mkdirSync(path.join(dir, ".vite"));
  writeFileSync(path.join(dir, ".vite/manifest.json"), JSON.stringify(MANIFEST));
  const random = (n: number) => Buffer.from(Array.from({ length: n }, (_, i) => (i * 7919 + ((i * i) % 251)) % 256));
  const sizes: Record<string, number> = {};
  for (const chunk of Object.values(MANIFEST)) {
    for (const file of [chunk.file, ...(chunk.css ?? []), ...(chunk.assets ?? [])]) {
      const content = file.includes("monaco.client") ? random(600_000) : Buffer.from(`/* ${file} */`);
      writeFileSync(path.join(dir, file), content);
      sizes[file] = gzipSync(content).length;
    }
  }
  writeFileSync(path.join(dir, "assets/manifest-0a1b2c3d.js"), "window.__reactRouterManifest={}");

  const [editor, gzipped, page] = reviewPageSize(dir);
  const editorBytes = [
    "diff-view.client-FFFFFFFF.js",
    "editor.worker-IIIIIIII.js",
    "monaco-HHHHHHHH.css",
    "monaco.client-GGGGGGGG.js",
    "python-KKKKKKKK.js",
  ]
    .map((f) => sizes[`assets/${f}`]!)
    .reduce((a, b) => a + b);
  expect(editor!.value).toBeCloseTo(editorBytes / 1000, 6);
  expect(editor!.value).toBeGreaterThan(500);
  expect(verdict(editor!)).toBe("OVER");
  expect(editor!.note).toMatch(/^monaco\.client \d+ · /);
  expect(verdict({ ...editor!, value: 499 })).toBe("ok");
  expect(gzipped!.value).toBeCloseTo(editorBytes / 1000, 6);
  expect(gzipped!.target).toBeUndefined();
  // The page figure includes React Router's route manifest and has no target.
  expect(page!.target).toBeUndefined();
  expect(page!.value! * 1000).toBeGreaterThan(
    sizes["assets/entry.client-AAAAAAAA.js"]! + gzipSync("window.__reactRouterManifest={}").length - 1,
  );
});

test("the breakdown names files without their content hashes, largest first, the rest summed", () => {
  const files = [
    { file: "assets/monaco.client-5a1Sk1K4.js", bytes: 459_400 },
    { file: "assets/editor.worker-CjnwBniT.js", bytes: 62_600 },
    { file: "assets/monaco-DM9BQ-v4.css", bytes: 6_200 },
    { file: "assets/python-DX6Ptszc.js", bytes: 1_400 },
    { file: "assets/markdown-Cimd5fb3.js", bytes: 1_300 },
  ];
  expect(breakdown(files)).toBe("monaco.client 459 · editor.worker 63 · monaco.css 6 · 2 more 3");
});

test("with build-time compression, the figure is what the server sends: the .br beside each file", () => {
  dir = mkdtempSync(path.join(tmpdir(), "editor-size-"));
  mkdirSync(path.join(dir, "assets"));
  mkdirSync(path.join(dir, ".vite"));
  writeFileSync(path.join(dir, ".vite/manifest.json"), JSON.stringify(MANIFEST));
  let brBytes = 0;
  for (const chunk of Object.values(MANIFEST))
    for (const file of [chunk.file, ...(chunk.css ?? []), ...(chunk.assets ?? [])]) {
      writeFileSync(path.join(dir, file), Buffer.alloc(10_000, 1));
      writeFileSync(path.join(dir, `${file}.br`), Buffer.alloc(100, 2));
      writeFileSync(path.join(dir, `${file}.gz`), Buffer.alloc(150, 3));
      if (/diff-view|editor\.worker|monaco|python/.test(file)) brBytes += 100;
    }
  writeFileSync(path.join(dir, "assets/manifest-0a1b2c3d.js"), "window.__reactRouterManifest={}");
  const [editor, gzipped] = reviewPageSize(dir);
  expect(editor!.value).toBeCloseTo(brBytes / 1000, 6);
  expect(gzipped!.value).toBeCloseTo((brBytes * 1.5) / 1000, 6);
});
