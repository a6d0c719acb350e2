/**
 * Which outlet published a raw text, and why. In order:
 *   1. `--outlet KEY`;
 *   2. the address's domain (`--url`), unwrapped from web archives, AMP caches and proxies
 *      (src/ingest/address.ts): an outlet's domain, old domain, mirror or aggregator path
 *      decides, unless the text credits another outlet (then the user is asked); an
 *      aggregator's domain (content/data/aggregators.yml) names no outlet: the text decides;
 *   3. the text: signatures from outlets.yml anywhere, and credits (src/ingest/outlet-credits.ts)
 *      where the press puts them: mastheads and bylines above and under the headline, the
 *      dateline opening the text, source, copyright and byline lines at the foot.
 * A name that is one ordinary word (src/ingest/outlet-names.ts: "الأخبار", "الوطن") is weak
 * above the headline or as a bare line at the foot (a menu label, a section), and only weak
 * evidence is never enough. Evidence for two outlets, and the user is asked. An outlet the
 * text or address names but outlets.yml lacks is returned as a proposal (`--new-outlet`).
 * It never guesses.
 */
import { parseDateLine } from '../arabic/dates.ts';
import type { Aggregator, Outlet } from '../content/schema.ts';
import { suggest } from '../core/suggest.ts';
import { coverage, originalAddress, type Address } from './address.ts';
import type { Line } from './lines.ts';
import { leadCredits, lineCredits, looksLikeOutletName, type Credit } from './outlet-credits.ts';
import { isGenericName, nameKey, type OutletNames } from './outlet-names.ts';
import { signatureMatcher } from './signature.ts';
import { spelledAlike } from '../arabic/spelled-alike.ts';

export interface OutletDecision {
  key?: string;
  /** What to tell the user when there is no key. */
  problem?: string;
  /** Why the key was chosen, or what was seen (for the report). */
  evidence: string[];
  /** An outlet named by the text or the address that outlets.yml lacks. */
  unknown?: UnknownOutlet;
}

export interface UnknownOutlet {
  /** The name the text credits, if any. */
  name?: string;
  /** The address's domain, if it is no known outlet's or aggregator's. */
  domain?: string;
  /** Where each came from, for the message and the entry's comment. */
  evidence: string[];
}

export function hostOf(url: string): string | undefined {
  return originalAddress(url)?.host;
}

type Weight = 'strong' | 'weak';
interface Clue {
  key: string;
  weight: Weight;
  why: string;
}

export interface OutletTextParts {
  /** Every line of the raw text. */
  lines: Line[];
  /** Lines above the headline. */
  chrome: Line[];
  title?: Line;
  /** Between headline and body. */
  afterTitle: Line[];
  body: Line[];
  /** Sign-off lines at the foot. */
  signoffLines: Line[];
}

const quote = (s: string) => `«${s.length > 60 ? `${s.slice(0, 57)}…` : s}»`;

/** What outlets and aggregators an address belongs to. */
export function addressOwners(address: Address, outlets: Record<string, Outlet>, aggregators: Record<string, Aggregator>) {
  let best = { score: 0, keys: [] as string[] };
  for (const [key, outlet] of Object.entries(outlets)) {
    const score = Math.max(0, ...outlet.domains.map((d) => coverage(d, address)));
    if (score > best.score) best = { score, keys: [key] };
    else if (score > 0 && score === best.score) best.keys.push(key);
  }
  let aggregator: { key: string; score: number } | undefined;
  for (const [key, entry] of Object.entries(aggregators)) {
    const score = Math.max(0, ...entry.domains.map((d) => coverage(d, address)));
    if (score > (aggregator?.score ?? 0)) aggregator = { key, score };
  }
  // An outlet's path on an aggregator (masress.com/soutelomma) is more specific than the aggregator.
  if (aggregator && aggregator.score >= best.score) {
    const section = aggregators[aggregator.key]?.outlet_in_path ? outletOfSection(address, outlets) : undefined;
    if (section) return { outlets: [section.key], aggregator: undefined, section: `${aggregator.key}'s section /${section.slug}/, named for ${section.key}` };
    return { outlets: [] as string[], aggregator: aggregator.key, section: undefined };
  }
  return { outlets: best.keys, aggregator: undefined, section: undefined };
}

