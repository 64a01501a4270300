/**
 * A private Postfix instance on 127.0.0.1 for tests, started with `postfix -c`
 * on a config folder of its own: its own config, queue and Maildir
 * base under os.tmpdir(), virtual mailboxes alice@ and bob@example.test, every
 * other destination refused or sent to the `error` transport, so nothing
 * leaves the machine. Needs Debian's postfix package and root.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import * as net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The port the tests' Postfix listens on (from the helpers' range 2600-2699). */
export const POSTFIX_PORT = 2626;

const POSTFIX_BIN = ['/usr/sbin/postfix', '/usr/bin/postfix'].find((p) => existsSync(p));

/** Why Postfix cannot run here, or undefined when it can. */
export function postfixUnavailableReason(): string | undefined {
  if (!POSTFIX_BIN) return 'postfix is not installed (apt-get install postfix; .ci/run does this)';
  if (typeof process.getuid === 'function' && process.getuid() !== 0) return 'postfix needs root to start a private instance';
  return undefined;
}

export interface PostfixInstance {
  base: string;
  port: number;
  /** The Maildir `new/` folder of a virtual user (`alice`, `bob`). */
  newMailDir(user: string): string;
  /** Resolves with the path of the first delivered file in `user`'s Maildir. */
  waitForDelivery(user: string, attempts?: number): Promise<string>;
  /** Postfix's own log (for failure messages). */
  log(): string;
  stop(): Promise<void>;
}

/** True when something accepts TCP connections on 127.0.0.1:port. */
export function portAnswers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** How the instance handles mail for domains other than example.test. */
export interface PostfixOptions {
  /**
   * `host:port` to relay every non-local message to (Postfix's `relayhost`,
   * bracketed: no MX lookup). Clients on 127.0.0.1 may then relay through
   * the instance, whose `smtp` client delivers there.
   */
  relayTo?: string;
  /** Postfix's `smtp_tls_security_level` for that relay (default `may`, Debian's default). */
  relayTls?: 'none' | 'may';
}

const tick = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/**
 * Starts the instance. Refuses when the port already answers: Postfix listens
 * with SO_REUSEPORT, so a stale instance would silently share the port.
 */
export async function startPostfix(port = POSTFIX_PORT, opts: PostfixOptions = {}): Promise<PostfixInstance> {
  const reason = postfixUnavailableReason();
  if (reason) throw new Error(reason);
  if (await portAnswers(port)) throw new Error(`127.0.0.1:${port} already answers; stop whatever listens there (a stale test Postfix?) first`);

  const base = mkdtempSync(join(tmpdir(), 'smtp-eml-postfix-'));
  // mkdtemp makes 0700; Postfix's users must be able to enter it.
  chmodSync(base, 0o755);
  const conf = join(base, 'conf');
  const mail = join(base, 'mail');
  mkdirSync(conf);
  mkdirSync(join(base, 'queue'));
  mkdirSync(mail);
  const uid = Number(execFileSync('id', ['-u', 'nobody'], { encoding: 'utf8' }).trim());
  // "nogroup:x:65534:" -> 65534
  const gid = Number(execFileSync('getent', ['group', 'nogroup'], { encoding: 'utf8' }).split(':')[2]);
  chownSync(mail, uid, gid);

  const relay = opts.relayTo
    ? `relayhost = [${opts.relayTo.replace(/:(\d+)$/, ']:$1')}
default_transport = smtp
relay_transport = smtp
smtpd_relay_restrictions = permit_mynetworks, reject_unauth_destination
smtp_tls_security_level = ${opts.relayTls ?? 'may'}
smtp_host_lookup = native
`
    : `relayhost =
default_transport = error:outbound mail disabled in test instance
relay_transport = error:outbound mail disabled in test instance
smtpd_relay_restrictions = reject_unauth_destination
`;
  const mainCf = `compatibility_level = 3.6
queue_directory = ${base}/queue
data_directory = ${base}/data
maillog_file = ${base}/maillog
maillog_file_prefixes = ${base}
myhostname = mx.test
mydomain = test
myorigin = $myhostname
inet_interfaces = 127.0.0.1
inet_protocols = ipv4
mynetworks = 127.0.0.0/8
mydestination =
alias_maps =
alias_database =
${relay}local_transport = error:local delivery disabled in test instance
smtpd_peername_lookup = no
local_header_rewrite_clients =
virtual_mailbox_domains = example.test
virtual_mailbox_base = ${mail}
virtual_mailbox_maps = inline:{ alice@example.test=alice/, bob@example.test=bob/ }
virtual_uid_maps = static:${uid}
virtual_gid_maps = static:${gid}
`;
  const masterCf = `127.0.0.1:${port} inet n - n - - smtpd
cleanup   unix  n - n - 0 cleanup
qmgr      unix  n - n 300 1 qmgr
rewrite   unix  - - n - - trivial-rewrite
bounce    unix  - - n - 0 bounce
defer     unix  - - n - 0 bounce
trace     unix  - - n - 0 bounce
verify    unix  - - n - 1 verify
flush     unix  n - n 1000? 0 flush
proxymap  unix  - - n - - proxymap
showq     unix  n - n - - showq
error     unix  - - n - - error
retry     unix  - - n - - error
discard   unix  - - n - - discard
virtual   unix  - n n - - virtual
smtp      unix  - - n - - smtp
tlsmgr    unix  - - n 1000? 1 tlsmgr
anvil     unix  - - n - 1 anvil
scache    unix  - - n - 1 scache
postlog   unix-dgram n - n - 1 postlogd
`;
  writeFileSync(join(conf, 'main.cf'), mainCf);
  writeFileSync(join(conf, 'master.cf'), masterCf);
  // Postfix waits until its config is over a second old; make it a minute old.
  const past = new Date(Date.now() - 60_000);
  utimesSync(join(conf, 'main.cf'), past, past);
  utimesSync(join(conf, 'master.cf'), past, past);

  const logText = (): string => {
    try {
      return readFileSync(join(base, 'maillog'), 'utf8');
    } catch {
      return '(no maillog)';
    }
  };
  const postfix = (command: string): void => {
    execFileSync(POSTFIX_BIN!, ['-c', conf, command], { stdio: 'pipe' });
  };
  const running = (): boolean => {
    try {
      postfix('status');
      return true;
    } catch {
      return false;
    }
  };
  const stop = async (): Promise<void> => {
    if (running()) postfix('stop');
    // Wait for the listener to go before removing its folders.
    for (let i = 0; i < 100 && (await portAnswers(port)); i++) await tick(50);
    rmSync(base, { recursive: true, force: true });
  };

  try {
    postfix('start');
  } catch (e) {
    const text = logText();
    rmSync(base, { recursive: true, force: true });
    throw new Error(`postfix start failed: ${(e as Error).message}\n${text}`);
  }
  for (let i = 0; i < 200 && !(await portAnswers(port)); i++) await tick(25);
  if (!(await portAnswers(port))) {
    const text = logText();
    await stop();
    throw new Error(`postfix started but 127.0.0.1:${port} does not answer\n${text}`);
  }

  const newMailDir = (user: string): string => join(mail, user, 'new');
  return {
    base,
    port,
    newMailDir,
    log: logText,
    stop,
    async waitForDelivery(user: string, attempts = 400): Promise<string> {
      const dir = newMailDir(user);
      for (let i = 0; i < attempts; i++) {
        const files = existsSync(dir) ? readdirSync(dir) : [];
        if (files.length) return join(dir, files.sort()[0]!);
        await tick(25);
      }
      throw new Error(`nothing delivered to ${user} after ${attempts} checks\n${logText()}`);
    },
  };
}
