// Malformed request bodies for the action fuzzer: real field names with garbage values and the
// other way round, prototype-named fields, duplicates, unicode, 1 MB strings, files, JSON, bytes
// and content types no form sends.
import fc from "fast-check";

/** Names that reach Object.prototype when used as keys of a plain object. */
const PROTOTYPE_NAMES = ["__proto__", "constructor", "prototype", "toString", "hasOwnProperty", "valueOf", "__defineGetter__"];

const NASTY_VALUES = [
  "",
  " ",
  "\u0000",
  "a\u0000b",
  "\u202Eevil\u202C",
  "\u200B",
  "\u200D\u200C\uFEFF",
  "\uD800",
  "x\uDFFFy",
  "שָׁלוֹם",
  "مرحبا بالعالم",
  "👩🏽‍💻",
  "Z̴̡̨a̸l̵g̶o̴",
  "-1",
  "0",
  "1",
  "1.5",
  "1e309",
  "-0",
  "NaN",
  "Infinity",
  "0x1F",
  "9007199254740993",
  "١٢",
  "true",
  "on",
  "null",
  "[]",
  "{}",
  '{"__proto__":{"polluted":true}}',
  "<script>alert(1)</script>",
  "' OR 1=1 --",
  "../../etc/passwd",
  "%E0%A4%A",
  "\r\n\r\n",
  '=HYPERLINK("http://x")',
  ...PROTOTYPE_NAMES,
];

const STRUCTURAL_NAMES = [
  "__proto__.polluted",
  "__proto__[polluted]",
  "constructor.prototype.polluted",
  "constructor[prototype][polluted]",
  "a[0][1][2][3][4][5]",
  "stages[99999999].stage",
  "stages[4294967294].stage",
  "name" + "[0]".repeat(2000),
  "a.".repeat(3000) + "b",
  "stages[-1].stage",
  "stages[__proto__].stage",
  "rating.__proto__",
  "evidence.constructor",
  "note.prototype",
  "decision.__proto__",
  "[]",
  ".",
  "",
];

/** A 1 MB name or value, kept symbolic until the request is built so failure reports stay short. */
type Big = { big: "ascii" | "unicode" };
const BIG: Record<Big["big"], string> = { ascii: "x".repeat(1 << 20), unicode: "ж🙂\u200B".repeat((1 << 20) / 9) };
const expand = (v: string | Big) => (typeof v === "string" ? v : BIG[v.big]);

type Pair = { name: string | Big; value: string | Big; file?: string };
type Kind = "urlencoded" | "multipart" | "json" | "text" | "no-type" | "bytes" | "empty";
export type Body = { method: string; kind: Kind; pairs: Pair[]; json?: unknown; bytes?: Uint8Array; contentType?: string };

export type BodySpec = {
  /** The action's real field names, and values that mean something to it (enums, ids, dates). */
  names: string[];
  values: string[];
  /** A field sent exactly once with a value the action must refuse: the body stays malformed. */
  poison?: { field: string; valid: (value: string) => boolean };
  /** Name/value pairs that would make a well-formed request, left out. */
  forbid?: (name: string, value: string) => boolean;
  /** Nearly well-formed bodies to start from (a value or two swapped for garbage, junk added). */
  templates?: Record<string, string | undefined>[];
};

const rarely = <T>(arb: fc.Arbitrary<T>, oneIn: number) =>
  fc.oneof({ weight: oneIn - 1, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: arb });

function valueArb(values: string[]) {
  return fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...NASTY_VALUES) },
    { weight: 3, arbitrary: values.length ? fc.constantFrom(...values) : fc.constant("") },
    { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 30 }) },
    { weight: 1, arbitrary: fc.string({ unit: "grapheme", maxLength: 300 }) },
    { weight: 1, arbitrary: fc.integer().map(String) },
  );
}

function nameArb(names: string[]) {
  const real = fc.constantFrom(...(names.length ? names : STRUCTURAL_NAMES));
  return fc.oneof(
    { weight: 10, arbitrary: real },
    {
      weight: 3,
      arbitrary: real.chain((n) =>
        fc.constantFrom(
          `${n}.__proto__`,
          `${n}[0]`,
          `${n}[99999999]`,
          `${n}.constructor`,
          `__proto__.${n}`,
          `${n}[]`,
          n.toUpperCase(),
          ` ${n}`,
        ),
      ),
    },
    { weight: 3, arbitrary: fc.constantFrom(...PROTOTYPE_NAMES, ...STRUCTURAL_NAMES) },
    { weight: 4, arbitrary: fc.string({ unit: "binary", maxLength: 20 }) },
  );
}

