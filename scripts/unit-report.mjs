// The unit phase's self-check (scripts/test.mjs runs it beside the spec reporter).
// scripts/unit-worker.cjs declares each file's suite from a callback bound with
// AsyncResource.bind, relying on node:test to take a suite declared there as a
// top-level one (true of Node 20.20). Were that to change, a file's suite would
// become a child of the finished suite before it and never run, and the phase
// would end with an unhandled rejection or a count that looks about right rather
// than with the names of the files that did not run. So the run's own events are
// checked: every file's suite reported once, at top level, with the tests run
// inside it counted; nothing else at top level; the run's top-level count equal
// to the number of files.

/**
 * A node:test reporter: for each top-level test, its name, whether it is a
 * suite, whether it failed and how many tests (not suites) were reported inside
 * it; the run's count of top-level tests; and any top-level test that started
 * while another was being reported (node:test reports each in one block, which
 * is what attributes the tests to their suite). Writes one JSON document at the end.
 */
export default async function* unitReport(source) {
  const top = [];
  const anomalies = [];
  let plan;
  let open;
  for await (const { type, data } of source) {
    if (type === 'test:plan' && data.nesting === 0) plan = data.count;
    if (type === 'test:start' && data.nesting === 0) {
      if (open) anomalies.push(`${data.name} started while ${open.name} was being reported`);
      open = { name: data.name, tests: 0 };
      continue;
    }
    if (type !== 'test:pass' && type !== 'test:fail') continue;
    if (data.nesting === 0) {
      top.push({ name: data.name, suite: data.details?.type === 'suite', failed: type === 'test:fail', tests: open?.name === data.name ? open.tests : 0 });
      open = undefined;
    } else if (data.details?.type !== 'suite' && open) {
      open.tests++;
    }
  }
  yield `${JSON.stringify({ top, plan, anomalies })}\n`;
}

/**
 * What is wrong with a report of `unitReport` for a run of the files named
 * `names` (each file's suite is named after it): empty when every file's suite
 * was reported once at top level with at least one test counted (a suite that
 * failed, as when its file throws while loading, may have none).
 */
export function checkUnitReport(names, report) {
  const problems = [];
  for (const name of names) {
    const entries = report.top.filter((t) => t.name === name);
    if (entries.length === 0) problems.push(`${name}: no top-level suite of its tests was reported (declared inside another suite, or never run)`);
    else if (entries.length > 1) problems.push(`${name}: reported ${entries.length} times at top level`);
    else if (!entries[0].suite) problems.push(`${name}: reported at top level, but not as a suite`);
    else if (!entries[0].failed && entries[0].tests === 0) problems.push(`${name}: its suite passed with no test counted in it`);
  }
  const known = new Set(names);
  for (const t of report.top) if (!known.has(t.name)) problems.push(`a top-level test that is no file's suite: ${t.name}${t.failed ? ' (failed)' : ''}`);
  if (report.plan !== names.length) problems.push(`the run counted ${report.plan ?? 'no'} top-level tests for ${names.length} files`);
  problems.push(...report.anomalies);
  return problems;
}