/** The one outlet whose domain name (okaz.com.sa → okaz) or key is the address's first path part. */
function outletOfSection(address: Address, outlets: Record<string, Outlet>): { key: string; slug: string } | undefined {
  const slug = address.path.split('/').find(Boolean)?.toLowerCase();
  if (!slug || !/^[a-z0-9-]{3,}$/.test(slug)) return undefined;
  const flat = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '');
  const matches = Object.entries(outlets)
    .filter(([key, o]) => flat(key) === flat(slug) || o.domains.some((d) => !d.includes('/') && flat(d.split('.')[0] ?? '') === flat(slug)))
    .map(([key]) => key);
  return matches.length === 1 ? { key: matches[0] as string, slug } : undefined;
}

/** Path parts that name a language, a section or a kind of page, never an outlet. */
const NOT_AN_OUTLET_PATH =
  /^(?:ar|en|fr|de|es|ru|tr|fa|ku|ckb|arabic|english|news|article|articles|story|stories|amp|node|post|posts|archives?|category|tag|tags|page|p|a|ar-\w+)$/;

/** A domain's own name, without its subdomains and public suffix: "ar.azvision.az" → "azvision", "okaz.com.sa" → "okaz". */
function siteLabel(domain: string): string | undefined {
  const labels = domain.toLowerCase().split('/')[0]?.split('.').filter(Boolean) ?? [];
  if (labels.length < 2) return undefined;
  labels.pop();
  if (labels.length > 1 && /^(?:co|com|net|org|gov|edu|ac|news)$/.test(labels[labels.length - 1] ?? '')) labels.pop();
  return labels[labels.length - 1];
}

/**
 * For an address outlets.yml and aggregators.yml do not know: the one known outlet whose own
 * domain name or key is the first part of its path (tiue.org/dw/ar/… and dw.com), a sign that
 * the site mirrors that outlet's copy rather than publishing its own.
 */
export function mirroredOutlet(address: Address, outlets: Record<string, Outlet>): { key: string; slug: string } | undefined {
  const slug = address.path.split('/').find(Boolean)?.toLowerCase();
  if (!slug || !/^[a-z0-9-]{2,}$/.test(slug) || NOT_AN_OUTLET_PATH.test(slug)) return undefined;
  const flat = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '');
  const matches = Object.entries(outlets)
    .filter(([key, o]) => flat(key) === flat(slug) || o.domains.some((d) => !d.includes('/') && flat(siteLabel(d) ?? '') === flat(slug)))
    .map(([key]) => key);
  return matches.length === 1 ? { key: matches[0] as string, slug } : undefined;
}

/** The one listed outlet whose name (or alias) the credited name begins, longer: a name cut short. */
export function cutShortOf(name: string, outlets: Record<string, Outlet>): string | undefined {
  const key = nameKey(name);
  if (key.length < 6 || !/\s/.test(key)) return undefined;
  const hits = Object.entries(outlets)
    .filter(([, o]) => [o.name_ar, o.name_en, ...o.aliases].some((n) => typeof n === 'string' && nameKey(n).length > key.length && nameKey(n).startsWith(key)))
    .map(([k]) => k);
  return hits.length === 1 ? hits[0] : undefined;
}

/** The names aggregators.yml gives its sites, folded, without "موقع" ("موقع كل يوم" → "كل يوم"). */
export function aggregatorNameKeys(aggregators: Record<string, Aggregator>): ReadonlySet<string> {
  return new Set(Object.values(aggregators).map((a) => siteNameKey(a.name)));
}
const siteNameKey = (name: string) => nameKey(name).replace(/^موقع\s+/u, '');

