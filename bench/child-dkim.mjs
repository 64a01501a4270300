// DKIM costs on one message, in a fresh process. Prints one JSON line.
//  - bodyHash: verifying the body hash the way validation does (the document string →
//    octets with CRLF → relaxed canonical form → SHA-256), against a bare SHA-256 over
//    the same body octets (target: at most 2x);
//  - signed: the whole check of a signed copy (body hash + RSA signature) for reference;
//  - unsigned: what a message without signatures pays (the look for signature fields)
//    against its full validation (target: nothing measurable).
// Usage: node bench/child-dkim.mjs <file> <runs>
import { createHash, generateKeyPairSync } from 'node:crypto';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';

const [file, runsArg] = process.argv.slice(2);
const runs = Number(runsArg) || 5;
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const require = createRequire(path.join(root, 'package.json'));
const { hashBody } = require(path.join(root, 'out/src/mail/auth/canonical.js'));
const { signMessage } = require(path.join(root, 'out/src/mail/auth/sign.js'));
const { recordLookup } = require(path.join(root, 'out/src/mail/auth/keys.js'));
const { authenticate } = require(path.join(root, 'out/src/mail/auth/verify.js'));
const { parseMessage } = require(path.join(root, 'out/src/mail/message/parse.js'));
const { validateParsed } = require(path.join(root, 'out/src/mail/message/validate.js'));

const cpu = (run) => {
  const c0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  run();
  const c = process.cpuUsage(c0);
  return { cpu: (c.user + c.system) / 1000, wall: Number(process.hrtime.bigint() - t0) / 1e6 };
};
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
/** Median CPU and wall time of `runs` runs after one warm-up. */
function measure(run, n = runs) {
  run();
  const xs = [];
  for (let i = 0; i < n; i++) xs.push(cpu(run));
  return { cpu: median(xs.map((x) => x.cpu)), wall: median(xs.map((x) => x.wall)) };
}

const text = fs.readFileSync(file, 'latin1');
const parsed = parseMessage(text);
const body = text.slice(parsed.root.bodyOffset);
const bodyBytes = Buffer.from(body.replace(/\r?\n/g, '\r\n'), 'latin1');

// Bare SHA-256 over the same body octets (the floor), then our body hash from the string.
const sha = measure(() => createHash('sha256').update(bodyBytes).digest('base64'));
const ours = measure(() => hashBody(body, 'relaxed', 'sha256', undefined, 'latin1'));

// A signed copy: the whole check (body hash + header hash + RSA verify), with the key at hand.
const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const signedBytes = signMessage(Buffer.from(text.replace(/\r?\n/g, '\r\n'), 'latin1'), { domain: 'example.org', selector: 'bench', privateKey }).message;
const signedText = signedBytes.toString('latin1');
const keys = recordLookup(new Map([['bench._domainkey.example.org', `v=DKIM1; k=rsa; p=${publicKey.export({ format: 'der', type: 'spki' }).toString('base64')}`]]));
const signedParsed = parseMessage(signedText);
let status = '';
const signed = measure(() => {
  // A fresh parse object each run: authenticate caches per parse.
  status = authenticate({ ...signedParsed }, { keys, textEncoding: 'latin1' }).messages[0]?.dkim[0]?.status ?? 'none';
});

// A message without signatures: the authentication step alone, and the full validation it is part of.
const unsignedAuth = measure(() => authenticate({ ...parsed }, { textEncoding: 'latin1' }), Math.max(runs, 41));
const validation = measure(() => validateParsed(parsed, { textEncoding: 'latin1' }));

console.log(JSON.stringify({ bytes: bodyBytes.length, sha, ours, signed, status, unsignedAuth, validation }));
