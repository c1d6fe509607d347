/** Deutsche Ablehnungen: was verstanden wurde, was nicht stimmt, und ein Beispiel, das geht (in de.ts eingebunden). */
import type { Intent, ParseError } from '../commands/command.ts';
import type { RichText } from '../port.ts';
import { b, code, l, line } from '../rich.ts';
import { deOccasions } from './de-occasions.ts';
import { deSources } from './de-sources.ts';
import type { SourceUsage } from '../commands/parse-sources.ts';

/** „Wen?“ mit einem Beispiel des Befehls, zu dem es fehlt („/zurückstellen“ allein, „/email“ ohne Namen). */
const WHOM: Partial<Record<Intent, [string, string]>> = {
  snooze: ['Wen soll ich zurückstellen, und bis wann?', '/zurückstellen Bob 2 Wochen'],
  note: ['Zu wem ist die Notiz?', '/notiz Anna ist jetzt CFO'],
  tier: ['Wessen Stufe?', '/stufe Bob C'],
  cadence: ['Wessen Rhythmus?', '/rhythmus Bob alle 3 Wochen'],
  remind: ['An wen soll ich dich erinnern, und wann?', '/erinnere Bob am 3. Dezember nach der Ausschreibung fragen'],
  show: ['Wen soll ich zeigen?', '/zeige Anna'],
  archive: ['Wen soll ich archivieren?', '/archivieren Tom'],
  delete: ['Wen soll ich löschen?', '/löschen Tom'],
  rename: ['Wen soll ich umbenennen?', '/umbenennen Bob in Robert Meyer'],
  detail: ['Zu wem gehört die Angabe?', '/email Anna anna@example.org'],
  touch: ['Mit wem?', 'gestern mit Bob telefoniert'],
  met: ['Wen hast du kennengelernt?', '/met Anna auf der Verbandstagung, Stufe A'],
  add: ['Wen soll ich hinzufügen?', '/hinzufügen Bob Meyer, Stufe B'],
  intro: ['Wen hast du vorgestellt?', '/vorstellen Anna und Bob'],
};

const FIELD: Record<string, [string, string]> = {
  email: ['die E-Mail-Adresse', '/email Anna anna@example.org'],
  phone: ['die Telefonnummer', '/telefon Bob +49 30 1234567'],
  company: ['die Firma', '/firma Anna Siemens'],
  role: ['die Rolle', '/rolle Anna CFO'],
  address: ['die Adresse', '/adresse Anna Keller: Lindenstraße 12, 10115 Berlin'],
  birthday: ['der Geburtstag', '/geburtstag Anna 12.3.'],
};