/** The clues the text gives, and the credited names outlets.yml does not know (exported for the tests). */
export function textClues(
  parts: OutletTextParts,
  outlets: Record<string, Outlet>,
  names: OutletNames,
  isAgency: (name: string) => boolean,
  aggregatorNames: ReadonlySet<string> = new Set(),
  /** A line of page clutter (clutter.yml: "عاجل", "الرئيسية"), which names no outlet even where it is one's name. */
  isClutter: (line: string) => boolean = () => false,
) {
  const clues: Clue[] = [];
  // Every credited name outlets.yml does not know (not an agency's, not an ordinary word), wherever
  // it stands and whatever its shape.
  const met: UnknownCredit[] = [];
  for (const [key, outlet] of Object.entries(outlets)) {
    for (const signature of outlet.signatures) {
      const matches = signatureMatcher(signature);
      const hit = parts.lines.find((line) => matches(line.text));
      if (hit) clues.push({ key, weight: 'strong', why: `signature "${signature}" on line ${hit.index + 1}` });
    }
  }
  const place = (where: 'above' | 'under' | 'foot', line: Line) =>
    where === 'above'
      ? `on line ${line.index + 1}, above the headline`
      : where === 'under'
        ? `on line ${line.index + 1}, under the headline`
        : `on line ${line.index + 1}, at the foot`;
  const consider = (credit: Credit, line: Line, where: 'above' | 'under' | 'foot' | 'lead', siblings: Credit[] = []) => {
    // "دمشق-سانا", "المصدر: رويترز": agencies are credited in agencies.yml, never as the outlet.
    if (isAgency(credit.name)) return false;
    const keys = names.lookup(credit.name);
    const at = where === 'lead' ? `opening the text on line ${line.index + 1}` : place(where, line);
    const what = `${credit.form === 'masthead' ? 'masthead' : `${credit.form} line`} ${quote(where === 'lead' ? credit.name : line.text)} ${at}`;
    if (keys.length === 0) {
      const shaped = (credit.form === 'masthead' || credit.form === 'byline') && looksLikeOutletName(credit.name);
      if (!isGenericName(credit.name)) met.push({ name: credit.name, why: what, form: credit.form, where, shaped, namesAnOutlet: credit.namesAnOutlet });
      return false;
    }
    const generic = isGenericName(credit.name);
    // A one-word name is a menu label above the headline, a section label under it or a word
    // at the foot when it stands alone, unless it stands under the date line as newspapers
    // print their name; in a credit's form (a byline, a source line) it is the outlet.
    const underDate = where === 'under' && credit.form === 'masthead' && afterDate.has(line.index);
    // An ordinary phrase ("الشرق الأوسط") is the outlet only in a credit that says so.
    const phrase = generic && /\s/.test(credit.name.trim()) && !credit.namesAnOutlet;
    // In a byline, a one-word name stands beside a person's name ("سامر أحمد – الخليج"), not
    // beside other labels ("السياسة - الاقتصاد - الرياضة") or a city.
    const others = siblings.filter((c) => c !== credit);
    const isPerson = (c: Credit | undefined) => !!c && c.name.split(/\s+/).length >= 2 && names.lookup(c.name).length === 0;
    // …or, in a byline of places and credits, just before the person who signs it, last
    // ("عواصم – وكالات – الخليج – سامر الحسن"), where a section label never stands.
    const position = siblings.indexOf(credit);
    const besidePerson =
      credit.form === 'byline' && ((others.length === 1 && isPerson(others[0])) || (others.length >= 2 && position === siblings.length - 2 && isPerson(siblings[position + 1])));
    const loose = (credit.form === 'byline' && !besidePerson) || credit.form === 'dateline';
    const weak = generic && (where === 'above' || phrase || loose || (credit.form === 'masthead' && !underDate));
    for (const key of keys) clues.push({ key, weight: weak ? 'weak' : 'strong', why: `${what}${weak ? ` (the one-word name ${quote(credit.name)}, which may be a label)` : ''}` });
    return true;
  };
  const afterDate = new Set<number>();
  parts.afterTitle.forEach((line, i) => {
    const previous = parts.afterTitle[i - 1];
    if (previous && parseDateLine(previous.text)) afterDate.add(line.index);
  });
  const head = [...parts.chrome.slice(-8), ...(parts.chrome.length > 8 ? parts.chrome.slice(0, 1) : [])];
  const listed = listItems(parts.lines);
  const each = (line: Line, where: 'above' | 'under' | 'foot', keep: (c: Credit) => boolean = () => true) => {
    // An item of a list (a page's tags: "- المرصد السوري", "- دير الزور") names a subject, not the outlet.
    if (listed.has(line.index) || isClutter(line.text)) return;
    // An aggregator's credit line ("موقع كل يوم -المسلة") names the site that carries the copy
    // beside the outlet that published it: the site is never the outlet, the other part is.
    const all = lineCredits(line.text);
    const carried = all.some((c) => aggregatorNames.has(siteNameKey(c.name)));
    const credits = carried ? all.filter((c) => !aggregatorNames.has(siteNameKey(c.name))).map((c) => (c.form === 'byline' ? { ...c, namesAnOutlet: true } : c)) : all;
    for (const credit of credits) if (keep(credit)) consider(credit, line, where, credits);
  };
  for (const line of head) each(line, 'above');
  for (const line of parts.afterTitle) each(line, 'under');
  const lead = parts.body[0];
  if (lead) {
    for (const credit of leadCredits(lead.text)) if (consider(credit, lead, 'lead')) break;
    // A short first line of the body can be a byline too ("السورية نت - ياسر العيسى").
    each(lead, 'under', (credit) => credit.form !== 'masthead');
  }
  // The foot: sign-offs, the body's last lines, and the text's last lines (a footer after the
  // related-articles list), never a line already read above or under the headline.
  const seen = new Set<number>([...head, ...parts.chrome, ...parts.afterTitle, ...(parts.title ? [parts.title] : []), ...(lead ? [lead] : [])].map((l) => l.index));
  const bodyStart = parts.title?.index ?? -1;
  const foot = [...parts.signoffLines, ...parts.body.slice(-3), ...parts.lines.slice(-8)].filter((l) => l.index > bodyStart && !seen.has(l.index) && seen.add(l.index));
  for (const line of foot) each(line, 'foot');
  return {
    clues,
    // the names proposed as a new outlet: in a form that says it is one, or in an outlet's shape above the foot
    unknown: met.filter((c) => c.namesAnOutlet || (c.shaped && c.where !== 'foot')),
    // the names a domain may spell (decideOutlet), and among which a copy's credit is looked for at the foot
    named: met.filter((c) => c.name.split(/\s+/).length <= NAMED_WORDS),
  };
}

