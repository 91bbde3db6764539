import { describe, expect, it } from 'vitest';
import { markSnippet } from './search.js';

describe('markSnippet', () => {
  it('escapes the text first, then turns the headline markers into <mark>', () => {
    expect(markSnippet('<img src=x onerror="alert(1)"> & \u0002Klima\u0003 \'x\'')).toBe(
      '&lt;img src=x onerror=&quot;alert(1)&quot;&gt; &amp; <mark>Klima</mark> &#39;x&#39;',
    );
  });

  it('does not let text that looks like a mark through unescaped', () => {
    expect(markSnippet('<mark>falsk</mark>')).toBe('&lt;mark&gt;falsk&lt;/mark&gt;');
  });

  it('collapses whitespace and line breaks', () => {
    expect(markSnippet('  a\n\n b\t c ')).toBe('a b c');
  });
});
