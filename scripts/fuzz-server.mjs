#!/usr/bin/env node
// Fuzzes the language server process ("Language server under hostile input").
//
// Starts `node dist/server.js --stdio` and, over real stdio, (1) applies random edits to an
// .eml and a .smtp document with random requests (hover, completion, symbols, folding, code
// actions, semantic tokens, inlay hints, code lenses) at random positions, checking that every
// request is answered, no feature throws (the server logs "X failed:" when guard() catches),
// every published diagnostic lies inside its document, the process never exits and its
// resident memory stays flat; then (2) opens hostile documents (a PNG renamed .eml, a 50 MB
// message, a 1 MB line, a 10,000-deep multipart, each also as a transcript where it makes
// sense) and checks each gets diagnostics in bounded time, with the limit diagnostics
// (`too-large`, `nesting-too-deep`, `line-too-long`) where the settings say so.
//
// Usage: node scripts/fuzz-server.mjs [--seed N] [--edits N] [--phase edits|hostile|all] [--json]
// `FUZZ_RUNS` raises the edit count; `FUZZ_SEED` sets the seed. Exit status 0 when every check
// passes; the last stdout line is a JSON summary with `--json`.
// The deadlines below are hang detectors, not speed requirements.
import { spawn } from 'node:child_process';
import { readFileSync, readdirSync, statSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { createRandom } from '../bench/generate.mjs';

const require = createRequire(import.meta.url);
const rpc = require('vscode-jsonrpc/node');
const { TextDocument } = require('vscode-languageserver-textdocument');

const root = new URL('..', import.meta.url).pathname;
const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && i + 1 < process.argv.length ? process.argv[i + 1] : fallback;
};
const seed = Number(arg('seed', process.env.FUZZ_SEED || 20261127));
const edits = Math.max(Number(arg('edits', 1000)), Number(process.env.FUZZ_RUNS) || 0);
const phase = arg('phase', 'all');
const asJson = process.argv.includes('--json');
const serverPath = arg('server', join(root, 'dist', 'server.js'));
/** Hang detector for any single request or diagnostics wait. */
const DEADLINE_MS = Number(arg('deadline', 60_000));
/** For the hostile documents (50 MB and friends): generous, because CI machines can be heavily loaded; a quadratic scan of them would still take hours. */
const HOSTILE_DEADLINE_MS = Number(arg('hostile-deadline', 240_000));

// mulberry32, the bench's seeded PRNG, so runs are reproducible.
const random = createRandom(seed);
const int = (n) => Math.floor(random() * n);
const pick = (xs) => xs[int(xs.length)];

const failures = [];
const fail = (what) => {
  failures.push(what);
  if (!asJson) console.error(`FAIL: ${what}`);
};
const log = (...a) => {
  if (!asJson) console.log(...a);
};

// ---- corpus and snippets ----
const corpusRoot = join(root, '..', 'shared', 'corpus');
function listFiles(dir) {
  if (!existsSync(dir)) return [];
  const out = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...listFiles(p));
    else if (!/\.(json|xml|out|md)$|COPYING/.test(name) && statSync(p).size < 200_000) out.push(p);
  }
  return out;
}
const emlCorpus = listFiles(join(corpusRoot, 'eml'));
const smtpCorpus = listFiles(join(corpusRoot, 'smtp'));
const readText = (p) => readFileSync(p).toString('latin1');