/** A credited name outlets.yml does not know, where it stood, and what its form and shape say. */
interface UnknownCredit {
  name: string;
  /** Where the credit stands, for messages. */
  why: string;
  form: Credit['form'];
  where: 'above' | 'under' | 'foot' | 'lead';
  /** A masthead or byline part with an outlet's shape (looksLikeOutletName). */
  shaped: boolean;
  /** Its form says it is an outlet's (a source, copyright or exclusive line). */
  namesAnOutlet: boolean;
}

/** A credited name of more words than this is a phrase or a sentence, not a site's name. */
const NAMED_WORDS = 4;

/**
 * On an address outlets.yml does not know: a name in a masthead, byline or dateline that its
 * domain does not spell, or, when the text credits none, an Arabic one with an outlet's shape at
 * the foot ("تموز نت"); the site's own name in other words as often as the outlet whose copy the
 * site carries. (Latin names at the foot are an embedded post's or a photo's credit as often:
 * "— Tunisian Presidency (@…)", "Getty Images".) `own`: the name the domain spells, if any.
 */
function unspelledCredit(credited: UnknownCredit | undefined, own: UnknownCredit | undefined, named: readonly UnknownCredit[]): UnknownCredit | undefined {
  if (!credited) return named.find((n) => n.where === 'foot' && n.shaped && /\p{Script=Arabic}/u.test(n.name));
  if (credited === own) return undefined;
  return credited.form === 'masthead' || credited.form === 'byline' || credited.form === 'dateline' ? credited : undefined;
}

/** A line opening with a list's marker: a dash, bullet or star, then a space. */
const LIST_ITEM = /^[-–•*·▪●]\s+\S/u;

/**
 * The indexes of the lines that are items of a list: two or more list-marked lines in a row
 * ("- المرصد السوري", "- حقوق الانسان"). One such line alone (a print byline "- دمشق: فلان") is no list.
 */
