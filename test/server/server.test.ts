import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { test } from 'node:test';
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