const SNIPPETS = [
  '\r\n', '\n', '\r', '\0', '\uFEFF', '\uD800', '\uDC00', '\uD83D\uDE00', ' ', '\t', ':', ';', '"', '\\', '<', '>', '@',
  '=', '?', '=?', '?=', '=?utf-8?B?', '=?iso-8859-1?Q?caf=E9?=', '=?x?q?', '=\r\n', '=4', '=ZZ', '--', '--b1', '--b1--',
  'Content-Type: multipart/mixed; boundary=b1\r\n', 'Content-Type: message/rfc822\r\n', 'boundary="', 'charset*0*=',
  'Content-Transfer-Encoding: base64\r\n', 'Content-Transfer-Encoding: quoted-printable\r\n', 'MIME-Version: 1.0\r\n',
  'From: A <a@example.com>\r\n', 'To: b@example.com, "x, y" <c@d>\r\n', 'Date: Mon, 30 Feb 2026 25:61:61 +9999\r\n',
  'Subject: ', 'Message-ID: <', 'Bcc: ', '(', ')', '((((((((', '""""', 'x'.repeat(1200),
  'C: ', 'S: ', 'C: EHLO x\r\n', 'S: 250-', 'S: 250 OK\r\n', 'C: MAIL FROM:<a@b>\r\n', 'C: RCPT TO:<', 'C: DATA\r\n',
  'S: 354 go\r\n', 'C: .\r\n', 'C: ..\r\n', 'C: AUTH PLAIN AGFkbWluAHNlY3JldA==\r\n', 'C: QUIT\r\n', 'S: 999 ',
  '# note\r\n', 'é', 'ß', '\u0301', '\u202E', '\uFFFF',
];
function snippet() {
  const n = 1 + int(3);
  let s = '';
  for (let i = 0; i < n; i++) {
    const r = random();
    if (r < 0.7) s += pick(SNIPPETS);
    else if (r < 0.85) s += String.fromCharCode(int(128));
    else s += String.fromCharCode(int(0x10000));
  }
  return s;
}

