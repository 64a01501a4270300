import assert from 'node:assert/strict';
import { test } from 'node:test';
import { startTestClient } from '../helpers/lspClient';

/**
 * Settings are read per document (`scopeUri`), so a workspace folder's own
 * severities and limits apply to its files. Before, the server asked once
 * without a scope and applied one global copy to every document.
 */
const NO_DATE = 'From: a@example.org\r\nTo: b@example.org\r\nSubject: s\r\nMessage-ID: <1@example.org>\r\n\r\nbody\r\n';
const FOLDER_A = 'file:///work/a/';
const FOLDER_B = 'file:///work/b/';

function folderSettings(a: unknown, b: unknown): (scopeUri?: string) => unknown {
  return (scopeUri) => (scopeUri?.startsWith(FOLDER_A) ? a : scopeUri?.startsWith(FOLDER_B) ? b : {});
}

const codesOf = (diagnostics: { code?: unknown }[]): unknown[] => diagnostics.map((d) => d.code);

test('each folder gets its own severities (push diagnostics)', { timeout: 30_000 }, async () => {
  const { client } = await startTestClient({
    settings: folderSettings({ diagnostics: { 'missing-date': 'off' } }, { diagnostics: { 'missing-date': 'hint' } }),
  });
  try {
    const a = await client.open(`${FOLDER_A}x.eml`, 'eml', NO_DATE);
    const b = await client.open(`${FOLDER_B}y.eml`, 'eml', NO_DATE);
    assert.ok(!codesOf(a).includes('missing-date'), `folder a turns missing-date off: ${JSON.stringify(codesOf(a))}`);
    const bDate = b.find((d) => d.code === 'missing-date');
    assert.equal(bDate?.severity, 4, 'folder b makes missing-date a hint');
    const scopes = client.configurationRequests.map((i) => i.scopeUri).filter(Boolean);
    assert.ok(scopes.includes(`${FOLDER_A}x.eml`) && scopes.includes(`${FOLDER_B}y.eml`), `asked per document: ${JSON.stringify(scopes)}`);

    // A configuration change is re-read per folder: swap the two folders' settings.
    const again = client.nextDiagnostics(`${FOLDER_A}x.eml`, 1);
    const againB = client.nextDiagnostics(`${FOLDER_B}y.eml`, 1);
    await client.changeSettings(folderSettings({}, { diagnostics: { 'missing-date': 'off' } }));
    const [a2, b2] = await Promise.all([again, againB]);
    assert.equal(a2.find((d) => d.code === 'missing-date')?.severity, 1, 'folder a back to the default error');
    assert.ok(!codesOf(b2).includes('missing-date'), 'folder b now turns it off');
  } finally {
    await client.dispose();
  }
});

test('each folder gets its own severities (pull diagnostics)', { timeout: 30_000 }, async () => {
  const { client } = await startTestClient({
    pullDiagnostics: true,
    settings: folderSettings({ diagnostics: { 'missing-date': 'off' } }, {}),
  });
  try {
    await client.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri: `${FOLDER_A}x.eml`, languageId: 'eml', version: 1, text: NO_DATE },
    });
    await client.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri: `${FOLDER_B}y.eml`, languageId: 'eml', version: 1, text: NO_DATE },
    });
    const a = await client.pullDiagnostics(`${FOLDER_A}x.eml`);
    const b = await client.pullDiagnostics(`${FOLDER_B}y.eml`);
    assert.equal(a.kind, 'full');
    assert.equal(b.kind, 'full');
    assert.ok(a.kind === 'full' && !codesOf(a.items).includes('missing-date'));
    assert.ok(b.kind === 'full' && codesOf(b.items).includes('missing-date'));
  } finally {
    await client.dispose();
  }
});

test('limits apply per folder: a small maxFullSize in one folder only', { timeout: 30_000 }, async () => {
  const big = `From: a@example.org\r\nDate: Mon, 1 Jan 2024 00:00:00 +0000\r\nSubject: s\r\nTo: b@example.org\r\n\r\n${'x'.repeat(70)}\r\n`.repeat(1)
    + `${'line of body text\r\n'.repeat(200)}`;
  const { client } = await startTestClient({ settings: folderSettings({ validation: { maxFullSize: 1024 } }, {}) });
  try {
    const a = await client.open(`${FOLDER_A}big.eml`, 'eml', big);
    const b = await client.open(`${FOLDER_B}big.eml`, 'eml', big);
    assert.ok(codesOf(a).includes('too-large'), `folder a limits validation: ${JSON.stringify(codesOf(a))}`);
    assert.ok(!codesOf(b).includes('too-large'), 'folder b uses the default limit');
  } finally {
    await client.dispose();
  }
});

test('a feature request runs with its document\'s settings and honours cancellation', { timeout: 30_000 }, async () => {
  const { client } = await startTestClient({ settings: folderSettings({}, {}) });
  try {
    await client.open(`${FOLDER_A}x.eml`, 'eml', NO_DATE);
    const symbols = await client.documentSymbols(`${FOLDER_A}x.eml`);
    assert.ok(Array.isArray(symbols) && symbols.length > 0);
    // A request for a document that is not open answers empty, never throws.
    assert.deepEqual(await client.documentSymbols(`${FOLDER_A}missing.eml`), []);
  } finally {
    await client.dispose();
  }
});
