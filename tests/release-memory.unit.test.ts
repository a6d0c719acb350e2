import assert from 'node:assert/strict';
import { test } from 'node:test';
import { releaseMemory } from '../src/core/release-memory.ts';

test('releaseMemory gives back the heap that unreachable data held', () => {
  let held: string[][] | undefined = [];
  for (let i = 0; i < 400; i++) held.push(Array.from({ length: 2_000 }, (_, j) => `${i}:${j}:${'x'.repeat(40)}`));
  const whileHeld = process.memoryUsage().heapTotal;
  assert.ok(held.length === 400);
  held = undefined;
  releaseMemory();
  const after = process.memoryUsage().heapTotal;
  // about 100 MB were held; a full collection returns most of those pages
  assert.ok(after < whileHeld - 50 * 1024 * 1024, `heap ${whileHeld} → ${after} bytes`);
});

test('releaseMemory can be called again', () => {
  releaseMemory();
  releaseMemory();
});
