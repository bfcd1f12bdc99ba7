import { redactSecrets } from './redact';

/** Known secret values are redacted only from 6 characters on, so ordinary words are left alone. */
describe('redactSecrets known secrets', () => {
  it('redacts a known secret of 6 characters or more, wherever it appears', () => {
    expect(redactSecrets('key abcdef and abcdef', ['abcdef'])).toBe('key [redacted] and [redacted]');
  });

  it('leaves text alone for a shorter or empty secret, and when no secrets are known', () => {
    expect(redactSecrets('the abcde word', ['abcde', ''])).toBe('the abcde word');
    expect(redactSecrets('Stryker was here')).toBe('Stryker was here');
  });
});
