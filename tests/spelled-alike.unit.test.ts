/**
 * spelledAlike (src/arabic/spelled-alike.ts): a domain's name spells an outlet's name as the page
 * writes it, or it does not. The names are of our own making or public facts (an outlet's name and
 * domain); a translation, an acronym or another outlet's name never spells alike.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { spelledAlike } from '../src/arabic/spelled-alike.ts';

describe('spelledAlike', () => {
  const alike: Array<[string, string]> = [
    ['north-pulse', 'نورث بالس'], // p as b, th as ث
    ['alderah', 'الديرة'], // the article run into the name, a final "ah" for the taa marbuta
    ['sada-furat', 'صدى الفرات نيوز'], // the article left out, a generic word left out
    ['enabbaladi', 'عنب بلدي'], // ع unwritten, the words run together, a doubled letter
    ['alkhaleej', 'الخليج'],
    ['shafaq', 'شفق نيوز'],
    ['zamanalwsl', 'زمان الوصل'],
    ['emaratalyoum', 'Emarat Alyoum'], // a Latin masthead against its domain
    ['sanabel-news', 'سنابل'],
    ['senaranews', 'صنارة نيوز'], // a generic word run into the name, on either side
    ['alkawthartv', 'الكوثر'],
    ['almasdaronline', 'المصدر أونلاين'],
  ];
  for (const [domain, name] of alike) it(`${domain} spells «${name}»`, () => assert.equal(spelledAlike(domain, name), true));

  const unlike: Array<[string, string, string]> = [
    ['syrian-reporter', 'مراسل سوري', 'a translation'],
    ['copts-united', 'الأقباط متحدون', 'a translation'],
    ['taghribnews', 'تنا', 'an acronym'],
    ['kurd-online', 'تموز نت', "another outlet's name (a copy's credit)"],
    ['yemenvibe', 'يمنات', 'a shared start is not a spelling'],
    ['baghdadtoday', 'بغداد اليوم', 'half translated'],
    ['alquds', 'القدس العربي', 'the first word only'],
    ['horrya', 'حرية برس', 'two consonants are too few to tell'],
    ['sana', 'سانا', 'two consonants are too few to tell'],
  ];
  for (const [domain, name, why] of unlike) it(`${domain} does not spell «${name}» (${why})`, () => assert.equal(spelledAlike(domain, name), false));
});