// ---- the server ----
const child = spawn(process.execPath, [serverPath, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
let exited = null;
child.on('exit', (code, signal) => {
  exited = { code, signal };
});
let stderr = '';
child.stderr.on('data', (d) => {
  stderr = (stderr + d.toString()).slice(-20_000);
});
const connection = rpc.createMessageConnection(new rpc.StreamMessageReader(child.stdout), new rpc.StreamMessageWriter(child.stdin));
let settings = {};
/** Resolved by the server's next `workspace/configuration` request (see setSettings). */
let onConfigurationAsked = () => {};
connection.onRequest('workspace/configuration', (p) => {
  onConfigurationAsked();
  return p.items.map(() => settings);
});
connection.onRequest('client/registerCapability', () => null);
connection.onRequest('workspace/diagnostic/refresh', () => null);
connection.onRequest('workspace/semanticTokens/refresh', () => null);
connection.onRequest('workspace/inlayHint/refresh', () => null);
connection.onRequest('workspace/codeLens/refresh', () => null);
const serverErrors = [];
connection.onNotification('window/logMessage', (m) => {
  if (m.type === 1 && serverErrors.length < 50) serverErrors.push(m.message.slice(0, 2000));
});
/** uri -> {version, diagnostics} of the newest publication. */
const published = new Map();
const waiters = [];
connection.onNotification('textDocument/publishDiagnostics', (p) => {
  published.set(p.uri, p);
  checkDiagnostics(p);
  for (const w of waiters.splice(0)) if (!w(p)) waiters.push(w);
});
connection.listen();

function withDeadline(promise, what, ms = DEADLINE_MS) {
  let timer;
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer to ${what} within ${ms} ms (hang)`)), ms);
    }),
  ]);
}

function waitDiagnostics(uri, version, what, ms = DEADLINE_MS) {
  const current = published.get(uri);
  if (current && (version === undefined || current.version === undefined || current.version >= version)) return Promise.resolve(current);
  return withDeadline(
    new Promise((resolve) => {
      waiters.push((p) => {
        if (p.uri === uri && (version === undefined || p.version === undefined || p.version >= version)) {
          resolve(p);
          return true;
        }
        return false;
      });
    }),
    what,
    ms,
  );
}

function rssKb() {
  try {
    const m = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
    return m ? Number(m[1]) : undefined;
  } catch {
    return undefined;
  }
}

// ---- documents ----
/** uri -> {languageId, doc (TextDocument), lines per version for range checks} */
const docs = new Map();
const shapes = new Map(); // `${uri}@${version}` -> line lengths

function remember(uri, doc) {
  const lengths = [];
  for (let line = 0; line < doc.lineCount; line++) {
    const start = doc.offsetAt({ line, character: 0 });
    const end = line + 1 < doc.lineCount ? doc.offsetAt({ line: line + 1, character: 0 }) : doc.getText().length;
    lengths.push(end - start);
  }
  shapes.set(`${uri}@${doc.version}`, lengths);
  shapes.delete(`${uri}@${doc.version - 50}`);
}

let diagnosticsChecked = 0;
function checkDiagnostics(p) {
  const lengths = shapes.get(`${p.uri}@${p.version}`);
  if (!lengths) return;
  for (const d of p.diagnostics) {
    diagnosticsChecked++;
    const { start, end } = d.range;
    const inside = (pos) => pos.line >= 0 && pos.character >= 0 && pos.line < lengths.length && pos.character <= lengths[pos.line];
    const ordered = start.line < end.line || (start.line === end.line && start.character <= end.character);
    if (!inside(start) || !inside(end) || !ordered || typeof d.message !== 'string' || !d.message) {
      fail(`diagnostic outside its document or malformed: ${p.uri} v${p.version} ${JSON.stringify(d).slice(0, 300)}`);
      return;
    }
  }
}

async function open(uri, languageId, text) {
  const doc = TextDocument.create(uri, languageId, 1, text);
  docs.set(uri, doc);
  remember(uri, doc);
  await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
  return doc;
}

async function change(uri, changes) {
  const doc = docs.get(uri);
  const version = doc.version + 1;
  TextDocument.update(doc, changes, version);
  remember(uri, doc);
  await connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: changes });
  return version;
}

function randomPosition(doc) {
  const r = random();
  if (r < 0.1) return { line: doc.lineCount + int(5), character: int(200) }; // beyond the end
  const line = int(doc.lineCount);
  const lineText = doc.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } });
  if (r < 0.2) return { line, character: lineText.length + int(50) }; // beyond the line
  return { line, character: int(lineText.length + 1) };
}

function randomEdit(doc) {
  const text = doc.getText();
  const r = random();
  if (r < 0.02) {
    // Whole-document replacement with a corpus file, sometimes truncated.
    const pool = doc.languageId === 'eml' ? emlCorpus : smtpCorpus;
    let t = pool.length ? readText(pick(pool)) : snippet();
    if (random() < 0.5) t = t.slice(0, int(t.length + 1));
    return [{ text: t }];
  }
  const a = int(text.length + 1);
  const span = random() < 0.9 ? int(20) : int(3000);
  const b = Math.min(text.length, a + span);
  const insert = random() < 0.25 ? '' : snippet();
  const range = { start: doc.positionAt(a), end: doc.positionAt(b) };
  return [{ range, text: insert }];
}

const REQUESTS = ['hover', 'completion', 'symbols', 'folding', 'codeAction', 'semanticTokens', 'inlayHint', 'codeLens'];
let requestsAnswered = 0;
const errorResponses = [];

async function randomRequest(uri, forcedKind) {
  const doc = docs.get(uri);
  const kind = forcedKind ?? pick(REQUESTS);
  const textDocument = { uri };
  const position = randomPosition(doc);
  const range = () => {
    const a = randomPosition(doc);
    const b = randomPosition(doc);
    return a.line < b.line || (a.line === b.line && a.character <= b.character) ? { start: a, end: b } : { start: b, end: a };
  };
  let method;
  let params;
  let ownDiagnostics = false;
  switch (kind) {
    case 'hover':
      [method, params] = ['textDocument/hover', { textDocument, position }];
      break;
    case 'completion':
      [method, params] = ['textDocument/completion', { textDocument, position, context: { triggerKind: random() < 0.5 ? 1 : 2, triggerCharacter: pick([':', '<', '-', '=', '/', ' ']) } }];
      break;
    case 'symbols':
      [method, params] = ['textDocument/documentSymbol', { textDocument }];
      break;
    case 'folding':
      [method, params] = ['textDocument/foldingRange', { textDocument }];
      break;
    case 'codeAction': {
      const current = published.get(uri);
      const diags = current && current.version === doc.version ? current.diagnostics : [];
      const chosen = diags.length && random() < 0.7 ? [pick(diags)] : [];
      ownDiagnostics = chosen.length > 0;
      if (random() < 0.2) {
        ownDiagnostics = false;
        chosen.push({ range: range(), message: 'bogus', code: pick(['missing-date', 'no-such-code', 42]), source: 'eml', data: pick([null, 'x', { a: 1 }]) });
      }
      [method, params] = ['textDocument/codeAction', { textDocument, range: chosen[0]?.range ?? range(), context: { diagnostics: chosen } }];
      break;
    }
    case 'semanticTokens':
      [method, params] = ['textDocument/semanticTokens/full', { textDocument }];
      break;
    case 'inlayHint':
      [method, params] = ['textDocument/inlayHint', { textDocument, range: range() }];
      break;
    case 'codeLens':
      [method, params] = ['textDocument/codeLens', { textDocument }];
      break;
  }
  try {
    const result = await withDeadline(connection.sendRequest(method, params), `${method} at v${doc.version}`);
    requestsAnswered++;
    checkAnswer(kind, doc, params, result);
    if (kind === 'codeAction' && ownDiagnostics && Array.isArray(result) && result.length && random() < 0.7) {
      // Accept a quick fix, as a user would: its edit becomes the next change.
      const edits = result[int(result.length)]?.edit?.changes?.[uri];
      if (Array.isArray(edits) && edits.length) {
        const sorted = [...edits].sort((a, b) => doc.offsetAt(b.range.start) - doc.offsetAt(a.range.start));
        await change(uri, sorted.map((e) => ({ range: e.range, text: e.newText })));
        summary.fixesApplied = (summary.fixesApplied ?? 0) + 1;
      }
    }
  } catch (err) {
    if (err instanceof rpc.ResponseError) {
      if (errorResponses.length < 20) errorResponses.push(`${method}: ${err.code} ${err.message}`);
    } else throw err;
  }
}

/** The text of a line without its line break. */
function lineText(doc, line) {
  return doc.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } }).replace(/\r?\n$|\r$/, '');
}
function validPosition(doc, p) {
  return p && Number.isInteger(p.line) && Number.isInteger(p.character) && p.line >= 0 && p.character >= 0 && p.line < doc.lineCount && p.character <= lineText(doc, p.line).length;
}
function validRange(doc, r) {
  return r && validPosition(doc, r.start) && validPosition(doc, r.end) && doc.offsetAt(r.start) <= doc.offsetAt(r.end);
}
const contains = (doc, outer, inner) => doc.offsetAt(outer.start) <= doc.offsetAt(inner.start) && doc.offsetAt(inner.end) <= doc.offsetAt(outer.end);

/** Checks an answer against the LSP contract for the document it was asked about. */
function checkAnswer(kind, doc, params, result) {
  const bad = (what) => fail(`${kind} on ${doc.uri} v${doc.version}: ${what}`.slice(0, 800));
  if (result === undefined) return bad('no result');
  if (result === null) return;
  switch (kind) {
    case 'hover':
      if (result.range && !validRange(doc, result.range)) bad(`hover range ${JSON.stringify(result.range)}`);
      break;
    case 'completion': {
      const items = Array.isArray(result) ? result : result.items;
      if (!Array.isArray(items)) return bad('completion without items');
      if (!validPosition(doc, params.position)) return; // the client asked outside the document
      for (const item of items) {
        const edit = item.textEdit;
        if (!edit) continue;
        const ranges = edit.range ? [edit.range] : [edit.insert, edit.replace];
        for (const r of ranges) {
          // LSP 3.17 CompletionItem.textEdit: a single-line range that contains the requested position.
          if (!validRange(doc, r) || r.start.line !== r.end.line || r.start.line !== params.position.line || r.start.character > params.position.character || r.end.character < params.position.character) {
            return bad(`completion item ${JSON.stringify(item.label)} edits ${JSON.stringify(r)} for position ${JSON.stringify(params.position)}`);
          }
        }
      }
      break;
    }
    case 'symbols': {
      const stack = [...result];
      while (stack.length) {
        const sym = stack.pop();
        if (sym.range) {
          if (!validRange(doc, sym.range) || !validRange(doc, sym.selectionRange)) return bad(`symbol ${JSON.stringify(sym.name)} range outside the document`);
          // VS Code rejects an outline whose selectionRange is not inside its range.
          if (!contains(doc, sym.range, sym.selectionRange)) return bad(`symbol ${JSON.stringify(sym.name)}: selectionRange ${JSON.stringify(sym.selectionRange)} not inside range ${JSON.stringify(sym.range)}`);
          if (typeof sym.name !== 'string' || !sym.name.trim()) return bad('symbol with an empty name (VS Code rejects it)');
          for (const child of sym.children ?? []) {
            if (child.range && !contains(doc, sym.range, child.range)) return bad(`symbol ${JSON.stringify(child.name)} outside its parent ${JSON.stringify(sym.name)}`);
            stack.push(child);
          }
        } else if (sym.location && !validRange(doc, sym.location.range)) return bad('symbol location outside the document');
      }
      break;
    }
    case 'folding':
      for (const f of result) {
        if (!(Number.isInteger(f.startLine) && Number.isInteger(f.endLine) && 0 <= f.startLine && f.startLine <= f.endLine && f.endLine < doc.lineCount)) return bad(`folding range ${JSON.stringify(f)} of ${doc.lineCount} lines`);
      }
      break;
    case 'codeAction':
      for (const action of result) {
        if (typeof action.title !== 'string' || !action.title) return bad('code action without a title');
        for (const [uri, edits] of Object.entries(action.edit?.changes ?? {})) {
          if (uri !== doc.uri) return bad(`code action edits another document ${uri}`);
          const sorted = [...edits].sort((a, b) => doc.offsetAt(a.range.start) - doc.offsetAt(b.range.start));
          for (let i = 0; i < sorted.length; i++) {
            if (!validRange(doc, sorted[i].range) && params.context.diagnostics.every((d) => d.message !== 'bogus')) return bad(`"${action.title}" edits ${JSON.stringify(sorted[i].range)} outside the document`);
            if (i > 0 && doc.offsetAt(sorted[i].range.start) < doc.offsetAt(sorted[i - 1].range.end)) return bad(`"${action.title}" has overlapping edits`);
            if (typeof sorted[i].newText !== 'string') return bad(`"${action.title}" edit without newText`);
          }
        }
      }
      break;
    case 'semanticTokens': {
      const data = result.data;
      if (!Array.isArray(data) || data.length % 5 !== 0) return bad('semantic tokens data is not a multiple of 5');
      let line = 0;
      let char = 0;
      let lastEnd = -1;
      for (let i = 0; i < data.length; i += 5) {
        const [dl, dc, len] = data.slice(i, i + 3);
        if (dl < 0 || dc < 0 || len <= 0) return bad(`semantic token ${i / 5} has a negative delta or empty length`);
        if (legend && (!(data[i + 3] >= 0 && data[i + 3] < legend.tokenTypes.length) || data[i + 4] < 0 || data[i + 4] >= 2 ** legend.tokenModifiers.length)) {
          return bad(`semantic token ${i / 5} has type ${data[i + 3]} / modifiers ${data[i + 4]} outside the legend`);
        }
        if (dl > 0) {
          line += dl;
          char = dc;
          lastEnd = -1;
        } else char += dc;
        if (line >= doc.lineCount) return bad(`semantic token ${i / 5} on line ${line} of ${doc.lineCount}`);
        if (char + len > lineText(doc, line).length) return bad(`semantic token ${i / 5} (line ${line}, ${char}+${len}) runs past its line of ${lineText(doc, line).length}`);
        if (char < lastEnd) return bad(`semantic token ${i / 5} (${char}+${len}, type ${data[i + 3]}) overlaps the previous one (ending at ${lastEnd}) on line ${line}: ${JSON.stringify(lineText(doc, line).slice(0, 160))}`);
        lastEnd = char + len;
      }
      break;
    }
    case 'inlayHint':
      for (const h of result) if (!validPosition(doc, h.position)) return bad(`inlay hint at ${JSON.stringify(h.position)}`);
      break;
    case 'codeLens':
      for (const l of result) if (!validRange(doc, l.range)) return bad(`code lens range ${JSON.stringify(l.range)}`);
      break;
  }
}

/** Requests a careless or hostile client could send: unknown documents, missing or wrong params, unknown methods. */
async function junkRequest() {
  const method = pick(['textDocument/hover', 'textDocument/completion', 'textDocument/documentSymbol', 'textDocument/codeAction', 'textDocument/semanticTokens/full', 'textDocument/foldingRange', 'smtpEml/decodePart', 'smtpEml/noSuchRequest', 'textDocument/diagnostic']);
  const params = pick([
    null,
    {},
    { textDocument: { uri: 'file:///fuzz/never-opened.eml' }, position: { line: 0, character: 0 }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [] } },
    { textDocument: { uri: 'file:///fuzz/a.eml' }, position: { line: -1, character: -5 } },
    { textDocument: { uri: 'file:///fuzz/a.eml' }, position: { line: 1e9, character: 1e9 }, range: { start: { line: 5, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [{}] } },
    { textDocument: { uri: 'file:///fuzz/a.eml' }, partPath: '1.2.3.4.5.6', path: '../../etc/passwd' },
  ]);
  const errorsBefore = serverErrors.length;
  try {
    await withDeadline(connection.sendRequest(method, params), `junk ${method}`);
  } catch (err) {
    if (!(err instanceof rpc.ResponseError)) throw err; // an error answer is fine; no answer is not
  }
  // The log comes before the answer on the stream; a guarded failure on junk params is acceptable.
  summary.junkErrorsLogged = (summary.junkErrorsLogged ?? 0) + serverErrors.splice(errorsBefore).length;
  summary.junkRequests = (summary.junkRequests ?? 0) + 1;
}

const summary = { seed, edits: 0, requestsAnswered: 0, diagnosticsChecked: 0, rssWarmKb: undefined, rssEndKb: undefined, hostile: {}, serverErrors, errorResponses, failures };

/** The semantic tokens legend the server announced. */
let legend;

async function initialize() {
  const init = await withDeadline(
    connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: null,
      capabilities: {
        workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true } },
        textDocument: {
          publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
          hover: { contentFormat: ['markdown', 'plaintext'] },
          completion: { completionItem: { snippetSupport: true } },
          documentSymbol: { hierarchicalDocumentSymbolSupport: true },
        },
      },
    }),
    'initialize',
  );
  legend = init?.capabilities?.semanticTokensProvider?.legend;
  await connection.sendNotification('initialized', {});
}

async function setSettings(next) {
  settings = next;
  // The server answers didChangeConfiguration by asking for the settings; wait until it has
  // asked (our answer then reaches it before the next message we send), or a document opened
  // right after would race the new settings and be validated with the old ones.
  const asked = new Promise((resolve) => (onConfigurationAsked = resolve));
  await connection.sendNotification('workspace/didChangeConfiguration', { settings: { smtpEml: next } });
  await withDeadline(asked, 'workspace/configuration after didChangeConfiguration', HOSTILE_DEADLINE_MS);
  onConfigurationAsked = () => {};
}

async function editsPhase() {
  const emlUri = 'file:///fuzz/a.eml';
  const smtpUri = 'file:///fuzz/b.smtp';
  const emlStart = emlCorpus.length ? readText(emlCorpus[int(emlCorpus.length)]) : 'From: a@b\r\n\r\nhi\r\n';
  const smtpStart = smtpCorpus.length ? readText(smtpCorpus[int(smtpCorpus.length)]) : 'S: 220 hi\r\nC: QUIT\r\n';
  await open(emlUri, 'eml', emlStart);
  await open(smtpUri, 'smtp-transcript', smtpStart);
  const warmUp = Math.min(100, Math.floor(edits / 10));
  for (let i = 0; i < edits; i++) {
    if (exited) {
      fail(`server exited during edit ${i}: ${JSON.stringify(exited)}`);
      return;
    }
    const uri = random() < 0.6 ? emlUri : smtpUri;
    const doc = docs.get(uri);
    // Keep documents from growing without bound so memory measures leaks, not content.
    const changes = doc.getText().length > 200_000 ? [{ text: emlStart }] : randomEdit(doc);
    await change(uri, changes);
    summary.edits++;
    // Now and then wait for this version's diagnostics, so code actions see the server's own
    // diagnostics and their quick fixes get applied.
    if (random() < 0.15) {
      await waitDiagnostics(uri, docs.get(uri).version, 'diagnostics of the current version');
      await randomRequest(uri, 'codeAction');
    }
    const n = random() < 0.7 ? 1 + int(2) : 0;
    for (let k = 0; k < n; k++) await randomRequest(uri);
    if (random() < 0.03) await junkRequest();
    if (random() < 0.01) {
      // Hostile settings: wrong types, out-of-range limits, unknown codes; the server must shrug.
      await setSettings(pick([
        { validation: { maxFullSize: -1, maxDepth: 0, debounceMs: 'x' } },
        { validation: { maxFullSize: 1024, maxDepth: 1 } },
        { diagnostics: { 'missing-date': 'off', 'no-such-code': 'error', 'header-syntax': 42 } },
        { 'diagnostics.bare-cr': 'hint', 'validation.maxDepth': 2 },
        null,
        [],
        'junk',
        {},
      ]));
    }
    if (i === warmUp) {
      // Let the debounced validation of this version run so warm-up includes validation.
      await waitDiagnostics(uri, docs.get(uri).version, 'diagnostics after warm-up');
      summary.rssWarmKb = rssKb();
    }
  }
  for (const uri of [emlUri, smtpUri]) await waitDiagnostics(uri, docs.get(uri).version, `final diagnostics of ${uri}`);
  summary.rssEndKb = rssKb();
  if (summary.rssWarmKb && summary.rssEndKb && summary.rssEndKb > 2 * summary.rssWarmKb + 50 * 1024) {
    fail(`memory grew: VmRSS ${summary.rssWarmKb} kB after warm-up, ${summary.rssEndKb} kB at the end`);
  }
  for (const uri of [emlUri, smtpUri]) {
    await connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    docs.delete(uri);
  }
}

// ---- hostile documents ----
function pngBytes() {
  // A real PNG signature and IHDR chunk, then seeded random bytes (what a renamed image looks like).
  const head = Buffer.from('89504e470d0a1a0a0000000d49484452000000100000001008060000001ff3ff61', 'hex');
  const body = Buffer.alloc(64 * 1024);
  for (let i = 0; i < body.length; i++) body[i] = int(256);
  return Buffer.concat([head, body, Buffer.from('0000000049454e44ae426082', 'hex')]);
}
const HEAD = 'From: A <a@example.com>\r\nTo: b@example.com\r\nSubject: big\r\nDate: Fri, 27 Nov 2026 10:00:00 +0000\r\nMessage-ID: <x@example.com>\r\nMIME-Version: 1.0\r\n';
function fiftyMb() {
  const line = 'The quick brown fox jumps over the lazy dog. 0123456789 abcdefghijklmnopqrstuvwxyz!!\r\n';
  return HEAD + 'Content-Type: text/plain; charset=us-ascii\r\n\r\n' + line.repeat(Math.ceil((50 * 1024 * 1024) / line.length));
}
function oneMbLine() {
  return HEAD + 'Content-Type: text/plain\r\n\r\n' + 'a'.repeat(1024 * 1024) + '\r\n';
}
function deepMultipart(depth) {
  const parts = [HEAD.replace('MIME-Version: 1.0\r\n', ''), 'MIME-Version: 1.0\r\n'];
  for (let i = 0; i < depth; i++) parts.push(`Content-Type: multipart/mixed; boundary=b${i}\r\n\r\n--b${i}\r\n`);
  parts.push('Content-Type: text/plain\r\n\r\ndeep\r\n');
  for (let i = depth - 1; i >= 0; i--) parts.push(`--b${i}--\r\n`);
  return parts.join('');
}
function hugeTranscript() {
  const lines = ['S: 220 mx.example.com ESMTP', 'C: EHLO client.example.com', 'S: 250 mx.example.com', 'C: MAIL FROM:<a@example.com>', 'S: 250 OK', 'C: RCPT TO:<b@example.com>', 'S: 250 OK', 'C: DATA', 'S: 354 go'];
  const body = 'C: ' + 'x'.repeat(2000) + '\r\n';
  return lines.join('\r\n') + '\r\n' + body.repeat(5000) + 'C: .\r\nS: 250 queued\r\nC: QUIT\r\nS: 221 bye\r\n';
}

async function hostileCase(name, uri, languageId, text, expectCodes) {
  const started = Date.now();
  await open(uri, languageId, text);
  let result;
  try {
    result = await waitDiagnostics(uri, 1, `diagnostics of ${name}`, HOSTILE_DEADLINE_MS);
  } catch (err) {
    fail(`${name}: ${err.message}`);
    summary.hostile[name] = { hang: true };
    return;
  }
  const codes = [...new Set(result.diagnostics.map((d) => String(d.code)))];
  // A request on the hostile document must be answered too.
  try {
    await withDeadline(connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } }), `documentSymbol of ${name}`, HOSTILE_DEADLINE_MS);
    await withDeadline(connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 1 } }), `hover of ${name}`, HOSTILE_DEADLINE_MS);
    await withDeadline(connection.sendRequest('textDocument/foldingRange', { textDocument: { uri } }), `folding of ${name}`, HOSTILE_DEADLINE_MS);
  } catch (err) {
    fail(`${name}: ${err.message}`);
  }
  summary.hostile[name] = { chars: text.length, diagnostics: result.diagnostics.length, codes: codes.slice(0, 20), ms: Date.now() - started };
  for (const code of expectCodes) {
    const found = result.diagnostics.find((d) => d.code === code);
    if (!found) fail(`${name}: expected a ${code} diagnostic, got ${JSON.stringify(codes.slice(0, 20))}`);
    else if (!found.message || found.message.length < 10) fail(`${name}: the ${code} diagnostic has no clear message`);
  }
  await connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  docs.delete(uri);
  published.delete(uri);
}

async function hostilePhase() {
  await setSettings({});
  await hostileCase('png-as-eml', 'file:///fuzz/image.eml', 'eml', pngBytes().toString('utf8'), []);
  await hostileCase('png-as-smtp', 'file:///fuzz/image.smtp', 'smtp-transcript', pngBytes().toString('latin1'), []);
  await hostileCase('one-mb-line', 'file:///fuzz/line.eml', 'eml', oneMbLine(), ['line-too-long']);
  await hostileCase('deep-multipart-10000', 'file:///fuzz/deep.eml', 'eml', deepMultipart(10_000), ['nesting-too-deep']);
  await hostileCase('fifty-mb', 'file:///fuzz/big.eml', 'eml', fiftyMb(), []);
  await hostileCase('huge-transcript', 'file:///fuzz/big.smtp', 'smtp-transcript', hugeTranscript(), ['text-line-too-long']);
  // Limits are settings: lower them and the same kinds of documents get the information diagnostics.
  await setSettings({ validation: { maxFullSize: 1024 * 1024, maxDepth: 5 } });
  await hostileCase('two-mb-with-1mb-limit', 'file:///fuzz/limit.eml', 'eml', HEAD + '\r\n' + 'abcdefgh\r\n'.repeat(200_000), ['too-large']);
  await hostileCase('depth-8-with-limit-5', 'file:///fuzz/limit-deep.eml', 'eml', deepMultipart(8), ['nesting-too-deep']);
  await setSettings({});
  // Old Mac files end lines with CR alone: one 2 MB "line" full of bare CRs. Last, because a
  // quadratic scan here keeps the server busy past the hang detector.
  await hostileCase('cr-only-2mb', 'file:///fuzz/mac.eml', 'eml', HEAD.replace(/\r\n/g, '\r') + '\r' + 'a line of a classic Mac OS file\r'.repeat(65_000), ['bare-cr']);
}

async function main() {
  if (!existsSync(serverPath)) {
    fail(`${serverPath} does not exist; run node scripts/build.mjs first`);
    return;
  }
  await initialize();
  if (phase === 'all' || phase === 'edits') await editsPhase();
  if (phase === 'all' || phase === 'hostile') await hostilePhase();
  if (exited) fail(`server exited: ${JSON.stringify(exited)}`);
  // Still alive and answering?
  await withDeadline(connection.sendRequest('textDocument/hover', { textDocument: { uri: 'file:///fuzz/none.eml' }, position: { line: 0, character: 0 } }), 'final hover');
  await withDeadline(connection.sendRequest('shutdown'), 'shutdown');
}

try {
  await main();
} catch (err) {
  fail(`fuzzer stopped: ${err?.stack ?? err}`);
}
summary.requestsAnswered = requestsAnswered;
summary.diagnosticsChecked = diagnosticsChecked;
for (const e of serverErrors) fail(`server logged an error: ${e.slice(0, 500)}`);
for (const e of errorResponses) fail(`error response: ${e}`);
if (exited && !summary.shutdown) {
  /* reported above */
}
try {
  await connection.sendNotification('exit');
} catch {
  /* already gone */
}
setTimeout(() => child.kill('SIGKILL'), 2000).unref();
connection.dispose();
if (stderr.trim()) summary.stderr = stderr.slice(-2000);
if (asJson) console.log(JSON.stringify(summary));
else log(JSON.stringify(summary, null, 2));
process.exitCode = failures.length ? 1 : 0;
