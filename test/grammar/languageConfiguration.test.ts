import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { ROOT } from './grammarHarness';

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));

/** The parts of a language configuration file these tests read. */
interface LanguageConfiguration {
  wordPattern: string;
  brackets: string[][];
  autoClosingPairs: { open: string; close: string }[];
  colorizedBracketPairs: string[][];
  folding?: { markers: { start: string; end: string } };
}

function readConfig(name: string): LanguageConfiguration {
  return JSON.parse(readFileSync(join(ROOT, 'language-configuration', name), 'utf8'));
}

/** The words VS Code would see: it compiles wordPattern as a global RegExp. */
function words(pattern: string, text: string): string[] {
  return [...text.matchAll(new RegExp(pattern, 'g'))].map((m) => m[0]);
}

for (const name of ['eml.json', 'smtp-transcript.json']) {
  test(`${name}: an email address is one word`, () => {
    const { wordPattern } = readConfig(name);
    assert.deepEqual(words(wordPattern, 'alice.smith+tag@example.co.uk'), ['alice.smith+tag@example.co.uk']);
    assert.deepEqual(words(wordPattern, 'To: "Alice" <alice.smith+tag@example.co.uk>, bob@x.org'), [
      'To',
      'Alice',
      'alice.smith+tag@example.co.uk',
      'bob@x.org',
    ]);
    assert.deepEqual(words(wordPattern, 'C: MAIL FROM:<a.b@c.example> SIZE=123'), ['C', 'MAIL', 'FROM', 'a.b@c.example', 'SIZE=123']);
  });

  test(`${name}: angle brackets pair and close, quotes auto-close`, () => {
    const config = readConfig(name);
    assert.ok(config.brackets.some(([o, c]) => o === '<' && c === '>'));
    assert.ok(config.autoClosingPairs.some((p) => p.open === '"' && p.close === '"'));
    assert.ok(config.autoClosingPairs.some((p) => p.open === '<' && p.close === '>'));
    // `>` quote markers, `:)` in bodies and `<-`/`->` log prefixes are unbalanced on purpose:
    // bracket-pair colourisation would paint them as errors, so it is off for these languages.
    assert.deepEqual(config.colorizedBracketPairs, []);
  });
}

test('smtp-transcript.json: # region annotations are folding markers', () => {
  const markers = readConfig('smtp-transcript.json').folding?.markers;
  assert.ok(markers);
  assert.match('# region EHLO', new RegExp(markers.start));
  assert.match('#endregion', new RegExp(markers.end));
  assert.doesNotMatch('C: # region', new RegExp(markers.start));
});

test('package.json points both languages at these files and the grammars at syntaxes/', () => {
  const langs = pkg.contributes.languages as { id: string; configuration: string }[];
  assert.equal(langs.find((l) => l.id === 'eml')?.configuration, './language-configuration/eml.json');
  assert.equal(langs.find((l) => l.id === 'smtp-transcript')?.configuration, './language-configuration/smtp-transcript.json');
  const grammars = pkg.contributes.grammars as { scopeName: string; path: string; embeddedLanguages: Record<string, string> }[];
  const eml = grammars.find((g) => g.scopeName === 'text.eml');
  const smtp = grammars.find((g) => g.scopeName === 'text.smtp-transcript');
  assert.equal(eml?.path, './syntaxes/eml.tmLanguage.json');
  assert.equal(eml?.embeddedLanguages['text.html.basic'], 'html');
  assert.equal(smtp?.path, './syntaxes/smtp-transcript.tmLanguage.json');
  assert.equal(smtp?.embeddedLanguages['meta.embedded.message.smtp-transcript'], 'eml');
});

test('every embeddedLanguages scope of package.json is a scope its grammar assigns', () => {
  const grammars = pkg.contributes.grammars as { path: string; embeddedLanguages?: Record<string, string> }[];
  for (const g of grammars) {
    const text = readFileSync(join(ROOT, g.path), 'utf8');
    const assigned = new Set<string>();
    for (const m of text.matchAll(/"(?:name|contentName)": "([^"]+)"/g)) for (const scope of m[1].split(' ')) assigned.add(scope);
    for (const scope of Object.keys(g.embeddedLanguages ?? {})) assert.ok(assigned.has(scope), `${g.path} never assigns ${scope}`);
  }
});
