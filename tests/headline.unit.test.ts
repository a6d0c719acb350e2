/**
 * chooseHeadline and notAHeadline (src/ingest/headline.ts): the headline by evidence, the lines
 * that can never be one, and the cases too close to call.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { chooseHeadline, leadSentenceSigns, lineHoldsHeadline, notAHeadline, sameHeadline, type HeadlineContext } from '../src/ingest/headline.ts';
import { toLines } from '../src/ingest/lines.ts';

const ctx: HeadlineContext = { isClutter: () => false, isOutletHeader: () => false, isByline: (l) => /^بقلم\s*:/.test(l) };
const LEAD = 'قالت مصادر محلية إن فرق الإنقاذ انتشلت عشرات الجثث من تحت أنقاض الأبنية المدمرة في حي الرشيد بمدينة الرقة، بعد أسابيع من انتهاء المعارك فيها.';
const HEAD = 'فرق الإنقاذ تنتشل عشرات الجثث من أنقاض الرقة';
const pick = (text: string, extra: Partial<HeadlineContext> = {}) => chooseHeadline(toLines(text), { ...ctx, ...extra });

describe('notAHeadline', () => {
  it('names what a line is when it cannot be the headline', () => {
    assert.equal(notAHeadline('الرئيسية / أخبار / سوريا', ctx), 'a breadcrumb');
    assert.equal(notAHeadline('مخيم الهول في ريف الحسكة الشرقي (صورة أرشيفية)', ctx), "a photo's caption");
    assert.equal(notAHeadline('مخيم الهول في ريف الحسكة الشرقي (صور: رويترز)', ctx), "a photo's caption");
    // a headline's tag for its media is no caption
    for (const tag of ['(صور)', '(فيديو)', '(بالصور)', '(صور + فيديو)', '(فيديو وصور)'])
      assert.equal(notAHeadline(`نازحون يعودون إلى مخيم الهول في ريف الحسكة ${tag}`, ctx), undefined, tag);
    assert.equal(notAHeadline('هل تؤيد فتح ممرات إنسانية دائمة للعائلات العالقة؟', ctx), "a readers' poll");
    assert.equal(notAHeadline('عناصر من قوات الأمن.', ctx), 'ends with a full stop (a caption or a sentence)');
    assert.notEqual(notAHeadline('المحرر: قناة الأخبار | عدد المشاهدات: 149', ctx), undefined);
    assert.equal(notAHeadline('المحرر: قناة الأخبار الفضائية في الموصل', ctx), 'a byline');
    assert.equal(notAHeadline('بلدي نيوز - دير الزور (خاص)', ctx), 'a byline');
    assert.equal(notAHeadline('الرئيسية » عربي ودولي » سوريا', ctx), 'a breadcrumb');
    assert.equal(notAHeadline('شارك فيسبوك تويتر واتساب', ctx), 'a share bar');
    assert.equal(notAHeadline('الرئيسية أخبار سياسة اقتصاد رياضة منوعات', ctx), 'a menu of sections');
    assert.equal(notAHeadline('نشر في: 23/03/2019', ctx), 'a date line');
    assert.equal(notAHeadline('دمشق - (د ب أ)', ctx), 'a byline');
    assert.equal(notAHeadline('بقلم: سامر الحسن', ctx), 'a byline');
    assert.equal(notAHeadline('سياسة', ctx), 'too short');
    assert.equal(notAHeadline(LEAD, ctx), 'a sentence of the text');
    assert.equal(notAHeadline('مقاتلون من قوات سوريا الديمقراطية قرب الرقة SDF', ctx), "a photo's caption (an Arabic line glossed with a Latin acronym)");
    for (const name of ['BbikAkqCIAAXNP8', 'CxR4tQw9ZkA2mP', 'IMG_2041.jpg', 'raqqa-bridge-2019.webp']) assert.equal(notAHeadline(name, ctx), "an image's file name", name);
    for (const word of ['AlArabiya', 'Reuters', 'SANA2019']) assert.notEqual(notAHeadline(word, ctx), "an image's file name", word);
  });
  it('knows captions, promos, date-and-byline lines, wrapped lines and wire leads by their shape', () => {
    const wire: HeadlineContext = { ...ctx, opensWithWireDateline: (l) => l.startsWith('دمشق - (سانا) -') };
    const shapes: Array<[string, string | undefined]> = [
      ['صورة تعبيرية لسوق الخضار في مدينة دير الزور', "a photo's caption"],
      ['مستشفى دير الزور الوطني من الداخل (تصوير: سامر الأحمد)', "a photo's caption"],
      ['جسر المدينة المعلق بعد ترميمه - تصوير سامر الأحمد', "a photo's caption"],
      ['تابعونا على تلغرام لتصلكم آخر الأخبار أولاً بأول', 'a call to follow the site (a promo)'],
      ['بقلم سامر عبد الكريم الأحمد | 12 مارس 2024', 'a date and a byline'],
      ['أعلنت مديرية الصحة وصول شحنة من الأدوية إلى', 'ends on a preposition (a line cut mid-phrase)'],
      ['دمشق - (سانا) - وصلت شحنة من الأدوية إلى مستشفيات دير الزور', "the text's first sentence (it opens with a wire dateline)"],
      // the same words, as headlines put them
      ['لماذا يتابع السوريون أخبار بلادهم على تلغرام؟', undefined],
      ['12 مارس 2019: يوم سقطت آخر جيوب التنظيم في الباغوز', undefined],
    ];
    for (const [line, why] of shapes) assert.equal(notAHeadline(line, wire), why, line);
  });
  it('lets headlines with quotes, slashes of month names and a question through', () => {
    for (const line of [
      HEAD,
      '«اللحظات الأخيرة لداعش».. «إعلان النصر إيذان بمرحلة جديدة»',
      'معارك الباغوز في آذار/مارس 2019 تقترب من نهايتها',
      'هل تعود العائلات إلى أحياء الرقة قبل الشتاء؟',
      'مسؤول أمريكي يؤكد انسحاب القوات من قاعدة التنف لـ CNN',
    ]) {
      assert.equal(notAHeadline(line, ctx), undefined, line);
    }
  });
});

describe('chooseHeadline', () => {
  it('takes the headline under chrome, a breadcrumb and a share bar', () => {
    const c = pick(`الرئيسية / أخبار / سوريا\nشارك فيسبوك تويتر واتساب\nتقارير\n${HEAD}\n12.11.2017\n${LEAD}`);
    assert.equal(c.best?.line.text, HEAD);
    assert.equal(c.close, false);
  });
  it('leaves a subheadline under the headline', () => {
    const sub = 'الأهالي يطالبون بمعدات ثقيلة لرفع الركام ويتحدثون عن مفقودين لم يعرف مصيرهم منذ أشهر';
    const c = pick(`${HEAD}\n${sub}\n12.11.2017\n${LEAD}`);
    assert.equal(c.best?.line.text, HEAD);
  });
  it('passes over a ticker of unrelated headlines', () => {
    const ticker = [
      'افتتاح مهرجان للسينما في العاصمة بمشاركة عربية واسعة',
      'منتخب الناشئين يفوز في مباراته الأولى من البطولة',
      'توقعات بهطول أمطار غزيرة على المرتفعات خلال الأيام المقبلة',
    ];
    const c = pick([...ticker, HEAD, '12.11.2017', LEAD].join('\n'));
    assert.equal(c.best?.line.text, HEAD);
    assert.equal(c.close, false);
  });
  it('counts the address slug as evidence', () => {
    const other = 'مصادر محلية تتحدث عن عشرات الجثث تحت أنقاض حي الرشيد';
    const text = `${other}\n${HEAD}\n${LEAD}`;
    assert.equal(pick(text).close, true, 'without the address the two are too close');
    const url = `https://example.com/news/${encodeURIComponent(HEAD.replace(/ /g, '-'))}`;
    const c = pick(text, { url });
    assert.equal(c.best?.line.text, HEAD);
    assert.equal(c.close, false);
    assert.ok(c.best?.reasons.some((r) => r.includes("the address's slug")));
  });
  it('finds nothing in a text that starts with its prose', () => {
    assert.equal(pick(`${LEAD}\n${LEAD}`).best, undefined);
  });
  it('treats a page title with the site name as the headline repeated', () => {
    const c = pick(`${HEAD} - موقع الأخبار\nتقارير\n${HEAD}\n12.11.2017\n${LEAD}`);
    assert.equal(c.best?.line.text, HEAD);
    assert.equal(c.best?.at, 2);
    assert.equal(c.close, false);
  });
});

describe('chooseHeadline on the press as it is', () => {
  const SECOND = 'وقال مدير الدفاع المدني إن فرقه ما زالت تبحث عن مفقودين تحت أنقاض الأبنية المدمرة في أحياء المدينة القديمة.';
  it("takes the headline inside an aggregator's wrapper when both its parts stand, and asks on one part", () => {
    const c = pick(`نعرض لكم زوارنا أهم وأحدث تفاصيل خبر ${HEAD} في المقال التالي\n${LEAD}\n${SECOND}`);
    assert.equal(c.best?.line.text, HEAD);
    assert.equal(c.wrapperUncertain, undefined);
    const half = pick(`إليكم تفاصيل ${HEAD}\n${LEAD}\n${SECOND}`);
    assert.equal(half.wrapperUncertain, '«إليكم تفاصيل»');
  });
  it('takes no line whose sentence runs on into the next line as the headline', () => {
    const head = 'يوم طويل من البحث بدأته فرق الإنقاذ تحت أنقاض الرقة';
    assert.equal(pick(`${head}\nحيث ${LEAD}`).best, undefined);
    // a blank line between: the next paragraph starts anew
    assert.equal(pick(`${head}\n\nحيث ${LEAD}`).best?.line.text, head);
    // a line that ends on its own punctuation has ended
    assert.equal(pick(`${head}؟\nحيث ${LEAD}`).best?.line.text, `${head}؟`);
  });
  it("keeps a headline ending in a spaced full stop when the text's paragraphs end the same way", () => {
    const spaced = (t: string) => t.replace(/\.$/u, ' .');
    const c = pick(`${HEAD} .\n${spaced(LEAD)}\n${spaced(SECOND)}`);
    assert.equal(c.best?.line.text, `${HEAD} .`);
    // under a text whose paragraphs end as sentences do, " ." ends a sentence or a caption
    assert.equal(pick(`${HEAD} .\n${LEAD}\n${SECOND}`).best, undefined);
  });
  it("does not doubt the headline for a subhead standing between the text's paragraphs", () => {
    const head = 'الأهالي يعودون إلى أحياء الرقة الشرقية بعد إزالة الألغام';
    const lead = 'بدأت عشرات العائلات العودة إلى أحياء الرقة الشرقية، بعد أن أنهت فرق الهندسة إزالة الألغام من الشوارع الرئيسية، بحسب ما قال مسؤول في المجلس المحلي.';
    const sub = 'فرق الهندسة أنهت إزالة الألغام من الشوارع الرئيسية';
    const more = 'وعملت فرق الهندسة على مدى ثلاثة أشهر في الأحياء الشرقية، وعثرت على مئات العبوات الناسفة في المنازل والمدارس.';
    for (const text of [`${head}\n${lead}\n${sub}\n${more}`, `${head}\n${lead}\n${sub}`]) {
      const c = pick(text);
      assert.equal(c.best?.line.text, head);
      assert.equal(c.close, false, text);
    }
    // the same line under a caption, not between paragraphs: the headline printed again, in doubt
    assert.equal(pick(`${head}\n${lead}\nخريطة توضيحية للأحياء\n${sub}\n${more}`).close, true);
  });
  it('confirms a short headline the text restates whole right under it, past a photo file name', () => {
    const short = 'براميل متفجرة فوق إدلب';
    const lead = 'ألقت مروحيات النظام براميل متفجرة على أحياء مدينة إدلب فوق رؤوس السكان منذ ساعات الصباح الأولى.';
    const c = pick(`${short}\nCxR4tQw9ZkA2mP\n${lead}\n${SECOND}`);
    assert.equal(c.best?.line.text, short);
    assert.equal(c.unconfirmedShort, undefined);
    // a label the text restates only in part still asks
    assert.equal(pick(`براميل متفجرة فوق حلب\nCxR4tQw9ZkA2mP\n${lead}\n${SECOND}`).unconfirmedShort, true);
  });
});

describe('leadSentenceSigns', () => {
  const lead = 'سيطر التنظيم، اليوم الأحد، مجددا على مدينة تدمر الأثرية وسط البلاد، رغم الغارات الجوية الكثيفة، وذلك بعد انسحاب القوات الحكومية منها، وفق ما أفاد المرصد السوري';
  it("reads a lead's first sentence by its day, its source and its length", () => {
    for (const line of [
      lead,
      'أفادت مصادر محلية، أمس السبت، بأن القوات دخلت البلدة بعد اشتباكات استمرت ساعات',
      'قالت وزارة الدفاع في بيان إن طائراتها نفذت عشرات الغارات على مواقع التنظيم في ريف المدينة الشرقي خلال الساعات الماضية، وإن الغارات دمرت مستودعات للأسلحة',
    ]) {
      assert.ok(leadSentenceSigns(line).length >= 2, `${line}: ${leadSentenceSigns(line).join(', ')}`);
    }
  });
  it('leaves headlines alone, a reported statement or a day in them too', () => {
    for (const line of [
      HEAD,
      'ترامب يقول إن القوات الأمريكية ستنسحب من سوريا',
      'الجيش يدخل الباغوز اليوم الأحد',
      'معارك الباغوز في آذار/مارس 2019 تقترب من نهايتها',
      '«اللحظات الأخيرة لداعش».. «إعلان النصر إيذان بمرحلة جديدة»',
      'مسؤول أمريكي يؤكد انسحاب القوات من قاعدة التنف لـ CNN',
    ]) {
      assert.ok(leadSentenceSigns(line).length < 2, `${line}: ${leadSentenceSigns(line).join(', ')}`);
    }
  });
  it('makes chooseHeadline ask when the likeliest headline reads as the lead', () => {
    const second = 'وقال مدير المرصد إن التنظيم سيطر على مدينة تدمر الأثرية بالكامل رغم الغارات الجوية الكثيفة بعد انسحاب القوات الحكومية منها باتجاه الريف الجنوبي.';
    const c = pick(`${lead}\n${second}\n${LEAD}`);
    assert.equal(c.best?.line.text, lead);
    assert.ok(c.leadSentence && c.leadSentence.length >= 2);
    assert.equal(pick(`${HEAD}\n12.11.2017\n${LEAD}`).leadSentence, undefined);
  });
});

describe('the headline the user gave, found in the text (--title)', () => {
  const title = 'انسحاب المسلحين من أحياء في حلب الشرقية';
  it('is the line that says it, folded, its quotes and final stop aside', () => {
    assert.ok(sameHeadline('«انسحاب المسلحين من أحياء في حلب الشرقية».', title));
    assert.ok(sameHeadline('انسحاب المسلحين من احياء في حلب الشرقيه', title));
  });
  it('is held by a line with a badge, a label or an outlet beside it', () => {
    assert.ok(lineHoldsHeadline(`${title} مميز`, title));
    assert.ok(lineHoldsHeadline(`عاجل | ${title}`, title));
    assert.ok(lineHoldsHeadline(`${title} - المدن`, title));
  });
  it('is not held by a line that goes on with more than three words, or runs a word on', () => {
    assert.equal(lineHoldsHeadline(`${title} بعد أيام من القصف العنيف`, title), false);
    assert.equal(lineHoldsHeadline(`${title}ية`, title), false);
    assert.equal(lineHoldsHeadline(title, title), false);
    // a short title is matched exactly or not at all
    assert.equal(lineHoldsHeadline('حلب الشرقية اليوم', 'حلب الشرقية'), false);
  });
});

describe('a breadcrumb ending in the headline', () => {
  it('gives its last crumb as the candidate, the sections before it left out', () => {
    const lines = toLines(
      'دولي > قصف يدمر مستشفى ميدانيا في حلب ويقتل أطباء\nبيروت (رويترز) - دمرت غارات جوية مستشفى ميدانيا في حي تسيطر عليه المعارضة في مدينة حلب وقتلت عددا من الأطباء والمرضى، بحسب عاملين في القطاع الطبي.\n',
    );
    assert.equal(chooseHeadline(lines, ctx).best?.line.text, 'قصف يدمر مستشفى ميدانيا في حلب ويقتل أطباء');
  });
  it('leaves a breadcrumb of sections alone, and a quotation opening a headline', () => {
    assert.equal(chooseHeadline(toLines('الرئيسية » عربي ودولي » سوريا\n'), ctx).best, undefined);
    const quoted = '«داعش» يتبنى تفجيرات في مدينتين على الساحل السوري';
    assert.equal(
      chooseHeadline(toLines(`${quoted}\n\nأعلن التنظيم مسؤوليته عن تفجيرات في مدينتين على الساحل السوري أسفرت عن مقتل وجرح العشرات، بحسب ما قال المرصد.\n`), ctx).best?.line.text,
      quoted,
    );
  });
});
