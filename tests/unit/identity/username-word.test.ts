import { describe, expect, it } from 'vitest';
import { parseIdentity } from '@/lib/identity';
import { usernameWord } from '@/lib/identity/instagram';

// usernameWord stands in for parseIdentity in Instagram's content script (avatar alt texts), so
// that the script need not carry the reading of pasted text: both must answer alike on every
// word of username characters.
describe('usernameWord', () => {
  const read = (word: string) => {
    const parsed = parseIdentity('instagram', word);
    return parsed.ok ? parsed.identity : null;
  };

  it('reads as parseIdentity does on words of username characters', () => {
    const words = [
      'ana.ruiz', 'Ana_Ruiz', 'rowan.talks', 'x', 'a'.repeat(30), '.ana', 'ana.', 'an..a', 'p', 'reel', 'explore', 'direct',
      'ana.com', 'shop.NET', 'www.ana', 'WWW.x', 'instagr.am', 'x.instagr.am', 'lnkd.in', 'fb.me', 'a_b.fb.me', 'ana.com.br',
      'instagram.com', 'm.instagram.com', 'ana.org.uk', 'ana.gov', 'ana.edu_', '123', '_', '__', 'ana.comm',
    ];
    const alphabet = 'abcxyz019._ACW';
    let seed = 7;
    for (let n = 0; n < 400; n++) {
      let word = '';
      const length = 1 + (n % 12);
      for (let i = 0; i < length; i++) word += alphabet[(seed = (seed * 48271) % 2147483647) % alphabet.length];
      words.push(word, `${word}.com`, `www.${word}`);
    }
    for (const word of words) expect(usernameWord(word), word).toBe(read(word));
  });
});
