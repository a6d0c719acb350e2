/**
 * The archive's maps drawn together rather than one by one as they are asked for, so that the
 * ones the store does not hold can be drawn on two threads (shared-work.ts).
 *
 * `draw` has renderPlaceMap's signature but only notes the request and returns a placeholder;
 * `finish` then draws every noted map (or takes it from the store), and `resolve` turns a
 * placeholder back into its map. The caller replaces each placeholder it kept by its map before
 * anyone reads it. A map depends only on its own arguments (renderPlaceMap is pure), so drawing
 * them later, in another order or on another thread changes none of them.
 */
import { renderPlaceMap } from '../maps/map.ts';
import { MAPS, mapKeyParts, mapSchema } from './records.ts';
import { runSharedWork } from '../../core/workers.ts';
import { memoKey, readMemo, writeMemo } from '../../cache/memo.ts';
import type { Store } from '../../cache/store.ts';

type MapArgs = Parameters<typeof renderPlaceMap>;

/** Fewer maps to draw than this are drawn on this thread only. */
const MIN_MAPS_FOR_WORKER = 16;

/** The worker's compute function (shared-work.ts). */
export function mapWorker(): (args: MapArgs) => string {
  return (args) => renderPlaceMap(...args);
}

export interface MapBatch {
  /** Notes a map to draw; returns its placeholder. */
  draw: typeof renderPlaceMap;
  /** Draws every map noted (those the store lacks), and stores the new ones. */
  finish(): void;
  /** The map of a placeholder `draw` returned, after `finish`; any other text unchanged. */
  resolve(text: string): string;
}

// A placeholder cannot be mistaken for a map: a map starts with "<svg".
const PLACEHOLDER = /^\u0000arshif-map:(\d+)\u0000$/;

export function createMapBatch(store?: Store): MapBatch {
  const requests: MapArgs[] = [];
  const drawn: string[] = [];
  let finished = false;
  return {
    draw: (places, options) => {
      if (finished) throw new Error('MapBatch: draw after finish');
      requests.push([places, options]);
      return `\u0000arshif-map:${requests.length - 1}\u0000`;
    },
    finish: () => {
      finished = true;
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
    },
    resolve: (text) => {
      const m = PLACEHOLDER.exec(text);
      if (!m) return text;
      const svg = drawn[Number(m[1])];
      if (svg === undefined) throw new Error('MapBatch: resolve before finish');
      return svg;
    },
  };
}
