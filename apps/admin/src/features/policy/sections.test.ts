import { describe, expect, it } from 'vitest';
import { orderedSections, paragraphs } from './sections.js';

describe('orderedSections', () => {
  it('orders by clause number without mutating the input', () => {
    const input = [{ number: 3 }, { number: 1 }, { number: 2 }];
    expect(orderedSections(input).map((s) => s.number)).toEqual([1, 2, 3]);
    expect(input.map((s) => s.number)).toEqual([3, 1, 2]);
  });
});

describe('paragraphs', () => {
  it('splits on blank lines and trims', () => {
    expect(paragraphs('One\nline two\n\n  Two  \n\n\n')).toEqual(['One\nline two', 'Two']);
    expect(paragraphs('')).toEqual([]);
  });
});
