/** What the user typed, read back from Slack's wire format. */
import { describe, expect, it } from 'vitest';
import { commandText, fromSlackText } from '../../adapters/slack/text.ts';

describe('text from Slack', () => {
  it('unescapes &amp;, &lt; and &gt; once', () => {
    expect(fromSlackText('met Tom &amp; Jerry &lt;3 &amp;lt;')).toBe('met Tom & Jerry <3 &lt;');
  });

  it('reads links, e-mail addresses and mentions as the user sees them', () => {
    expect(fromSlackText('/note Anna <https://anna.example|anna.example> <mailto:anna@x.de|anna@x.de>')).toBe('/note Anna anna.example anna@x.de');
    expect(fromSlackText('see <https://x.example/a>')).toBe('see https://x.example/a');
    expect(fromSlackText('intro <@U123> to <#C1|general>, <!here>')).toBe('intro @U123 to general, @here');
  });
});

describe('slash commands as text', () => {
  it('passes /met, /done, /touch, /note, /today and /overdue on as they are', () => {
    expect(commandText('/met', 'Anna at Verbandstagung, tier A')).toBe('/met Anna at Verbandstagung, tier A');
    expect(commandText('/today', '')).toBe('/today');
    expect(commandText('/note', 'Anna &amp; Bob')).toBe('/note Anna & Bob');
  });

  it('reads /keepwarm INTENT … as /INTENT …, a phrase as a phrase, and /keepwarm alone as /help', () => {
    expect(commandText('/keepwarm', 'tier Bob C')).toBe('/tier Bob C');
    expect(commandText('/keepwarm', 'Stufe Bob C')).toBe('/Stufe Bob C');
    expect(commandText('/keepwarm', '/show Anna')).toBe('/show Anna');
    expect(commandText('/keepwarm', 'called Bob yesterday')).toBe('called Bob yesterday');
    expect(commandText('/keepwarm', '')).toBe('/help');
    // The sources commands are commands too: `/keepwarm calendar https://…`, `/keepwarm Kalender …`.
    expect(commandText('/keepwarm', 'calendar https://cal.example.org/x.ics')).toBe('/calendar https://cal.example.org/x.ics');
    expect(commandText('/keepwarm', 'Kalender privat aus')).toBe('/Kalender privat aus');
    expect(commandText('/keepwarm', '   ')).toBe('/help');
  });
});
