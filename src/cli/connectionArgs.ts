/**
 * The command-line options `send` and `replay` share, where and how to reach
 * a server, declared and checked once so that both commands take the same
 * values and answer a wrong one with the same words.
 */
import type { CliTexts } from '../mail/cliTexts';
import { MAX_TIMER_MS } from '../send/limits';
import type { Security } from '../send/types';

const SECURITIES: readonly string[] = ['starttls', 'tls', 'none'];

/** The `parseArgs` options of a connection; `security` defaults to `defaultSecurity`. */
export function connectionOptions(defaultSecurity: Security) {
  return {
    host: { type: 'string' },
    port: { type: 'string' },
    security: { type: 'string', default: defaultSecurity },
    user: { type: 'string' },
    insecure: { type: 'boolean', default: false },
    timeout: { type: 'string' },
  } as const;
}

/** The connection options as `parseArgs` returns them. */
export interface ConnectionValues {
  host?: string;
  port?: string;
  security?: string;
  timeout?: string;
}

/** The checked connection. */
export interface ConnectionArgs {
  host: string;
  security: Security;
  port?: number;
  /** Milliseconds, 1 to MAX_TIMER_MS. */
  timeout?: number;
}

/**
 * Checks the connection options of `command`: the connection, or the text of
 * the usage error of the first wrong one (host, security, port, timeout).
 */
export function readConnectionArgs(command: string, values: ConnectionValues, texts: CliTexts): ConnectionArgs | string {
  if (!values.host) return texts.needsHost(command);
  const security = String(values.security);
  if (!SECURITIES.includes(security)) return texts.securityInvalid(security);
  const args: ConnectionArgs = { host: values.host, security: security as Security };
  if (values.port !== undefined) {
    // A port to connect to: 0 is none (RFC 6335 §6 reserves it).
    if (!/^\d+$/.test(values.port) || Number(values.port) === 0 || Number(values.port) > 65535) return texts.portInvalid('--port', values.port, 1);
    args.port = Number(values.port);
  }
  if (values.timeout !== undefined) {
    // Node's timers hold at most 2^31-1 ms; a longer one would fire at once.
    if (!/^\d+$/.test(values.timeout) || Number(values.timeout) === 0 || Number(values.timeout) > MAX_TIMER_MS) return texts.timeoutInvalid(MAX_TIMER_MS, values.timeout);
    args.timeout = Number(values.timeout);
  }
  return args;
}
