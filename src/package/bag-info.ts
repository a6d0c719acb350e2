/**
 * What bag-info.txt says of an archive (RFC 8493 §2.2.2): the reserved fields a repository
 * reads (Source-Organization, Bagging-Date, External-Identifier, External-Description,
 * Bag-Software-Agent) and the archive's own: its title, the span of its articles' publication
 * dates and its counts. Pure; Payload-Oxum and Bag-Size are added by makeBag.
 */
import type { Content } from '../content/load.ts';
import type { BagInfo } from './bag.ts';

export interface BagInfoOptions {
  organisation: string;
  /** YYYY-MM-DD. */
  baggingDate: string;
  withSite: boolean;
}

export function bagInfoFor(content: Pick<Content, 'articles' | 'events' | 'site'>, options: BagInfoOptions): BagInfo {
  const dates = content.articles.map((a) => a.data.date).sort();
  const outlets = new Set(content.articles.map((a) => a.data.outlet));
  const sources = new Set(content.articles.map((a) => a.data.source.file));
  return [
    ['Source-Organization', options.organisation],
    ['Bagging-Date', options.baggingDate],
    ['External-Identifier', content.site.url],
    ['External-Description', content.site.description],
    ['Bag-Software-Agent', 'Arshif (npm run package)'],
    ['Title', content.site.title],
    ['Date-Start', dates[0] ?? ''],
    ['Date-End', dates.at(-1) ?? ''],
    ['Article-Count', String(content.articles.length)],
    ['Event-Count', String(content.events.length)],
    ['Outlet-Count', String(outlets.size)],
    ['Source-Count', String(sources.size)],
    [
      'Payload-Description',
      `content/: articles (Markdown with front matter), events, data files and the raw sources byte for byte${options.withSite ? '; site/: the built static site' : ''}`,
    ],
  ];
}
