// One worker of the unit phase (started by scripts/test.mjs under `node --test`).
// Starting a Node process per test file costs more CPU than most unit files
// (module loading, source maps), and Node 20 has no --test-isolation=none, so a
// few workers run the unit files in-process instead. The files wait in a queue
// (UNIT_QUEUE: a folder holding files.json); a worker claims the next file by
// creating the folder named after its index (mkdir is atomic, so exactly one
// worker gets each file) and runs it as a suite named after its source path,
// so that every report and failure names the file. When a file's suite ends,
// the worker claims the next one: the slow files spread over the workers
// whatever their order, without a table of durations to keep up to date.
'use strict';
const { AsyncResource } = require('node:async_hooks');
const { mkdirSync, readFileSync } = require('node:fs');
const { join } = require('node:path');
const { after, describe } = require('node:test');

const queue = process.env.UNIT_QUEUE;
if (!queue) throw new Error('UNIT_QUEUE is not set: run the unit phase with scripts/test.mjs');
/** @type {{ name: string, path: string }[]} */
const files = JSON.parse(readFileSync(join(queue, 'files.json'), 'utf8'));

/** The index of the next file nobody has claimed, now claimed by this worker; -1 when all are taken. */
function claim() {
  for (let i = 0; i < files.length; i++) {
    try {
      mkdirSync(join(queue, String(i)));
      return i;
    } catch (err) {
      if (err.code !== 'EEXIST') throw err;
    }
  }
  return -1;
}

// Bound to the top-level context: a suite declared from inside another suite's
// hook would otherwise become that (finished) suite's child; bound, it is a
// top-level suite like the first. node:test does not promise this (Node 20.20
// does it), so scripts/unit-report.mjs checks each run: a file whose suite is
// not reported at top level with its tests fails the unit phase by name.
const runNext = AsyncResource.bind(() => {
  const i = claim();
  if (i < 0) return;
  describe(files[i].name, () => {
    let loaded = false;
    try {
      require(files[i].path);
      loaded = true;
    } finally {
      // Registered after the file's own top-level hooks, so it runs after them.
      // A file that throws while loading fails its suite, and the queue goes on.
      if (loaded) after(() => setImmediate(runNext));
      else setImmediate(runNext);
    }
  });
});

runNext();
