/**
 * An iCalendar file (RFC 5545) of all-day events, written by the `ics` package's own builder and
 * formatter, as its `createEvents` writes it, but without the per-event validation `createEvents`
 * runs first (yup schemas, most of its time, and yup itself to load): the events are checked
 * once here with a zod schema of the fields the archive writes. The bytes are the same
 * (tests/ics-calendar.unit.test.ts compares them with `createEvents` on the seed events and on
 * edge cases).
 *
 * `ics` exports only its whole API; its builder and formatter (dist/pipeline/build.js and
 * format.js, which do not load yup) are loaded by path from the installed package, whose
 * version package-lock.json pins.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { EventAttributes, HeaderAttributes } from 'ics';
import { z } from 'zod';
import './ics-fold.ts'; // the package's line fold, made linear (see there): format.js reads it through utils' getter

const require = createRequire(import.meta.url);

interface Pipeline {
  buildHeader(attributes: object): object;
  buildEvent(attributes: object): object;
  formatHeader(value: object): string;
  formatEvent(value: object): string;
  formatFooter(): string;
}

let pipeline: Pipeline | undefined;

function icsPipeline(): Pipeline {
  if (pipeline) return pipeline;
  const dist = dirname(require.resolve('ics'));
  pipeline = { ...require(join(dist, 'pipeline', 'build.js')), ...require(join(dist, 'pipeline', 'format.js')) } as Pipeline;
  return pipeline;
}

const dateArray = z.tuple([z.number().int(), z.number().int().min(1).max(12), z.number().int().min(1).max(31)]);

/** The events the archive writes: what `ics`'s schema checks of these fields, and no other field. */
const calendarEventSchema = z
  .object({
    uid: z.string(),
    title: z.string(),
    description: z.string(),
    url: z
      .string()
      .regex(/^https?:\/\/\S+$/)
      .optional(),
    start: dateArray,
    end: dateArray,
    startInputType: z.literal('utc'),
    startOutputType: z.literal('utc'),
    categories: z.array(z.string()),
    productId: z.string(),
    timestamp: z.number().int().min(0),
  })
  .strict();

/** A day: year, month (1–12), day of the month. */
export type CalendarDay = [number, number, number];
export type CalendarEvent = z.infer<typeof calendarEventSchema>;

const headerSchema = z.object({ productId: z.string(), calName: z.string() }).strict();

/**
 * The calendar of `events` with `header`, as `createEvents(events, header)` gives it; throws
 * when an event is not of the shape the archive writes (the message names the event's uid).
 */
export function calendarText(events: readonly CalendarEvent[], header: HeaderAttributes & { productId: string; calName: string }): string {
  headerSchema.parse(header);
  for (const event of events) {
    const checked = calendarEventSchema.safeParse(event);
    if (!checked.success) throw new Error(`calendar event ${event.uid}: ${checked.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }
  const { buildHeader, buildEvent, formatHeader, formatEvent, formatFooter } = icsPipeline();
  // What createEvents formats: the header from the first event and the header's attributes, each event as built.
  const both = (attributes: object) => ({ ...buildHeader(attributes), ...buildEvent(attributes) });
  const first = events[0];
  let text = formatHeader(first ? both({ ...first, ...header }) : buildHeader(header));
  for (const event of events) text += formatEvent(both(event as EventAttributes));
  return text + formatFooter();
}
