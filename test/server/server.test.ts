import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { encodeSemanticTokens } from '../../src/server/semanticTokens';
import { startTestClient } from '../helpers/lspClient';

test('initialize announces capabilities and serverInfo', async () => {
  const { client, initializeResult } = await startTestClient();
  try {
    assert.equal(initializeResult.serverInfo?.name, 'smtp-eml');
    const caps = initializeResult.capabilities;
    assert.ok(caps.hoverProvider);
    assert.ok(caps.completionProvider);
    assert.ok(caps.documentSymbolProvider);
    assert.ok(caps.foldingRangeProvider);
    assert.ok(caps.codeActionProvider);
    assert.ok(caps.semanticTokensProvider);
    assert.equal(caps.diagnosticProvider, undefined, 'push mode when the client cannot pull');
  } finally {
    await client.dispose();
  }
});

test('pull diagnostics are announced when the client supports them', async () => {
  const { client, initializeResult } = await startTestClient({ pullDiagnostics: true });
  try {
    assert.ok(initializeResult.capabilities.diagnosticProvider);
  } finally {
    await client.dispose();
  }
});

test('dist/server.js --stdio answers initialize over real stdio', async () => {
  const serverPath = join(__dirname, '..', '..', '..', 'dist', 'server.js');
  const child = spawn(process.execPath, [serverPath, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  try {
    const body = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } });
    child.stdin.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
    const reply = await new Promise<string>((resolve, reject) => {
      let buf = '';
      child.stdout.on('data', (d: Buffer) => {
        buf += d.toString('utf8');
        const m = /Content-Length: (\d+)\r\n\r\n/.exec(buf);
        if (m && buf.length >= m.index + m[0].length + Number(m[1])) resolve(buf.slice(m.index + m[0].length));
      });
      child.on('exit', (code) => reject(new Error(`server exited with ${code}`)));
    });
    const result = JSON.parse(reply).result;
    assert.equal(result.serverInfo.name, 'smtp-eml');
    assert.ok(result.capabilities.textDocumentSync);
  } finally {
    child.kill();
  }
});

test('semantic token encoder never emits overlapping tokens', async () => {
  const doc = TextDocument.create('file:///a.eml', 'eml', 1, 'To: a@b, c@d\r\nX: y');
  const { data } = encodeSemanticTokens(doc, [
    { offset: 4, length: 8, type: 'variable' },
    { offset: 9, length: 3, type: 'variable' }, // inside the first: dropped
    { offset: 6, length: 12, type: 'string' }, // starts inside, runs past: trimmed to the next line
    { offset: 0, length: 2, type: 'property' },
  ]);
  const tokens: Array<[number, number, number]> = [];
  let line = 0;
  let char = 0;
  for (let i = 0; i < data.length; i += 5) {
    line += data[i];
    char = data[i] === 0 ? char + data[i + 1] : data[i + 1];
    tokens.push([line, char, data[i + 2]]);
  }
  assert.deepEqual(tokens, [
    [0, 0, 2],
    [0, 4, 8],
    [1, 0, 4],
  ]);
  for (let i = 1; i < tokens.length; i++) {
    const [l, c] = tokens[i];
    const [pl, pc, plen] = tokens[i - 1];
    assert.ok(l > pl || c >= pc + plen, `token ${i} overlaps`);
  }
});
