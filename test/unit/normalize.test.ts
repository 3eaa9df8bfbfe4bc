import { describe, expect, it } from 'vitest';
import { nameKey, normalizeHeader, normalizeName } from '../../shared/text/normalize.js';

describe('folding names', () => {
  it.each([
    ['Basis op Orde', 'basis op orde'],
    [' basis-op  orde. ', 'basis op orde'],
    ['Netwérken', 'netwerken'],
    ['Begeleiding – intervisie', 'begeleiding intervisie'],
    ['“Selfcare”', 'selfcare'],
    ['Café\u00a0Ünïcode', 'cafe unicode'],
    ['Ruimte & Economie', 'ruimte economie'],
  ])('%j → %j', (name, folded) => {
    expect(normalizeName(name)).toBe(folded);
  });

  it('keys names the same whether punctuation joins or splits words', () => {
    expect(nameKey('Self-care')).toBe(nameKey('Selfcare'));
    expect(nameKey('Hulp bij actie-plan')).toBe(nameKey('Hulp bij Actieplan'));
    expect(nameKey('Basis op orde')).not.toBe(nameKey('Basis op orde 2'));
  });

  it('drops numbers with their % from headers, and keeps a lone % as a rate', () => {
    expect(normalizeHeader('BTW 21%')).toBe('btw');
    expect(normalizeHeader('BTW %')).toBe('btw pct');
    expect(normalizeHeader('Onvoorzien 10 %')).toBe('onvoorzien');
  });
});
