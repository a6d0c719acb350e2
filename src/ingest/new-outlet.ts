/**
 * `add --new-outlet`: the outlets.yml entry for an outlet the text or the address names but
 * outlets.yml lacks, and its addition to the file. Only what the evidence shows is filled in
 * (the name as credited, the domain); what it cannot show is left for the user under a fixed
 * convention: `country: unknown`, `country_ar: غير معروف`, `kind: unknown`, and a comment above
 * the entry naming every field to fill. The entry is appended to the file's text, so the
 * user's comments, order and layout stay byte for byte as they were.
 */
import { renameSync, writeFileSync } from 'node:fs';
import { Document, isMap, isSeq, parseDocument } from 'yaml';
import { formatIsoDate, type CalendarDate } from '../arabic/calendar.ts';
import { slugFromArabic } from '../arabic/transliterate.ts';
import { outletSchema, type Outlet } from '../content/schema.ts';
import type { UnknownOutlet } from './outlet.ts';

export const PLACEHOLDER = { country: 'unknown', country_ar: 'غير معروف', kind: 'unknown' } as const;

export interface NewOutlet {
  key: string;
  outlet: Outlet;
  /** The entry as YAML, with its comment, as it will be appended to outlets.yml. */
  yaml: string;
}

const isLatin = (s: string) => /^[\p{Script=Latin}\p{N}\s.&'’-]+$/u.test(s) && /\p{Script=Latin}/u.test(s);

/** "eremnews.com" → "eremnews", "news.example.co.uk" → "news-example". */
function keyFromDomain(domain: string): string {
  const labels = domain.split('/')[0]?.split('.') ?? [];
  labels.pop();
  if (labels.length > 1 && /^(co|com|net|org|gov|edu|ac|news)$/.test(labels[labels.length - 1] ?? '')) labels.pop();
  return labels.filter((l) => !/^(www|m|amp|mobile)$/.test(l)).join('-');
}

function slugOf(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** The entry for an unknown outlet, or undefined when the evidence cannot make a valid one. */
export function proposeOutlet(unknown: UnknownOutlet, takenKeys: Iterable<string>, today: CalendarDate): NewOutlet | undefined {
  const taken = new Set(takenKeys);
  const name = unknown.name?.trim();
  const domain = unknown.domain;
  const base = (name && isLatin(name) ? slugOf(name) : '') || (domain ? slugOf(keyFromDomain(domain)) : '') || (name ? slugFromArabic(name, 4) : '') || 'new-outlet';
  let key = base.slice(0, 60).replace(/-+$/, '');
  for (let n = 2; taken.has(key); n++) key = `${base.slice(0, 56)}-${n}`;
  const nameAr = name && !isLatin(name) ? name : undefined;
  const nameEn = name && isLatin(name) ? name : undefined;
  const toFill = ['country', 'country_ar', 'kind'];
  if (!nameAr) toFill.unshift('name_ar (the Arabic name)');
  if (!nameEn) toFill.splice(nameAr ? 0 : 1, 0, 'name_en (the Latin name)');
  if (!domain) toFill.push('domains and homepage');
  const outlet: Outlet = {
    name_ar: nameAr ?? nameEn ?? domain ?? key,
    name_en: nameEn ?? domain ?? nameAr ?? key,
    country: PLACEHOLDER.country,
    country_ar: PLACEHOLDER.country_ar,
    homepage: domain && !domain.includes('/') ? `https://${domain}/` : null,
    domains: domain ? [domain] : [],
    kind: PLACEHOLDER.kind,
    aliases: [],
    signatures: [],
  };
  const parsed = outletSchema.safeParse(outlet);
  if (!parsed.success) return undefined;
  const checked = parsed.data;
  const doc = new Document({ [key]: checked });
  const entry = doc.contents && isMap(doc.contents) ? doc.contents.items[0]?.value : undefined;
  if (isMap(entry)) {
    for (const field of ['domains', 'aliases', 'signatures']) {
      const node = entry.get(field, true);
      if (isSeq(node)) node.flow = true;
    }
  }
  doc.commentBefore =
    ` added by \`npm run add -- --new-outlet\` on ${formatIsoDate(today)} from: ${unknown.evidence.join('; ')}\n` +
    ` to fill in: ${toFill.join(', ')} (they read "${PLACEHOLDER.country}" / "${PLACEHOLDER.country_ar}" or the name as credited until then)`;
  return { key, outlet: checked, yaml: doc.toString({ lineWidth: 0, flowCollectionPadding: false }) };
}

/**
 * outlets.yml's text with the entry appended, checked to parse back to the same entries plus
 * the new one. Throws when it does not (the file is then left as it was).
 */
export function withOutletAppended(text: string, entry: NewOutlet): string {
  const before = parseDocument(text);
  const combined = `${text}${text.endsWith('\n') || text === '' ? '' : '\n'}\n${entry.yaml}`;
  const after = parseDocument(combined);
  if (before.errors.length > 0 || after.errors.length > 0) throw new Error('outlets.yml cannot be read as YAML; fix it first');
  const old = (before.toJS() ?? {}) as Record<string, unknown>;
  const now = (after.toJS() ?? {}) as Record<string, unknown>;
  if (entry.key in old) throw new Error(`outlets.yml already has the key ${entry.key}`);
  const { [entry.key]: added, ...rest } = now;
  if (JSON.stringify(rest) !== JSON.stringify(old) || added === undefined) throw new Error('appending to outlets.yml would change its other entries');
  return combined;
}

/** Replaces a file's text through a temporary file and a rename, so it is never half-written. */
export function replaceText(path: string, text: string): void {
  const temporary = `${path}.arshif-${process.pid}.tmp`;
  writeFileSync(temporary, text, { flag: 'wx' });
  renameSync(temporary, path);
}
