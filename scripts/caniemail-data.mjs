// Turns caniemail.com's published data (the `caniemail` npm package's
// data/caniemail.json, MIT) into the compact file the HTML checks load lazily:
// dist/caniemail.json. Only the newest test result per client is kept (the
// checks ask "does it work in this client today?"), with the feature's notes
// and page link, so the file stays a fraction of the original and the .vsix small.
//
// The package's code needs Node 22; only its JSON is read here, at build time.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
/** Where npm puts the published data. */
export const SOURCE = join(root, 'node_modules', 'caniemail', 'data', 'caniemail.json');
/** What the server and the CLI read (next to dist/server.js and dist/cli.js). */
export const TARGET = join(root, 'dist', 'caniemail.json');

/**
 * Parses the JSON keeping the written order of version keys: JSON.parse puts
 * integer-like keys ("2019") before the others ("2019-02"), which would make an
 * older test look like the newest. A private prefix on every key keeps them strings.
 */
function parseInWrittenOrder(text) {
  const marked = text.replace(/"((?:[^"\\]|\\.)*)"(\s*):/g, '"\\u0001$1"$2:');
  return JSON.parse(marked, function (key, value) {
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      const out = {};
      for (const [k, v] of Object.entries(value)) out[k.startsWith('\u0001') ? k.slice(1) : k] = v;
      return out;
    }
    return value;
  });
}

/** The compact form of the published data. */
export function compactSupportData(text) {
  const raw = parseInWrittenOrder(text);
  const features = [];
  for (const f of raw.data) {
    /** `family.platform` -> newest result, e.g. "a #1 #2". */
    const support = {};
    for (const [family, platforms] of Object.entries(f.stats ?? {})) {
      for (const [platform, versions] of Object.entries(platforms ?? {})) {
        const keys = Object.keys(versions ?? {});
        if (keys.length) support[`${family}.${platform}`] = String(versions[keys[keys.length - 1]]).trim();
      }
    }
    const feature = { slug: f.slug, title: String(f.title ?? f.slug).trim(), category: f.category, url: f.url, support };
    if (f.notes) feature.notes = f.notes;
    if (f.notes_by_num && Object.keys(f.notes_by_num).length) feature.notesByNum = f.notes_by_num;
    features.push(feature);
  }
  return {
    source: 'caniemail.com (MIT licence)',
    updated: raw.last_update_date,
    families: raw.nicenames?.family ?? {},
    platforms: raw.nicenames?.platform ?? {},
    features,
  };
}

/** Writes dist/caniemail.json from the installed package; returns the compact data. */
export function writeSupportData(source = SOURCE, target = TARGET) {
  const data = compactSupportData(readFileSync(source, 'utf8'));
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, JSON.stringify(data));
  return data;
}
