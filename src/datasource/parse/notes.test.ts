import { ParseNotes } from './notes';

describe('ParseNotes', () => {
  it('groups by message with a count and the first path', () => {
    const notes = new ParseNotes();
    notes.add('odd value', 'a[0]');
    notes.add('odd value', 'a[3]');
    notes.add('other', '');
    expect(notes.list()).toEqual(['odd value (2 values, first at a[0])', 'other (at the response)']);
  });

  it('redacts bearer tokens and JWT-shaped values a gateway put into a field it quotes', () => {
    const jwt = `eyJhbGciOiJSUzI1NiJ9.${'eyJzdWIiOiJ1c2VyIn0'}.c2lnbmF0dXJlLXNpZ25hdHVyZQ`;
    const notes = new ParseNotes();
    notes.add(`A row could not be read and was left out: id: expected a string, got "Bearer ${jwt}"`, 'deployment[2]');
    notes.add(`A total could not be read (expected a number, got "${jwt}"); shown as no value`, 'totalDeployments');
    const text = notes.list().join('\n');
    expect(text).not.toContain(jwt);
    expect(text).not.toContain('eyJ');
    expect(notes.list()).toEqual([
      'A row could not be read and was left out: id: expected a string, got "Bearer [redacted]" (at deployment[2])',
      'A total could not be read (expected a number, got "[redacted]"); shown as no value (at totalDeployments)',
    ]);
  });
});
