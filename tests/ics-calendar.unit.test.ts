/**
 * calendarText (src/export/ics-calendar.ts) writes what the `ics` package's createEvents writes,
 * byte for byte, without createEvents' validation; and refuses an event of another shape.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createEvents } from 'ics';
import { calendarText, type CalendarEvent } from '../src/export/ics-calendar.ts';

const common = { startInputType: 'utc', startOutputType: 'utc', productId: 'arshif', timestamp: Date.UTC(2019, 2, 23) } as const;

function event(n: number, fields: Partial<CalendarEvent> = {}): CalendarEvent {
  return {
    ...common,
    uid: `baghouz-2019-03-${n}@arshif.example.org`,
    title: `حدث رقم ${n}: إعلان السيطرة على الباغوز`,
    description: `عنب بلدي: «في ${n} آذار» — نص طويل بما يكفي ليُطوى السطر على خمسة وسبعين بايتاً، مع فواصل، وفاصلة منقوطة; وسطر ثانٍ\nهنا https://arshif.example.org/articles/x/#p-${n}`,
    url: `https://arshif.example.org/events/baghouz/?n=${n}&a=b`,
    start: [2019, 3, n],
    end: [2019, 3, n + 1],
    categories: ['معركة الباغوز', 'a,b'],
    ...fields,
  };
}

const header = { productId: 'arshif', calName: 'معركة الباغوز، ٢٠١٩' };

function expected(events: CalendarEvent[]): string {
  const { error, value } = createEvents(events, header);
  assert.equal(error, null);
  return value as string;
}

describe('calendarText', () => {
  it('writes what createEvents writes, for one event, several, and none', () => {
    for (const events of [[event(1)], [1, 2, 3, 10, 28].map((n) => event(n)), []]) assert.equal(calendarText(events, header), expected(events));
  });

  it('writes what createEvents writes for an event without a url, and for long unbroken text', () => {
    const { url: _url, ...noUrl } = event(4);
    const long = event(5, { title: 'ب'.repeat(300), description: 'x'.repeat(500) });
    assert.equal(calendarText([noUrl, long], header), expected([noUrl, long]));
  });

  it('refuses an event of another shape, naming it', () => {
    assert.throws(() => calendarText([event(6, { start: [2019, 13, 1] })], header), /calendar event baghouz-2019-03-6@arshif\.example\.org: start\.1/);
    assert.throws(() => calendarText([{ ...event(7), location: 'x' } as CalendarEvent], header), /baghouz-2019-03-7/);
  });
});
