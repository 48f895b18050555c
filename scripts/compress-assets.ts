// After `react-router build`: every hashed asset is compressed once, at the strongest settings, to
// a .br and a .gz beside it, which the server sends as they are (express-static-gzip) instead of
// compressing on every request at a fast, weak level. The code-review editor is most of what a
// candidate downloads: brotli at quality 11 sends it in about 430 kB where gzip level 1 took 650.
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

const ASSETS = path.resolve("build/client/assets");
const COMPRESSIBLE = /\.(js|mjs|css|svg|json|ttf|txt|html)$/;

let files = 0;
let before = 0;
let after = 0;
for (const name of readdirSync(ASSETS)) {
  const file = path.join(ASSETS, name);
  if (!COMPRESSIBLE.test(name) || !statSync(file).isFile()) continue;
  const bytes = readFileSync(file);
  // Too small to gain from it: a compressed reply of a few hundred bytes saves nothing.
  if (bytes.length < 1024) continue;
  const br = brotliCompressSync(bytes, {
    params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
  });
  writeFileSync(`${file}.br`, br);
  writeFileSync(`${file}.gz`, gzipSync(bytes, { level: 9 }));
  files += 1;
  before += bytes.length;
  after += br.length;
}
console.log(`Compressed ${files} assets: ${(before / 1e6).toFixed(2)} MB -> ${(after / 1e6).toFixed(2)} MB as brotli`);
