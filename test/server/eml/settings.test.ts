import assert from 'node:assert/strict';
import { test } from 'node:test';
import { startTestClient } from '../../helpers/lspClient';
import { nestedMessage, openEml } from './util';

test('changing maxDepth re-parses: the shared parse is keyed by the limit, not only the version', { timeout: 60_000 }, async () => {
  const { client } = await startTestClient({ settings: { validation: { maxDepth: 10 } } });
  try {
    const { uri, diagnostics } = await openEml(client, nestedMessage(20));
    // The open may be validated before the settings arrive; wait for the configured state.
    // Settings reach the server asynchronously: wait (on publications) for the limit of 10.
    let current = diagnostics;
    while (!current.some((d) => d.code === 'nesting-too-deep')) current = await client.nextDiagnostics(uri);
    const shallowOutline = await client.documentSymbols(uri);
    const after = client.nextDiagnostics(uri);
    await client.changeSettings({ validation: { maxDepth: 100 } });
    current = await after;
    // A publication scheduled before the change may still arrive first: wait for the new limit.
    while (current.some((d) => d.code === 'nesting-too-deep')) current = await client.nextDiagnostics(uri);
    const count = (symbols: typeof shallowOutline): number => {
      let n = 0;
      const stack = [...symbols];
      while (stack.length) {
        const s = stack.pop()!;
        n++;
        stack.push(...(s.children ?? []));
      }
      return n;
    };
    assert.ok(count(await client.documentSymbols(uri)) > count(shallowOutline), 'the outline shows the deeper parts now');
  } finally {
    await client.dispose();
  }
});
