/**
 * The HTML scanner refills one tag object and a pool of attribute objects for
 * each start tag: each tag must still show exactly its own attributes (none
 * left over from a longer tag before it), with names lowercased and spans
 * and values true, whatever came before.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { scanHtml, type HtmlAttribute } from '../../../src/mail/html/scan';

/** Each start tag as a plain copy: name, span, and its attributes as [name, value, valueStart, valueEnd]. */
function tagsOf(html: string): Array<{ name: string; start: number; end: number; attributes: Array<[string, string, number, number]> }> {
  const out: ReturnType<typeof tagsOf> = [];
  scanHtml(html, {
    startTag(tag) {
      out.push({ name: tag.name, start: tag.start, end: tag.end, attributes: tag.attributes.map((a: HtmlAttribute) => [a.name, a.value, a.valueStart, a.valueEnd]) });
    },
  });
  return out;
}

test('each start tag has exactly its own attributes, after longer and shorter tags and tags without any', () => {
  const html = '<IMG SRC="a.png" alt=x Width="80" data-n=\'1\' hidden><br><p class="c"><img src=b.gif><TD Style="margin:0" style="x"></td>';
  assert.deepEqual(tagsOf(html), [
    { name: 'img', start: 0, end: 52, attributes: [['src', 'a.png', 10, 15], ['alt', 'x', 21, 22], ['width', '80', 30, 32], ['data-n', '1', 42, 43], ['hidden', '', 51, 51]] },
    { name: 'br', start: 52, end: 56, attributes: [] },
    { name: 'p', start: 56, end: 69, attributes: [['class', 'c', 66, 67]] },
    { name: 'img', start: 69, end: 84, attributes: [['src', 'b.gif', 78, 83]] },
    { name: 'td', start: 84, end: 115, attributes: [['style', 'margin:0', 95, 103], ['style', 'x', 112, 113]] },
  ]);
});

test('a name is lowercased when it has an ASCII capital (a closing tag\'s always), and one met in two cases is one name', () => {
  const names: string[] = [];
  scanHtml('<x-Ä dAtA-Ä=1 data-ä=2><X-Ä></x-Ä><Table BORDER=0><table border=1></TABLE>', {
    startTag: (tag) => void names.push(tag.name, ...tag.attributes.map((a) => `@${a.name}`)),
    endTag: (name) => void names.push(`/${name}`),
  });
  assert.deepEqual(names, ['x-Ä', '@data-ä', '@data-ä', 'x-ä', '/x-ä', 'table', '@border', 'table', '@border', '/table']);
});