export function parseError(e: ParseError): RichText {
  const p = e.params;
  const got = p.got ?? '';
  const help = e.intent ? line(' Siehe ', code(`/hilfe ${e.intent}`), '.') : line();
  switch (e.error) {
    case 'empty':
      return [l`Schreib zum Beispiel ${code('/met Anna auf der Verbandstagung, Stufe A')} — oder ${code('/hilfe')}.`];
    case 'too_long':
      if (e.intent === 'note') return [l`Die Notiz ist zu lang (${p.length ?? ''} Zeichen; eine Notiz fasst höchstens ${p.max ?? '4000'}). Nichts wurde geändert — teil sie auf zwei Notizen auf.`];
      return [l`Die Nachricht ist zu lang für einen Befehl (${p.length ?? 'über 500'} Zeichen; höchstens ${p.max ?? '500'}). Nichts wurde geändert.`];
    case 'not_understood':
      if (p.missing === 'query') return [l`Wonach soll ich suchen? Schreib z. B. ${code('/suche siemens')} oder ${code('/suche #messe')}.`];
      return [l`Das habe ich nicht verstanden: ${b(got || p.text || '')}. Nichts wurde geändert.`, l`${code('/hilfe')} zeigt, was ich kann.`];
    case 'unknown_command':
      return [l`Den Befehl ${code(p.word ?? got)} kenne ich nicht. Nichts wurde geändert.`, l`${code('/hilfe')} zeigt alle Befehle.`];
    case 'missing_name': {
      const whom = e.intent ? WHOM[e.intent] : undefined;
      if (whom) return [l`${whom[0]} Ich brauche einen Namen — schreib z. B. ${code(whom[1])}.`];
      return [l`Wen meinst du? Hier brauche ich einen Namen.`, help];
    }
    case 'missing_other':
      if (e.intent === 'rename') return [l`Wie soll ${b(p.name ?? 'der Kontakt')} heißen? Schreib z. B. ${code('/umbenennen Bob in Robert Meyer')}.`];
      return [l`Wem hast du ${b(p.name ?? '')} vorgestellt? Schreib ${code('/vorstellen Anna und Bob')}.`];
    case 'missing_note':
      return [l`Was soll in der Notiz zu ${b(p.name ?? 'der Person')} stehen?`, help];
    case 'missing_date':
      return [l`Wann? Hier brauche ich ein Datum, etwa ${code('bis 10. Januar')}, ${code('nächste Woche')} oder ${code('in 2 Wochen')}.`, help];
    case 'missing_value': {
      const [what, example] = FIELD[p.field ?? ''] ?? ['die Angabe', '/email Anna anna@example.org'];
      return [l`Was ist ${what} von ${b(p.name ?? '')}? Schreib z. B. ${code(example)}.`];
    }
    case 'bad_date':
      return [l`In ${b(got)} finde ich kein Datum. Versuch ${code('gestern')}, ${code('letzten Freitag')} oder ${code('3. Dezember')}.`];
    case 'impossible_date':
      return [l`${b(got)} gibt es nicht — kein Monat hat diesen Tag. Nichts wurde geändert.`];
    case 'month_needed':
      return [l`In welchem Monat ${b(p.year ?? got)}? Schreib z. B. ${code(`letzter Kontakt März ${p.year ?? got}`)}. Nichts wurde geändert.`];
    case 'bad_range':
      return [l`Der Zeitraum endet, bevor er beginnt (${b(got)}). Schreib z. B. ${code('/pause vom 23.12. bis 6.1.')}.`];
    case 'bad_email':
      return [l`${b(got)} ist keine E-Mail-Adresse. Schreib z. B. ${code('/email Anna anna@example.org')}.`];
    case 'bad_phone':
      return [l`${b(got)} ist keine Telefonnummer. Schreib z. B. ${code('/telefon Bob +49 30 1234567')}.`];
    case 'bad_source':
      return deSources.sourceUsage((p.usage ?? 'calendar') as SourceUsage);
    case 'bad_birthday':
      return deOccasions.occasionParseError(e);
    case 'bad_address':
      return [l`In ${b(got)} finde ich keine Postanschrift — ich brauche Straße, dann Postleitzahl und Ort: ${code('/adresse Anna Keller: Lindenstraße 12, 10115 Berlin')}.`];
    case 'date_in_past':
      return [l`${b(got || p.date || '')} liegt in der Vergangenheit — hier brauche ich ein Datum in der Zukunft. Nichts wurde geändert.`];
    case 'date_in_future':
      return [l`${b(got || p.date || '')} liegt in der Zukunft — hier geht es nur um Vergangenes. Nichts wurde geändert.`];
    case 'bad_tier':
      return [l`In ${b(got)} finde ich keine Stufe — nimm A, B, C oder D.${p.name ? ` Für ${p.name} hat sich nichts geändert.` : ''}`];
    case 'tier_without_cadence':
      return [l`Stufe ${p.tier ?? got} hat keinen Rhythmus: C-Kontakte sind passiv, D-Kontakte werden zum Archivieren vorgeschlagen — nur A und B bekommen Erinnerungen.`];
    case 'bad_cadence':
      if (Number(p.days) <= 0 && p.days !== undefined) return [l`Ein Rhythmus muss mindestens einen Tag lang sein — ${b(got)} ist es nicht. Schreib z. B. ${code('/rhythmus Ann alle 3 Wochen')}. Nichts wurde geändert.`];
      return [l`In ${b(got)} finde ich keinen Rhythmus — schreib z. B. ${code('alle 3 Wochen')} oder ${code('2 Monate')} (1 Tag bis 10 Jahre).`];
    case 'bad_setting':
      return [l`Die Einstellung ${b(got)} gibt es nicht. Einstellungen: zeit, zeitzone, tage, anzahl, sprache, rhythmus, feiertage.`, line(' Siehe ', code('/hilfe einstellungen'), '.')];
    case 'bad_time':
      return [l`${b(got)} ist keine Uhrzeit — schreib z. B. ${code('/einstellungen zeit 8:30')}.`];
    case 'bad_timezone':
      return [l`Die Zeitzone ${b(got)} kenne ich nicht — nimm einen Namen wie ${code('Europe/Berlin')} oder ${code('America/New_York')}.`];
    case 'bad_days':
      return [l`In ${b(got)} finde ich keine Wochentage — schreib z. B. ${code('Mo-Fr')} oder ${code('mo,mi,fr')}.`];
    case 'bad_count':
      return [l`${b(got)} ist keine Anzahl Personen pro Tag — wähle 1, 2 oder 3.`];
    case 'bad_language':
      return [l`Ich spreche Deutsch und Englisch — ${b(got)} ist keins davon. Schreib ${code('/einstellungen sprache de')} oder ${code('en')}.`];
    case 'bad_holidays':
      return [l`${b(got)} ist keine Feiertagsregion — schreib z. B. ${code('/einstellungen feiertage DE-BY')}, ${code('AT')} oder ${code('keine')}.`];
    case 'bad_format':
      return [l`Ich exportiere ${code('json')}, ${code('csv')}, ${code('vcf')} oder ${code('ics')} — nicht ${b(got)}.`];
  }
}
