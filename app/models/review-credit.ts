// Whether a review comment's text addresses a key item: each item's "minimum to credit" names the
// concepts a credited comment must contain, each with the phrasings reviewers really use. Pure.
// Why the text counts at all: docs/decisions/007-credit-reads-the-comment.md.

/** One concept a credited comment must name, and the phrasings that name it. */
export interface CreditConcept {
  concept: string;
  terms: string[];
}

/** The minimum a comment must say to be credited with a key item: every concept, in any order. */
export interface CreditRule {
  /** One sentence for the grader: what a credited comment contains. */
  says: string;
  concepts: CreditConcept[];
}

/**
 * Lower case, accents dropped, and everything that is not a letter or digit a word break, so
 * "Hard-coded", "hard coded" and `HARD_CODED` read alike and code (`customer_id`) reads as words.
 */
export function wordsOf(text: string): string[] {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

type Term = { words: string[]; prefix: boolean[] };

/** A term is words; a word ending in `*` matches any word it starts ("leak*": leak, leaks, leakage). */
export function parseTerm(term: string): Term {
  const raw = term.trim().toLowerCase().split(/\s+/).filter(Boolean);
  const words: string[] = [];
  const prefix: boolean[] = [];
  for (const w of raw) {
    const star = w.endsWith("*");
    const parts = wordsOf(star ? w.slice(0, -1) : w);
    parts.forEach((p, i) => {
      words.push(p);
      prefix.push(star && i === parts.length - 1);
    });
  }
  return { words, prefix };
}

const wordMatches = (word: string, want: string, prefix: boolean) => (prefix ? word.startsWith(want) : word === want);

/**
 * The term appears as consecutive words of the text; a term of several words also matches them
 * written as one word ("hard code*" finds "hardcoded", "time out" finds "timeout").
 */
export function hasTerm(words: string[], term: Term): boolean {
  const n = term.words.length;
  if (!n) return false;
  for (let i = 0; i + n <= words.length; i++) {
    let all = true;
    for (let j = 0; j < n && all; j++) all = wordMatches(words[i + j]!, term.words[j]!, term.prefix[j]!);
    if (all) return true;
  }
  if (n > 1) {
    const joined = term.words.join("");
    const prefix = term.prefix[n - 1]!;
    return words.some((w) => wordMatches(w, joined, prefix));
  }
  return false;
}

/** A rule with its terms parsed once, since every comment of every review is checked against it. */
export interface CompiledRule {
  concepts: { concept: string; terms: Term[] }[];
}

export function compileRule(rule: CreditRule): CompiledRule {
  return { concepts: rule.concepts.map((c) => ({ concept: c.concept, terms: c.terms.map(parseTerm) })) };
}

/** The concepts of the rule a text names and those it doesn't, in the rule's order. */
export function conceptsNamed(words: string[], rule: CompiledRule): { named: string[]; missing: string[] } {
  const named: string[] = [];
  const missing: string[] = [];
  for (const c of rule.concepts) (c.terms.some((t) => hasTerm(words, t)) ? named : missing).push(c.concept);
  return { named, missing };
}

/** The text addresses the item: it names every concept of its minimum to credit. */
export function addresses(words: string[], rule: CompiledRule): boolean {
  return rule.concepts.length > 0 && rule.concepts.every((c) => c.terms.some((t) => hasTerm(words, t)));
}

/** Why a rule can't work, for the loader's message: no concept, a concept without a term, a term of no words. */
export function creditRuleProblems(rule: CreditRule): string[] {
  const problems: string[] = [];
  if (!rule.concepts.length) problems.push("names no concept");
  rule.concepts.forEach((c, i) => {
    if (!c.terms.length) problems.push(`concepts.${i} ("${c.concept}") has no terms`);
    c.terms.forEach((t, j) => {
      const parsed = parseTerm(t);
      if (!parsed.words.length) problems.push(`concepts.${i}.terms.${j}: "${t}" has no letters or digits`);
      else if (parsed.words.length === 1 && parsed.prefix[0] && parsed.words[0]!.length < 3)
        problems.push(`concepts.${i}.terms.${j}: "${t}" is a prefix too short to mean anything`);
    });
  });
  return problems;
}
