import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import Negotiator from "negotiator";

// Below this a compressed page saves less than its headers cost (the `compression` default).
const THRESHOLD_BYTES = 1024;

// Both cost about 0.1 ms for a 20 kB page; brotli at quality 2 comes out a tenth smaller than
// gzip at level 1, so browsers (which all accept br) get it, and gzip is for everyone else.
// zlib's results are plain buffers (never shared memory); its types only don't say so.
type Page = Buffer<ArrayBuffer>;

const ENCODERS = {
  br: (page: Page) =>
    brotliCompressSync(page, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 2, [constants.BROTLI_PARAM_SIZE_HINT]: page.length },
    }) as Page,
  gzip: (page: Page) => gzipSync(page, { level: 1 }) as Page,
};

// negotiator 0.6.4 takes our own order as a second argument; its published types predate that.
type PreferringNegotiator = { encoding(available: readonly string[], preferred: readonly string[]): string | undefined };

/**
 * A rendered page, compressed once in the encoding the client prefers among those we offer.
 *
 * Pages are rendered whole (docs/decisions/005-pages-sent-whole.md), so compressing the finished
 * buffer in one synchronous call costs a third of what a compression stream costs per response
 * (its set-up, the thread pool's round trip, the wrapped writes).
 */
export function encodePage(page: Page, acceptEncoding: string | null): { body: Page; encoding: keyof typeof ENCODERS | null } {
  if (page.length < THRESHOLD_BYTES || !acceptEncoding) return { body: page, encoding: null };
  // The client's q-values decide; where they tie, our order does (what `compression` does too).
  const negotiator = new Negotiator({ headers: { "accept-encoding": acceptEncoding } }) as Negotiator & PreferringNegotiator;
  const encoding = negotiator.encoding(["br", "gzip", "identity"], ["br", "gzip"]);
  if (encoding !== "br" && encoding !== "gzip") return { body: page, encoding: null };
  return { body: ENCODERS[encoding](page), encoding };
}
