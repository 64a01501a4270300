/**
 * `smtp-eml --help`: each command's synopsis (syntax, the same in every
 * language) above its description from the locale bundle's `cli` table. Here,
 * not in the commands' modules, so that the help prints without loading
 * the commands that main.ts loads on demand (render, replay).
 */
import type { CliCommand, CliTexts } from '../mail/cliTexts';

/** Each command's synopsis lines, each ending in a line break. */
const SYNOPSIS: Readonly<Record<CliCommand, string>> = {
  check: '  smtp-eml check [--format text|json] [--locale LOCALE] [--html-clients LIST] [--dkim-keys FILE] [--max-size MB] FILE...\n',
  send: `  smtp-eml send FILE --host HOST [--port PORT] [--security starttls|tls|none]
                [--user USER] [--insecure] [--ca FILE] [--from ADDR] [--to ADDR]...
                [--log FILE] [--name EHLO-NAME] [--timeout MS] [--max-size MB]
                [--allow-cleartext-auth] [--dkim-key FILE --dkim-selector S [--dkim-domain D]]
                [--oauth2-token-command CMD]
`,
  inbox: '  smtp-eml inbox [--port 2525] [--dir DIR] [--script FILE.smtp]\n',
  render: '  smtp-eml render FILE [--out FILE.html] [--allow-remote] [--message N] [--locale LOCALE]\n',
  replay: `  smtp-eml replay FILE.smtp --host HOST [--port PORT] [--security starttls|tls|none]
                [--match code|class|text] [--user USER] [--insecure] [--timeout MS]
`,
  split: '  smtp-eml split FILE.mbox --out DIR [--strip-envelope]\n',
  join: '  smtp-eml join DIR|FILE... --out FILE.mbox [--force]\n',
};

/** One command's part of the help: synopsis and description. */
export function commandUsage(command: CliCommand, texts: CliTexts): string {
  return SYNOPSIS[command] + texts.usage[command];
}

/** `split --help`, `join --help`: `Usage:` and the synopsis on one line, then the fuller description. */
export function commandHelp(command: 'split' | 'join', texts: CliTexts): string {
  return `${texts.usageOf(SYNOPSIS[command].trim())}\n${texts.usageDetails[command]}`;
}

/** The whole help, in the language of `texts`. */
export function usageText(texts: CliTexts): string {
  const part = (command: CliCommand): string => commandUsage(command, texts);
  return `${texts.usageTitle}
${part('check')}
${part('send')}
${texts.usageLimits}
${part('inbox')}
${part('render')}
${part('replay')}
${part('split')}${part('join')}
  smtp-eml --help | --version
`;
}
