/**
 * The archive's maps drawn together rather than one by one, so that the ones the store does not
 * hold can be drawn on two threads (src/core/workers.ts). The model plans every map first
 * (src/model/maps.ts), draws them all here, then makes the views with them. A map depends only
 * on its own arguments (renderPlaceMap is pure), so drawing them together, in another order or
 * on another thread changes none of them.
 */
import { renderPlaceMap } from '../maps/map.ts';
import { MAPS, mapKeyParts, mapSchema } from './records.ts';
import { runSharedWork } from '../../core/workers.ts';
import { memoKey, readMemo, writeMemo } from '../../cache/memo.ts';
import type { Store } from '../../cache/store.ts';

export type MapArgs = Parameters<typeof renderPlaceMap>;

/**
 * Fewer maps to draw than this are drawn on this thread only. A map costs about 15 ms to draw
 * (the first about 200 ms more: the outlines are read), and a worker about 0.9 s of a core to
 * start before it draws any (tsx, the modules, the outlines), so it wins time only from about 60
 * maps on: the seed archive's 30 maps are drawn faster here alone, the 1,000-article benchmark's
 * 223 on two threads (BENCHMARKS.md, "Fixed costs").
 */
export const MIN_MAPS_FOR_WORKER = 64;

/** The worker's compute function (shared-work.ts). */
export function mapWorker(): (args: MapArgs) => string {
  return (args) => renderPlaceMap(...args);
}

/**
 * Every map of `requests` (renderPlaceMap's arguments), in their order: taken from the store
 * where it holds them, the others drawn (on two threads where there are many) and stored.
 */
export function drawMaps(requests: readonly MapArgs[], store?: Store): string[] {
  const drawn: string[] = new Array(requests.length);
  const keys = requests.map(([places, options]) => (store ? memoKey(store.version, mapKeyParts(places, options)) : ''));
  const todo: number[] = [];
  requests.forEach((_args, i) => {
    const stored = store && readMemo(store, MAPS, keys[i] as string, mapSchema);
    if (stored !== undefined) drawn[i] = stored;
    else todo.push(i);
  });
  const svgs = runSharedWork({
    tasks: todo.map((i) => requests[i] as MapArgs),
    compute: mapWorker(),
    module: new URL('./map-batch.ts', import.meta.url),
    exportName: 'mapWorker',
    setup: undefined,
    minTasks: MIN_MAPS_FOR_WORKER,
    chunk: 1,
  });
  svgs.forEach((svg, t) => {
    const i = todo[t] as number;
    drawn[i] = svg;
    if (store) writeMemo(store, MAPS, keys[i] as string, svg);
  });
  return drawn;
}
