/**
 * The archive's maps drawn together rather than one by one, so that the ones the store does not
 * hold can be drawn on two threads (src/core/workers.ts). The model plans every map first
 * (src/model/maps.ts), draws them all here, then makes the views with them. A map depends only
 * on its own arguments (renderPlaceMap is pure), so drawing them together, in another order or
 * on another thread changes none of them.
 */
import { createHash } from 'node:crypto';
import { renderPlaceMap } from '../maps/map.ts';
import { isMapRecord, RECORD_FORMAT, type MapRecord } from './records.ts';
import { runSharedWork } from '../../core/workers.ts';
import type { DerivedStore } from './derive.ts';

export type MapArgs = Parameters<typeof renderPlaceMap>;

/** The key of a map: exactly what renderPlaceMap reads, and the code version. */
export function mapKey(version: string, places: MapArgs[0], options: MapArgs[1]): string {
  return createHash('sha256').update(JSON.stringify(['map', version, places, options])).digest('hex');
}

/** Fewer maps to draw than this are drawn on this thread only. */
const MIN_MAPS_FOR_WORKER = 16;

/** The worker's compute function (shared-work.ts). */
export function mapWorker(): (args: MapArgs) => string {
  return (args) => renderPlaceMap(...args);
}

/**
 * Every map of `requests` (renderPlaceMap's arguments), in their order: taken from the store
 * where it holds them, the others drawn (on two threads where there are many) and stored.
 */
export function drawMaps(requests: readonly MapArgs[], store?: DerivedStore): string[] {
  const drawn: string[] = new Array(requests.length);
  const keys = requests.map(([places, options]) => (store ? mapKey(store.version, places, options) : ''));
  const todo: number[] = [];
  requests.forEach((_args, i) => {
    const stored = store?.read('maps', keys[i] as string);
    if (store && isMapRecord(stored, keys[i] as string)) drawn[i] = stored.svg;
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
    if (store) {
      const record: MapRecord = { format: RECORD_FORMAT, key: keys[i] as string, svg };
      store.write('maps', record.key, record);
    }
  });
  return drawn;
}
