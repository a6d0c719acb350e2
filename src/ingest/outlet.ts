/**
 * Which outlet published a raw text: `--outlet`, else the URL's domain, else the evidence in the
 * text (signatures from outlets.yml, a byline or "المصدر:" line naming the outlet, a header line
 * that is the outlet's name). It never guesses: no evidence, or evidence for several outlets,
 * and the user is asked.
 */
import { foldArabic } from '../arabic/normalise.ts';
import type { Outlet } from '../content/schema.ts';
import type { Line } from './lines.ts';
import type { Signoff } from './signoff.ts';
import { suggest } from '../content/suggest.ts';

export interface OutletDecision {
  key?: string;
  /** What to tell the user when there is no key. */
  problem?: string;
  /** Why the key was chosen (for the report). */
  evidence: string[];
}

function signatureMatcher(signature: string): (line: string) => boolean {
  const regex = /^\/(.+)\/([a-z]*)$/su.exec(signature);
  if (regex) {
    const re = new RegExp(regex[1] as string, (regex[2] ?? '').includes('u') ? regex[2] : `${regex[2] ?? ''}u`);
    return (line) => re.test(line);
  }
  const folded = foldArabic(signature);
  return (line) => foldArabic(line).includes(folded);
}

export function hostOf(url: string): string | undefined {
  try {
    return new URL(url).hostname.toLowerCase().replace(/^www\./, '');
  } catch {
    return undefined;
  }
}

export function decideOutlet(args: {
  explicit?: string;
  url?: string;
  lines: Line[];
  /**
   * Where an outlet's bare name counts as its masthead: the first line of the text and the
   * lines between headline and body. (A bare name elsewhere may be a menu label: "الأخبار".)
   */
  headerLines: Line[];
  signoffs: Signoff[];
  outlets: Record<string, Outlet>;
  /** More evidence from elsewhere (a saved page's og:site_name, JSON-LD publisher). */
  extraEvidence?: Array<{ key: string; why: string }>;
}): OutletDecision {
  const { outlets } = args;
  const known = Object.keys(outlets).sort();
  if (args.explicit) {
    if (outlets[args.explicit]) return { key: args.explicit, evidence: ['--outlet'] };
    return { problem: `--outlet ${args.explicit} is not in content/data/outlets.yml (${suggest(args.explicit, known)})`, evidence: [] };
  }
  if (args.url) {
    const host = hostOf(args.url);
    const byDomain = known.filter((key) => outlets[key]?.domains.some((d) => host === d || host?.endsWith(`.${d}`)));
    if (byDomain.length === 1) return { key: byDomain[0], evidence: [`the address's domain ${host}`] };
  }
  const evidence = new Map<string, string[]>();
  const note = (key: string, why: string) => evidence.set(key, [...(evidence.get(key) ?? []), why]);
  for (const key of known) {
    const outlet = outlets[key] as Outlet;
    const name = foldArabic(outlet.name_ar);
    for (const signature of outlet.signatures) {
      const matches = signatureMatcher(signature);
      const hit = args.lines.find((line) => matches(line.text));
      if (hit) note(key, `signature "${signature}" on line ${hit.index + 1}`);
    }
    const header = args.headerLines.find((line) => foldArabic(line.text) === name);
    if (header) note(key, `its name as a masthead on line ${header.index + 1}`);
  }
  for (const signoff of args.signoffs) for (const key of signoff.outlets) note(key, `a ${signoff.kind} line naming it`);
  for (const extra of args.extraEvidence ?? []) note(extra.key, extra.why);
  const candidates = [...evidence.keys()];
  if (candidates.length === 1) return { key: candidates[0], evidence: evidence.get(candidates[0] as string) ?? [] };
  const how =
    'pass --outlet KEY (one of the keys in content/data/outlets.yml), or add the outlet there with its name, domains and signatures';
  if (candidates.length === 0) return { problem: `no outlet recognised; ${how}`, evidence: [] };
  return {
    problem: `the text points to several outlets (${candidates.map((k) => `${k}: ${evidence.get(k)?.[0]}`).join('; ')}); ${how}`,
    evidence: [],
  };
}

