/**
 * The browse views besides events and places: outlets, years (with their months) and wire
 * agencies, each with its articles oldest first; and the newest-first pages of every long list.
 */
import { countText } from '../arabic/plural.ts';
import { formatArabicMonth } from '../arabic/calendar.ts';
import type { Content } from '../content/load.ts';
import { byDateAsc, byDateDesc, newestUrlOf } from './list-order.ts';
import type { Refs } from './refs.ts';
import { yearPath } from './site-paths.ts';
import { NEWEST_LIST_KICKERS, NOUNS, OUTLET_KIND_LABELS, TITLES } from './ui-strings.ts';
import type { AgencyView, Archive, ArticleView, NavItem, NewestFirstList, OutletView, YearView } from './views.ts';

/** The outlets that published an article, the most published first; `articles`: newest first. */
export function outletViews(content: Content, articles: readonly ArticleView[], refs: Refs): OutletView[] {
  return Object.entries(content.outlets.entries)
    .map(([key, o]): OutletView => {
      const own = articles.filter((a) => a.outlet.key === key).sort(byDateAsc);
      const ref = refs.outlet(key);
      return {
        ...ref,
        country: o.country,
        country_ar: o.country_ar,
        homepage: o.homepage,
        kind: o.kind,
        kindLabel: OUTLET_KIND_LABELS[o.kind.trim().toLowerCase()] ?? null,
        articleCount: countText(own.length, NOUNS.article),
        articles: own,
        newestUrl: newestUrlOf(ref.url, own),
      };
    })
    .filter((o) => o.articles.length > 0)
    .sort((a, b) => b.articles.length - a.articles.length || a.name_ar.localeCompare(b.name_ar, 'ar'));
}

/** The years with articles, newest first, each with its months in order; `articles`: newest first. */
export function yearViews(articles: readonly ArticleView[]): YearView[] {
  const yearNumbers = [...new Set(articles.map((a) => a.date.year))].sort((a, b) => b - a);
  return yearNumbers.map((year): YearView => {
    const inYear = articles.filter((a) => a.date.year === year).sort(byDateAsc);
    const monthNumbers = [...new Set(inYear.map((a) => a.date.month))].sort((a, b) => a - b);
    return {
      year,
      url: yearPath(year),
      articleCount: countText(inYear.length, NOUNS.article),
      articles: inYear,
      newestUrl: newestUrlOf(yearPath(year), inYear),
      months: monthNumbers.map((month) => {
        const inMonth = inYear.filter((a) => a.date.month === month);
        return {
          month,
          label: formatArabicMonth(year, month),
          id: `m-${String(month).padStart(2, '0')}`,
          articleCount: countText(inMonth.length, NOUNS.article),
          articles: inMonth,
        };
      }),
    };
  });
}

/** The wire agencies the articles credit, by name. */
export function agencyViews(articles: readonly ArticleView[], refs: Refs): AgencyView[] {
  const agencyNames = [...new Set(articles.flatMap((a) => a.agencies.map((g) => g.name)))].sort((a, b) => a.localeCompare(b, 'ar'));
  return agencyNames.map((name): AgencyView => {
    const crediting = articles.filter((a) => a.agencies.some((g) => g.name === name)).sort(byDateAsc);
    const ref = refs.agency(name);
    return { ...ref, articleCount: countText(crediting.length, NOUNS.article), articles: crediting, newestUrl: newestUrlOf(ref.url, crediting) };
  });
}

/** The newest-first pages of every long list (see SORT_ORDER). */
export function newestFirstLists(archive: Pick<Archive, 'articles' | 'articlesNewestUrl' | 'events' | 'outlets' | 'places' | 'years' | 'agencies'>): NewestFirstList[] {
  const lists: NewestFirstList[] = [];
  const add = (newestUrl: string | null, oldestUrl: string, kicker: NavItem, title: string, articleCount: string, articles: readonly ArticleView[]) => {
    if (newestUrl) lists.push({ url: newestUrl, oldestUrl, kicker, title, articleCount, articles: [...articles].sort(byDateDesc) });
  };
  const kickers = NEWEST_LIST_KICKERS;
  add(archive.articlesNewestUrl, kickers.articles.url, kickers.articles, TITLES.allArticles, countText(archive.articles.length, NOUNS.article), archive.articles);
  for (const e of archive.events) add(e.newestUrl, e.url, kickers.events, TITLES.articlesOf(e.title), e.articleCount, e.articles);
  for (const o of archive.outlets) add(o.newestUrl, o.url, kickers.outlets, TITLES.articlesOf(o.name_ar), o.articleCount, o.articles);
  for (const p of archive.places) add(p.newestUrl, p.url, kickers.places, TITLES.articlesNaming(p.name), p.articleCount, p.articles);
  for (const y of archive.years) add(y.newestUrl, y.url, kickers.years, TITLES.articlesOfYear(y.year), y.articleCount, y.articles);
  for (const a of archive.agencies) add(a.newestUrl, a.url, kickers.agencies, TITLES.articlesOf(a.name), a.articleCount, a.articles);
  return lists;
}
