// Send overhead: our send path (sendMessage from out/src/send/send.js) against
// plain nodemailer with the same connection options, to a sink on 127.0.0.1.
// Sends alternate (ours, plain, ours, ...) so load from other processes hits both.
// Our path turns Nagle's algorithm off on nodemailer's socket (disableNagle), so
// the plain baseline does too; plain nodemailer as it comes (Nagle on) is timed
// as well, to show what that costs per send.
// Prints one JSON line. Usage: node bench/child-send.mjs <port> <file> <count> [<file> <count> ...]
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';

const [portArg, ...rest] = process.argv.slice(2);
const port = Number(portArg);
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const require = createRequire(path.join(root, 'package.json'));
const SMTPConnection = require('nodemailer/lib/smtp-connection');
const { sendMessage } = require(path.join(root, 'out/src/send/send.js'));
const { prepareSend } = require(path.join(root, 'out/src/mail/envelope.js'));
const { SessionLog } = require(path.join(root, 'out/src/send/transcript.js'));
const { disableNagle } = require(path.join(root, 'out/src/send/nodemailerInternals.js'));

/**
 * Our own work for one message without the network, as sendMessage does it: the
 * envelope and CRLF data from the header (prepareSend), and a session log of a whole
 * dialogue with the data (each line masked and stored). Median of many runs, warm.
 */
function ownWorkMs(text) {
  const once = () => {
    const { envelope, data } = prepareSend(text);
    const log = new SessionLog({ maxLoggedDataBytes: 256 * 1024 });
    log.note('server: 127.0.0.1:2525 (no TLS)');
    log.note(`envelope: MAIL FROM:<${envelope.from}> RCPT TO:${envelope.to.map((t) => `<${t}>`).join(',')}`);
    log.server('220 sink ESMTP');
    log.client('EHLO bench.example');
    log.server('250-sink\r\n250-SIZE 33554432\r\n250-8BITMIME\r\n250 SMTPUTF8');
    log.client(`MAIL FROM:<${envelope.from}>`);
    log.server('250 OK');
    for (const t of envelope.to) {
      log.client(`RCPT TO:<${t}>`);
      log.server('250 OK');
    }
    log.client('DATA');
    log.server('354 End data with <CR><LF>.<CR><LF>');
    log.data(data);
    log.server('250 OK');
    log.client('QUIT');
    log.server('221 Bye');
    return log.toString().length;
  };
  for (let i = 0; i < 20; i++) once();
  const runs = [];
  for (let i = 0; i < 41; i++) {
    const t0 = process.hrtime.bigint();
    once();
    runs.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return runs.sort((a, b) => a - b)[20];
}

const from = 'alice@example.org';
// The recipients of the generated messages' To and Cc (sendMessage takes them from the header).
const to = ['bob@example.net', 'carol@example.net', 'dave@example.com'];
const profile = { name: 'bench sink', host: '127.0.0.1', port, security: 'none' };

/**
 * Plain nodemailer at the level our engine uses it: one `SMTPConnection` per
 * message with the same connection options (plain TCP, no TLS, no AUTH), then
 * connect → send(envelope, bytes) → QUIT → wait for the connection to end, as
 * sendMessage does. What remains is our own work: envelope, data preparation,
 * session log. `nagle`: leave Nagle's algorithm on (nodemailer's default)
 * instead of turning it off before the greeting as sendMessage does.
 */
function sendPlain(text, nagle = false) {
  return new Promise((resolve, reject) => {
    const conn = new SMTPConnection({ host: '127.0.0.1', port, secure: false, ignoreTLS: true, allowInternalNetworkInterfaces: true });
    const payload = Buffer.from(text, 'utf8');
    conn.once('error', reject);
    conn.once('end', resolve);
    conn.connect(() => {
      // After the greeting and EHLO, which no earlier unacknowledged write can delay:
      // from here on the socket is as sendMessage's.
      if (!nagle && !disableNagle(conn)) return reject(new Error('plain nodemailer: no socket to turn Nagle off on'));
      conn.send({ from, to, size: payload.length }, payload, (err, info) => {
        if (err) return reject(err);
        if (!info.accepted?.length) return reject(new Error(`plain nodemailer: nothing accepted (${info.response})`));
        conn.quit();
      });
    });
  });
}

async function sendOurs(text) {
  const result = await sendMessage({ text, profile });
  if (!result.ok) throw new Error(`sendMessage failed at ${result.stage}: ${result.error?.message}`);
}

const ms = (t0) => Number(process.hrtime.bigint() - t0) / 1e6;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const mean = (xs) => xs.reduce((a, b) => a + b, 0) / xs.length;

const out = {};
for (let i = 0; i < rest.length; i += 2) {
  const file = rest[i];
  const count = Number(rest[i + 1]);
  const text = fs.readFileSync(file, 'latin1');
  // Warm both paths (JIT, first connection) before timing.
  for (let w = 0; w < Math.min(3, count); w++) {
    await sendOurs(text);
    await sendPlain(text);
    await sendPlain(text, true);
  }
  const ours = [];
  const plain = [];
  const plainNagle = [];
  // CPU time of this process per send: the work done here (ours: envelope, data
  // preparation, session log, plus nodemailer; plain: nodemailer alone), without the
  // network round trips, whose latency on the loopback sink jumps between modes a few
  // ms apart and hides a difference of a fraction of a millisecond in wall time.
  const oursCpu = [];
  const plainCpu = [];
  const cpuMs = (c0) => {
    const c = process.cpuUsage(c0);
    return (c.user + c.system) / 1000;
  };
  for (let n = 0; n < count; n++) {
    let t0 = process.hrtime.bigint();
    let c0 = process.cpuUsage();
    await sendOurs(text);
    oursCpu.push(cpuMs(c0));
    ours.push(ms(t0));
    t0 = process.hrtime.bigint();
    c0 = process.cpuUsage();
    await sendPlain(text);
    plainCpu.push(cpuMs(c0));
    plain.push(ms(t0));
    t0 = process.hrtime.bigint();
    await sendPlain(text, true);
    plainNagle.push(ms(t0));
  }
  out[path.basename(file)] = {
    bytes: text.length,
    count,
    oursMedian: median(ours),
    plainMedian: median(plain),
    plainNagleMedian: median(plainNagle),
    oursMean: mean(ours),
    plainMean: mean(plain),
    ownWorkMs: ownWorkMs(text),
    oursCpuMedian: median(oursCpu),
    plainCpuMedian: median(plainCpu),
    oursCpuMean: mean(oursCpu),
    plainCpuMean: mean(plainCpu),
  };
}
process.stdout.write(JSON.stringify(out) + '\n');
