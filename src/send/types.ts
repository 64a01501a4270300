/**
 * Types of the send engine (`src/send/`): a profile describes one SMTP server,
 * a request is one message to send, a result says exactly what the server did
 * with it. No `vscode` here: the VS Code client and the CLI both drive this API.
 */

/**
 * How the connection is secured.
 * - `starttls`: plain connect, then STARTTLS is required (RFC 3207); refuse to go on without it.
 * - `tls`: implicit TLS from the first byte (RFC 8314 "submissions", usually port 465).
 * - `none`: never use TLS, even when the server offers STARTTLS.
 */
export type Security = 'starttls' | 'tls' | 'none';

/** One SMTP server the user can send through. Holds no password. */
export interface SmtpProfile {
  /** Name shown to the user and written at the top of the session log. */
  name: string;
  host: string;
  /** Default: 465 for `tls`, 587 for `starttls`, 25 for `none`. */
  port?: number;
  /** Default `starttls`. */
  security?: Security;
  /** User name for AUTH; no AUTH when absent. */
  user?: string;
  /** How the user logs in: `password` (default; the password from SecretStorage or the prompt) or `oauth2` (SASL XOAUTH2 with an access token). */
  auth?: 'password' | 'oauth2';
  /** For `auth: "oauth2"`: a shell command that prints a fresh access token on stdout (run on each send, and again when the server refuses the token). */
  tokenCommand?: string;
  /** Verify the server certificate (default true). */
  rejectUnauthorized?: boolean;
  /** PEM file with the CA certificate(s) to trust for this server. */
  caFile?: string;
  /** Name sent in EHLO/HELO. */
  clientName?: string;
  /** Milliseconds to wait for the TCP (or TLS) connection. */
  connectionTimeout?: number;
  /** Milliseconds to wait for the 220 greeting. */
  greetingTimeout?: number;
  /** Milliseconds of silence after which the connection is given up. */
  socketTimeout?: number;
  /**
   * Milliseconds one stage (connect, TLS, AUTH, MAIL, RCPT, DATA, QUIT) may take in
   * all, however slowly the server trickles its replies; DATA gets 1 ms more per KB
   * of message. Default 600000 (RFC 5321 §4.5.3.2's longest timeout).
   */
  stageTimeout?: number;
  /** With `security: 'none'` and a user: send AUTH in the clear all the same (refused otherwise). */
  allowCleartextAuth?: boolean;
  /** MAIL FROM override for every message sent through this profile. */
  from?: string;
  /** Sign every message with DKIM; the key itself comes with the request (`SendRequest.dkim`), never from settings. */
  dkim?: { domain?: string; selector: string; keyFile?: string };
}

/** DKIM signing of one send (RFC 6376): who signs, and the private key. */
export interface DkimSigning {
  /** d=; default: the domain of the From address. */
  domain?: string;
  /** s=. */
  selector: string;
  /** The private key, PEM. */
  privateKey: string | Buffer;
  /** Passphrase of an encrypted key. */
  passphrase?: string;
}

/** Where in the session the send is (or where it ended or failed). */
export type SendStage = 'connecting' | 'tls' | 'auth' | 'sender' | 'recipients' | 'data' | 'quit';

/** What the server answered to one RCPT TO. */
export interface RecipientResult {
  address: string;
  accepted: boolean;
  /** The server's reply, e.g. "550 5.1.1 User unknown"; empty when the server was never asked. */
  reply: string;
}

/** The outcome of one send. */
export interface SendResult {
  /** True when the server accepted the message data for at least one recipient. */
  ok: boolean;
  /** Where the session ended (`quit` on success) or failed. */
  stage: SendStage;
  recipients: RecipientResult[];
  /** The final reply after DATA. */
  response?: string;
  /** The server's queue id, when its reply names one ("queued as 4F2X1"). */
  queueId?: string;
  envelope: { from: string; to: string[] };
  /** The session log as an `.smtp` transcript (credentials masked). */
  transcript: string;
  error?: {
    stage: SendStage;
    /** The SMTP reply code, when a reply caused the failure. */
    code?: number;
    /** The server's reply, when a reply caused the failure. */
    reply?: string;
    /** Plain words: "Server refused recipient carol@example.com: 550 5.1.1 User unknown". */
    message: string;
  };
  elapsedMs: number;
  /**
   * The whole message went to the server but the session failed before its
   * answer: the message may have been delivered (check before sending again).
   */
  deliveryUnknown?: boolean;
}

/** One message to send. */
export interface SendRequest {
  /** The raw message as in the editor (any line ends). */
  text: string;
  profile: SmtpProfile;
  password?: string;
  /**
   * For a profile with `auth: "oauth2"`: gives the access token; `renew` is true
   * when the server refused the previous one (expired). Tokens are masked like passwords.
   */
  getAccessToken?: (renew: boolean) => Promise<string>;
  /** Envelope overrides: MAIL FROM and the RCPT TO list instead of the ones from the header. */
  envelope?: { from?: string; to?: string[] };
  /** Aborting closes the connection; the result then has `error.message` "Cancelled". */
  signal?: AbortSignal;
  onStage?(stage: SendStage): void;
  /** Each transcript line as it happens (already masked). */
  onLog?(line: string): void;
  /** DATA is shown in full up to this many bytes and summarised beyond; default 64 KiB. */
  maxLoggedDataBytes?: number;
  /**
   * How `text` becomes bytes on the wire: `utf8` (default, the editor's text)
   * or `latin1` (one byte per character: a file read as latin1 is sent byte for byte).
   */
  encoding?: 'utf8' | 'latin1';
  /** Sign with DKIM over the octets sent (after Bcc removal and any re-encoding). */
  dkim?: DkimSigning;
  /** The language of the failure messages (a BCP 47 tag or VS Code locale; English when absent or unsupported). */
  locale?: string;
}