export function bodyArb(spec: BodySpec): fc.Arbitrary<Body> {
  const value = valueArb(spec.values);
  const pair = fc.record({ name: nameArb(spec.names), value, file: rarely(fc.string({ unit: "binary", maxLength: 20 }), 10) });
  const allowedPair = (p: { name: string; value: string }) => p.name !== spec.poison?.field && !spec.forbid?.(p.name, p.value);
  const random = fc.array(pair, { maxLength: 10 });
  const nearlyWellFormed = fc
    .tuple(
      fc.constantFrom(...(spec.templates ?? [{}])),
      fc.array(fc.tuple(fc.nat(), value), { maxLength: 2 }),
      fc.array(pair, { maxLength: 2 }),
    )
    .map(([template, swaps, junk]) => {
      const ps = Object.entries(template).map(([name, v]) => ({ name, value: v ?? "", file: undefined as string | undefined }));
      for (const [at, v] of swaps) if (ps.length) ps[at % ps.length]!.value = v;
      return [...ps, ...junk];
    });
  const pairs = (spec.templates ? fc.oneof({ weight: 2, arbitrary: random }, { weight: 1, arbitrary: nearlyWellFormed }) : random).map(
    (ps): Pair[] => ps.filter(allowedPair),
  );
  const poison = spec.poison
    ? value.filter((v) => !spec.poison!.valid(v)).map((v): Pair => ({ name: spec.poison!.field, value: v }))
    : fc.constant(undefined);
  // One body in 80 carries a 1 MB name or value: enough to find what chokes, few enough to be quick.
  const otherNames = spec.names.filter((n) => n !== spec.poison?.field);
  const huge = rarely(
    fc.record({
      name: fc.oneof(
        fc.constantFrom<string | Big>(...(otherNames.length ? otherNames : ["x"])),
        fc.constantFrom<Big>({ big: "ascii" }, { big: "unicode" }),
      ),
      value: fc.constantFrom<Big>({ big: "ascii" }, { big: "unicode" }),
    }),
    80,
  );
  const allPairs = fc.tuple(pairs, poison, huge, fc.nat()).map(([ps, p, h, at]) => {
    const out = h ? [...ps, h] : [...ps];
    if (p) out.splice(at % (out.length + 1), 0, p);
    return out;
  });
  return fc
    .record({
      method: fc.constantFrom("POST", "POST", "POST", "PUT", "PATCH", "DELETE"),
      kind: fc.constantFrom<Kind>(
        "urlencoded",
        "urlencoded",
        "urlencoded",
        "multipart",
        "multipart",
        "json",
        "text",
        "no-type",
        "bytes",
        "empty",
      ),
      pairs: allPairs,
      json: fc.oneof(
        fc.jsonValue({ maxDepth: 3 }),
        fc.dictionary(fc.constantFrom(...spec.names, ...PROTOTYPE_NAMES), fc.jsonValue({ maxDepth: 2 })),
      ),
      bytes: fc.uint8Array({ maxLength: 200 }),
      contentType: fc.constantFrom(
        "application/x-www-form-urlencoded",
        "application/x-www-form-urlencoded; charset=utf-16",
        "multipart/form-data",
        "multipart/form-data; boundary=----x",
        "application/json",
        "application/octet-stream",
      ),
    })
    .map((body) => Object.assign(body, { [fc.toStringMethod]: () => describeBody(body) }));
}

const encoder = new TextEncoder();

/** The Request a browser (or an attacker) would send with this body. */
export function toRequest(url: string, body: Body, cookie?: string): Request {
  const headers = new Headers();
  if (cookie) headers.set("Cookie", cookie);
  const pairs = body.pairs.map((p) => [expand(p.name), expand(p.value), p.file] as const);
  const urlencoded = () => new URLSearchParams(pairs.map(([n, v]) => [n, v])).toString();
  let payload: BodyInit | undefined;
  switch (body.kind) {
    case "urlencoded":
      headers.set("Content-Type", "application/x-www-form-urlencoded");
      payload = urlencoded();
      break;
    case "multipart": {
      const form = new FormData();
      for (const [name, value, file] of pairs) {
        if (file === undefined) form.append(name, value);
        else form.append(name, new File([value], file, { type: "application/octet-stream" }));
      }
      payload = form;
      break;
    }
    case "json":
      headers.set("Content-Type", "application/json");
      payload = JSON.stringify(body.json);
      break;
    case "text":
      headers.set("Content-Type", "text/plain");
      payload = pairs.map(([n, v]) => `${n}=${v}`).join("\n");
      break;
    case "no-type":
      payload = encoder.encode(urlencoded());
      break;
    case "bytes":
      headers.set("Content-Type", body.contentType!);
      // Invalid UTF-8 and broken escapes, then the pairs: a poisoned field still arrives last.
      payload = new Blob([new Uint8Array(body.bytes!), encoder.encode(`&${urlencoded()}`)]);
      break;
    case "empty":
      break;
  }
  return new Request(url, { method: body.method, headers, body: payload });
}

/** A one-line account of a body for failure messages (1 MB values named, not printed). */
export function describeBody(body: Body): string {
  const show = (v: string | Big) => (typeof v === "string" ? JSON.stringify(v.slice(0, 60)) : `<1 MB ${v.big}>`);
  const fields = body.pairs.map((p) => `${show(p.name)}=${show(p.value)}${p.file !== undefined ? " (file)" : ""}`).join(" & ");
  return `${body.method} ${body.kind}${body.kind === "bytes" ? ` ${body.contentType}` : ""}: ${body.kind === "json" ? JSON.stringify(body.json).slice(0, 200) : fields}`;
}
