// The local inbox under load: one client (nodemailer's SMTPConnection, one
// connection) sends COUNT messages of SIZE bytes back to back to the inbox on
// 127.0.0.1; the inbox stores each .eml with its envelope and writes the
// session's .smtp transcript. Measures messages per second until the last
// message is stored and the transcript is complete on disk, and checks the
// transcript validates clean. Prints one JSON line.
// The client's socket has Nagle's algorithm off, as our send path has it
// (disableNagle): with it on (`nagle` as third argument, nodemailer's default),
// nodemailer's small write of the final "." waits for the ACK of the data
// before it, which the receiving kernel delays (~40 ms on Linux), once per message.
// Usage: node bench/child-inbox.mjs <count> <size-bytes> [nagle]
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';

const [countArg, sizeArg, mode] = process.argv.slice(2);
const nagle = mode === 'nagle';
const count = Number(countArg ?? 500);
const size = Number(sizeArg ?? 10_000);
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const require = createRequire(path.join(root, 'package.json'));
const SMTPConnection = require('nodemailer/lib/smtp-connection');
const { startLocalInbox } = require(path.join(root, 'out/src/send/inbox.js'));
const { validateTranscript } = require(path.join(root, 'out/src/mail/transcript/validate.js'));
const { disableNagle } = require(path.join(root, 'out/src/send/nodemailerInternals.js'));

/** A 10 KB-ish text message with a valid header, CRLF line ends. */
function message(i) {
  const header = [
    'From: bench@example.org',
    'To: inbox@example.org',
    `Subject: bench message ${i}`,
    'Date: Thu, 03 Dec 2026 08:00:00 +0000',
    `Message-ID: <bench-${i}@example.org>`,
    '',
  ].join('\r\n');
  const line = 'The quick brown fox jumps over the lazy dog, again and again, for the inbox.';
  let body = '';
  while (header.length + body.length + line.length + 2 < size) body += `${line}\r\n`;
  return `${header}\r\n${body}`;
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'smtp-eml-bench-inbox-'));
try {
  const inbox = await startLocalInbox({ port: 0, dir });
  let stored = 0;
  inbox.onMessage(() => stored++);
  const sessionDone = new Promise((resolve) => inbox.onSession(resolve));
  const messages = Array.from({ length: count }, (_, i) => Buffer.from(message(i)));
  const conn = new SMTPConnection({ host: '127.0.0.1', port: inbox.port, secure: false, ignoreTLS: true });
  await new Promise((resolve, reject) => conn.connect((err) => (err ? reject(err) : resolve())));
  if (!nagle && !disableNagle(conn)) throw new Error('no socket to turn Nagle off on');
  const started = process.hrtime.bigint();
  const cpu0 = process.cpuUsage();
  for (const m of messages) {
    await new Promise((resolve, reject) =>
      conn.send({ from: 'bench@example.org', to: ['inbox@example.org'] }, m, (err) => (err ? reject(err) : resolve())),
    );
  }
  conn.quit();
  const session = await sessionDone;
  const elapsedMs = Number(process.hrtime.bigint() - started) / 1e6;
  const cpu = process.cpuUsage(cpu0);
  const transcript = fs.readFileSync(session.transcript, 'utf8');
  const problems = validateTranscript(transcript).map((p) => p.code);
  await inbox.close();
  console.log(
    JSON.stringify({
      nagle,
      count,
      bytes: messages[0].length,
      stored,
      elapsedMs,
      perSecond: (count / elapsedMs) * 1000,
      cpuMsPerMessage: (cpu.user + cpu.system) / 1000 / count,
      transcriptBytes: Buffer.byteLength(transcript),
      transcriptProblems: [...new Set(problems)],
      rssMb: process.memoryUsage().rss / 1024 / 1024,
    }),
  );
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
