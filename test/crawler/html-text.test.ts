import { test } from 'node:test';
import assert from 'node:assert/strict';
import { htmlToAlignedText } from '../../crawler/html-text.js';

test('output has the same length and text stays at its offsets', () => {
  const html = '<html><head><style>p{color:red}</style><script>var x = "Janet";</script></head><body><p class="a">Victim: Janet Okafor</p><img alt="Wei Chen at home"><!-- note: Darren --></body></html>';
  const text = htmlToAlignedText(html);
  assert.equal(text.length, html.length);
  for (const needle of ['Victim: Janet Okafor', 'Wei Chen at home', 'note: Darren']) {
    const at = html.indexOf(needle);
    assert.equal(text.slice(at, at + needle.length), needle, needle);
  }
  assert.ok(!text.includes('var x'), 'script text is blanked');
  assert.ok(!text.includes('color:red'), 'style text is blanked');
  assert.ok(!text.includes('class='), 'markup is blanked');
});

test('block tags separate text so words do not run together', () => {
  const text = htmlToAlignedText('<td>Janet</td><td>Okafor</td>');
  assert.match(text, /Janet\s+\n?\s*Okafor/);
});

test('unterminated markup does not throw', () => {
  assert.equal(htmlToAlignedText('<p>Hello <b').length, '<p>Hello <b'.length);
  assert.equal(htmlToAlignedText('<!-- open comment').length, '<!-- open comment'.length);
});
