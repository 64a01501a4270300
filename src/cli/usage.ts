/**
 * Help texts of the commands that main.ts loads on demand (render, replay):
 * here so that `smtp-eml --help` prints them without loading those commands.
 */

/** `smtp-eml render`. */
export const RENDER_USAGE = `  smtp-eml render FILE [--out FILE.html] [--allow-remote] [--message N] [--locale LOCALE]
      Write the message as a recipient would see it: one self-contained,
      sanitized HTML page (decoded headers, the HTML body else the text,
      cid: images inline as data: URIs, attachments listed, attached messages
      nested; no script from the message). Remote images and styles are left
      out unless --allow-remote (tracking pixels always are). Writes to stdout
      without --out. .mbox and .smtp files: the Nth message (default 1).
`;

/** `smtp-eml replay`. */
export const REPLAY_USAGE = `  smtp-eml replay FILE.smtp --host HOST [--port PORT] [--security starttls|tls|none]
                [--match code|class|text] [--user USER] [--insecure] [--timeout MS]
      Send the transcript's C: lines to a live server (the DATA as written; AUTH
      only with --user, as AUTH PLAIN, never the transcript's masked data;
      STARTTLS where the transcript has it) and compare each reply with the
      transcript's S: lines: by reply code (default), by class (first digit)
      or by code and text. Prints the live session as a transcript with each
      difference marked; the differences also go to stderr as FILE:LINE.
      Exit 0 when all match, 1 when any differs, 2 when it could not run.
`;