export function listItems(lines: Line[]): Set<number> {
  const items = new Set<number>();
  lines.forEach((line, i) => {
    const marked = (l: Line | undefined) => !!l && LIST_ITEM.test(l.text);
    if (marked(line) && (marked(lines[i - 1]) || marked(lines[i + 1]))) items.add(line.index);
  });
  return items;
}

export function decideOutlet(args: {
  explicit?: string;
  url?: string;
  parts: OutletTextParts;
  outlets: Record<string, Outlet>;
  /** The outlets' name index (createOutletNames(outlets)), made once per run. */
  names: OutletNames;
  /** More evidence from elsewhere (a saved page's og:site_name, JSON-LD publisher): strong clues. */
  extraEvidence?: Array<{ key: string; why: string }>;
  aggregators: Record<string, Aggregator>;
  /** True for a name that is a wire agency's (content/data/agencies.yml), never a new outlet. */
  isAgency: (name: string) => boolean;
  /** True for a line of page clutter (content/data/clutter.yml). */
  isClutter?: (line: string) => boolean;
}): OutletDecision {
  const { outlets } = args;
  const known = Object.keys(outlets).sort();
  if (args.explicit) {
    if (outlets[args.explicit]) return { key: args.explicit, evidence: ['--outlet'] };
    return { problem: `--outlet ${args.explicit} is not in content/data/outlets.yml (${suggest(args.explicit, known)})`, evidence: [] };
  }
  const how = 'pass --outlet KEY (one of the keys in content/data/outlets.yml)';
  const { clues, unknown, named } = textClues(args.parts, outlets, args.names, args.isAgency, aggregatorNameKeys(args.aggregators), args.isClutter);
  for (const extra of args.extraEvidence ?? []) clues.push({ key: extra.key, weight: 'strong', why: extra.why });
  const byKey = new Map<string, Clue[]>();
  for (const clue of clues) byKey.set(clue.key, [...(byKey.get(clue.key) ?? []), clue]);
  const strongKeys = [...byKey.keys()].filter((k) => byKey.get(k)?.some((c) => c.weight === 'strong')).sort();
  const describe = (key: string) => `${key}: ${(byKey.get(key) ?? []).map((c) => c.why).join('; ')}`;
  const evidenceOf = (key: string) => (byKey.get(key) ?? []).map((c) => c.why);

  const notes: string[] = [];
  let domainUnknown: string | undefined;
  let mirrored: { key: string; slug: string; host: string } | undefined;
  if (args.url) {
    const address = originalAddress(args.url);
    if (address) {
      const via = address.via.length ? ` (through ${address.via.join(', then ')})` : '';
      const owners = addressOwners(address, outlets, args.aggregators);
      if (owners.outlets.length === 1) {
        const key = owners.outlets[0] as string;
        const others = strongKeys.filter((k) => k !== key);
        const evidence = [owners.section ? `the address ${address.host}${via}: ${owners.section}` : `the address's domain ${address.host}${via}`, ...evidenceOf(key)];
        if (others.length === 0) return { key, evidence };
        return {
          problem: `the address ${address.host}${via} is ${key}'s, but the text credits ${others.map(describe).join(' and ')}; ${how} naming the outlet that published this copy (--outlet ${key} if the address is right)`,
          evidence: [],
        };
      }
      if (owners.outlets.length > 1) notes.push(`the address's domain ${address.host} is listed for ${owners.outlets.join(', ')}`);
      else if (owners.aggregator)
        notes.push(`the address ${address.host}${via} is an aggregator's (${owners.aggregator} in content/data/aggregators.yml), which names no outlet: the text's credit decides`);
      else {
        domainUnknown = address.host;
        notes.push(`the address's domain ${address.host}${via} is not in content/data/outlets.yml`);
        const mirror = mirroredOutlet(address, outlets);
        if (mirror) {
          mirrored = { ...mirror, host: address.host };
          notes.push(`the first part of its path, /${mirror.slug}/, is named for ${mirror.key}`);
        }
      }
    }
  }

  if (strongKeys.length === 1) {
    const key = strongKeys[0] as string;
    return { key, evidence: [...evidenceOf(key), ...notes] };
  }
  if (strongKeys.length > 1) {
    return { problem: `the text points to several outlets (${strongKeys.map(describe).join('; ')}); ${how}`, evidence: notes };
  }
  // An unknown site whose path is named for a known outlet (tiue.org/dw/…) may be carrying that
  // outlet's copy: neither the outlet nor a new one for the site without the user's word.
  if (mirrored) {
    return {
      problem: `the address's domain ${mirrored.host} is not in content/data/outlets.yml, and the first part of its path, /${mirrored.slug}/, is named for ${mirrored.key}: the site may be a mirror or an aggregator carrying ${mirrored.key}'s copy; pass --outlet ${mirrored.key} if it is (and list ${mirrored.host} in content/data/aggregators.yml with outlet_in_path: true), or add ${mirrored.host} to outlets.yml if it is an outlet of its own`,
      evidence: notes,
    };
  }
  const weakKeys = [...byKey.keys()].sort();
  if (weakKeys.length > 0) {
    return {
      problem: `the only evidence of the outlet is weak (${weakKeys.map(describe).join('; ')}); ${how}, or add a signature specific to it in outlets.yml`,
      evidence: notes,
    };
  }
  // A name the unknown address's domain spells ("نورث بالس" on north-pulse.net) is the site's own.
  const label = domainUnknown !== undefined ? siteLabel(domainUnknown) : undefined;
  const spells = (name: string) => label !== undefined && spelledAlike(label, name);
  const own = named.find((n) => spells(n.name));
  const distinct = [...new Map(unknown.filter((u) => !spells(u.name)).map((u) => [nameKey(u.name), u])).values()];
  const several = [...(own && distinct.some((u) => u.form !== 'source') ? [own] : []), ...distinct];
  if (several.length > 1) {
    return { problem: `the text credits several outlets that content/data/outlets.yml does not list (${several.map((u) => u.why).join('; ')}); ${how}`, evidence: notes };
  }
  const credited = distinct[0] ?? own;
  // a name the unknown address does not spell: ask
  const unspelled = domainUnknown === undefined ? undefined : unspelledCredit(credited, own, named);
  if (domainUnknown !== undefined && unspelled) {
    return {
      problem: `the address's domain ${domainUnknown} is not in content/data/outlets.yml, and ${unspelled.why} names an outlet the domain does not spell: the site's own name in other words, or the outlet whose copy it carries; add that outlet to content/data/outlets.yml (with ${domainUnknown} among its domains if it is the site's own) and ${how}`,
      evidence: notes,
    };
  }
  // "المصدر: الوكالة العربي": the start of a listed outlet's name, cut short (a copy that ends
  // mid-word): that outlet, or another; never a new one.
  const cutOf = credited ? cutShortOf(credited.name, outlets) : undefined;
  if (credited && cutOf) {
    return {
      problem: `${credited.why} names the start of ${cutOf}'s name, cut short: ${how} (--outlet ${cutOf} if it is that outlet)`,
      evidence: notes,
    };
  }
  if (credited || domainUnknown) {
    // A source line ("المصدر: X") credits the outlet the copy came from: the address is then
    // likely a site carrying it, and its domain is not taken for that outlet's.
    const reprint = credited?.form === 'source' && domainUnknown !== undefined;
    const domain = reprint ? undefined : domainUnknown;
    const evidence = [
      ...(credited ? [credited === own ? `${credited.why}, which the address's domain spells` : credited.why] : []),
      ...(domain ? [`the address's domain ${domain}`] : []),
      ...(reprint ? [`the address's domain ${domainUnknown} left out: the text names its source, so the address may be a site carrying its copy`] : []),
    ];
    return {
      problem: `the outlet is not in content/data/outlets.yml (${evidence.join('; ')}); pass --new-outlet to add it with the entry below and write the article, or ${how} if it is listed under another name`,
      evidence: notes,
      unknown: { name: credited?.name, domain, evidence },
    };
  }
  const aggregatorNote = notes.find((n) => n.includes('aggregator'));
  if (aggregatorNote) return { problem: `${aggregatorNote}, and the text credits no outlet; ${how}`, evidence: notes };
  return { problem: `no outlet recognised; ${how}, or add the outlet there with its name, domains and signatures`, evidence: notes };
}
