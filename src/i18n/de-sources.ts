/** Deutsche Texte zu verbundenen Kalendern und Postfächern (in de.ts eingefügt). */
import type { SourceUsage } from '../commands/parse-sources.ts';
import type { SourceKind, SyncFailure, SyncSummary } from '../sources/model.ts';
import type { RichText } from '../port.ts';
import { b, code, i, l, line } from '../rich.ts';
import { daysBetween } from '../core/dates.ts';
import type { enSources } from './en-sources.ts';
import { formatDate } from './format.ts';

const KIND: Record<SourceKind, string> = { ical: 'Kalender', caldav: 'Kalender', imap: 'Postfach' };
const ICON: Record<SourceKind, string> = { ical: '📅', caldav: '📅', imap: '✉️' };

const WHY: Record<SyncFailure, string> = {
  auth_failed: 'der Server nimmt Benutzername oder Passwort nicht an',
  unreachable: 'der Server ist nicht erreichbar',
  timeout: 'der Server antwortet nicht rechtzeitig',
  too_large: 'er ist größer, als ich lese (20 MB)',
  not_calendar: 'die Adresse liefert keine iCalendar-Datei',
  http_error: 'der Server antwortet mit einem Fehler',
  tls_failed: 'eine sichere Verbindung zum Server kommt nicht zustande',
  private_address: 'er liegt in einem privaten Netz, das dieses keepwarm nicht erreichen darf',
  no_sent_folder: 'ich finde seinen Ordner „Gesendet“ nicht',
  secret_unreadable: 'sein gespeichertes Passwort lässt sich nicht mehr öffnen (der Betreiber hat den Schlüssel geändert)',
  no_secret_key: 'der Betreiber hat KEEPWARM_SECRET_KEY nicht gesetzt',
  failed: 'beim Lesen ist etwas schiefgegangen',
};

const USAGE: Record<SourceUsage, () => RichText> = {
  calendar: () => [
    l`Schick die geheime Adresse deines Kalenders: ${code('/kalender https://…')} (Google: Einstellungen → dein Kalender → „Privatadresse im iCal-Format“; Outlook: Kalender veröffentlichen, ICS-Link; iCloud: als öffentlichen Kalender teilen).`,
    l`Ein CalDAV-Konto: ${code('/kalender caldav https://dav.example.org BENUTZER')} – das Passwort frage ich danach.`,
  ],
  caldav: () => [l`Sag ${code('/kalender caldav https://dav.example.org BENUTZER')} mit der Adresse des Servers und deinem Benutzernamen; das Passwort frage ich in der nächsten Nachricht.`],
  mail: () => [
    l`Sag ${code('/mail imap.example.org BENUTZER')} (Port 993 mit TLS; ${code('host:143')} für STARTTLS); das App-Passwort frage ich in der nächsten Nachricht.`,
    l`${code('/mail posteingang an')} zählt auch Mails, die du von Kontakten bekommst.`,
  ],
  disconnect: () => [l`Sag ${code('/trennen 1')} mit der Nummer, die ${code('/quellen')} zeigt.`],
  switch: () => [l`Sag ${code('an')} oder ${code('aus')}: ${code('/mail posteingang an')}, ${code('/kalender privat aus')}.`],
};

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

const summaryText = (kind: SourceKind, s: SyncSummary): string =>
  kind === 'imap' ? `${plural(s.read, 'Mail', 'Mails')} gelesen, ${s.added} eingetragen` : `${plural(s.read, 'Termin', 'Termine')} gelesen, ${s.added} Treffen eingetragen`;

/** „vor 3 Monaten“: der ungefähre Abstand, an den man sich erinnert. */
function longAgo(days: number): string {
  if (days <= 0) return 'heute';
  if (days === 1) return 'gestern';
  if (days < 14) return `vor ${days} Tagen`;
  if (days < 60) return `vor ${Math.round(days / 7)} Wochen`;
  if (days < 365) return `vor ${Math.round(days / 30)} Monaten`;
  const years = Math.floor(days / 365);
  return years === 1 ? 'vor über einem Jahr' : `vor über ${years} Jahren`;
}

export const deSources: typeof enSources = {
  sourceDigest: (d, today) => [
    ...(d.logged
      ? [
          line(
            '🔄 seit gestern von selbst eingetragen: ',
            [d.logged.meetings > 0 ? plural(d.logged.meetings, 'Treffen', 'Treffen') : '', d.logged.mails > 0 ? plural(d.logged.mails, 'Mail', 'Mails') : ''].filter(Boolean).join(', '),
            ` (${[...d.logged.names, ...(d.logged.more > 0 ? ['…'] : [])].join(', ')})`,
          ),
        ]
      : []),
    ...d.today.map((m) =>
      line(
        '📅 heute: ',
        m.time ? `${m.time} ` : '',
        b(m.name),
        m.lastTalked ? ` — zuletzt gesprochen ${longAgo(daysBetween(m.lastTalked, today))}` : ' — noch kein Kontakt eingetragen',
        m.note ? '; Gesprächsthema: ' : '',
        m.note ? i(m.note) : '',
      ),
    ),
  ],
  sourceFailing: (kind, name, failure) => [
    l`⚠️ Dein ${KIND[kind]} ${b(name)} lässt sich seit einer Weile nicht abgleichen: ${WHY[failure]}. Es wurde nichts geändert.`,
    l`Ich versuche es weiter und sage erst wieder Bescheid, wenn es einmal geklappt hat. ${code('/sources')} zeigt den Stand.`,
  ],
  sourcesNeedKey: () => [l`Um einen Kalender oder ein Postfach zu verbinden, braucht es einen Schlüssel, der das Passwort verschlüsselt – und der Betreiber dieses keepwarm hat keinen gesetzt (KEEPWARM_SECRET_KEY). Es wurde nichts gespeichert.`],
  syncFailureReason: (failure) => WHY[failure],
  sourceUsage: (usage) => USAGE[usage](),
  askSourcePassword: (kind, host, user, platform) => [
    l`🔑 Schick mir jetzt das ${kind === 'imap' ? 'App-Passwort' : 'Passwort'} für ${b(user)} auf ${b(host)} als nächste Nachricht (oder ${code('/abbrechen')}).`,
    platform === 'slack'
      ? l`Es wird verschlüsselt gespeichert und nie protokolliert. Slack lässt mich deine Nachricht nicht löschen – bitte lösch sie danach selbst.`
      : platform === 'telegram'
        ? l`Es wird verschlüsselt gespeichert und nie protokolliert, und ich lösche deine Nachricht aus diesem Chat.`
        : l`Es wird verschlüsselt gespeichert und nie protokolliert.`,
  ],
  passwordCancelled: () => l`Abgebrochen – es wurde kein Passwort gespeichert.`,
  secretMessageGone: (platform) =>
    platform === 'telegram'
      ? l`🧹 Ich habe deine Nachricht mit dem Geheimnis aus diesem Chat gelöscht.`
      : platform === 'slack'
        ? l`🧹 Slack lässt mich deine Nachricht nicht löschen: bitte lösch sie selbst (⋯ → Nachricht löschen).`
        : undefined,
  checkingSource: () => l`Ich prüfe es jetzt einmal …`,
  sourceConnected: (kind, name, summary) => [
    l`✓ ${ICON[kind]} ${kind === 'imap' ? 'Dein Postfach' : 'Dein Kalender'} ${b(name)} ist verbunden: ${summaryText(kind, summary)}.`,
    summary.added > 0 ? l`Ab jetzt lese ich ihn alle 15 Minuten. ${code('/rueckgaengig')} nimmt zurück, was er gerade eingetragen hat; ${code('/trennen')} entfernt ihn.` : l`Ab jetzt lese ich ihn alle 15 Minuten.`,
  ],
  sourceNotConnected: (kind, name, failure) => [l`✗ Ich konnte ${kind === 'imap' ? 'dein Postfach' : 'deinen Kalender'} ${b(name)} nicht verbinden: ${WHY[failure]}. Es wurde nichts gespeichert oder geändert.`],
  sourceCheckLater: (kind, name) => l`✓ ${kind === 'imap' ? 'Dein Postfach' : 'Dein Kalender'} ${b(name)} ist verbunden und wird gerade gelesen – ${code('/quellen')} zeigt gleich das Ergebnis.`,
  sourcesEmpty: () => [l`Es ist kein Kalender und kein Postfach verbunden.`, ...USAGE.calendar(), ...USAGE.mail()],
  sourcesList: (sources, today) => [
    l`${b('Verbunden')} (alle 15 Minuten gelesen):`,
    ...sources.map((s) =>
      line(
        `${s.position}. ${ICON[s.kind]} `,
        b(s.name),
        s.username ? ` (${s.username})` : '',
        s.fromOperator ? ' – vom Betreiber eingerichtet' : '',
        s.kind === 'imap' && s.inbox ? ' · auch Posteingang' : '',
        s.kind !== 'imap' && s.skipPrivate ? ' · private Termine ausgelassen' : '',
        ' – ',
        s.lastSync === null ? 'noch nicht gelesen' : `zuletzt gelesen ${s.lastSync.date === today ? 'heute' : formatDate(s.lastSync.date, 'de', today)} ${s.lastSync.time}: `,
        s.lastSync === null ? '' : s.lastResult === 'ok' || s.lastResult === null ? (s.lastSummary ? summaryText(s.kind, s.lastSummary) : 'ok') : `✗ ${WHY[s.lastResult]} (${s.failures}× in Folge)`,
      ),
    ),
    l`${code('/trennen N')} entfernt eine; ${code('/sync')} liest alle jetzt.`,
  ],
  sourceDisconnected: (kind, name) => l`✓ ${kind === 'imap' ? 'Dein Postfach' : 'Dein Kalender'} ${b(name)} ist getrennt und sein Passwort gelöscht. Die eingetragenen Kontakte bleiben.`,
  noSuchSource: (position, count) => (count === 0 ? l`Es ist kein Kalender und kein Postfach verbunden.` : l`Es gibt keine Nummer ${String(position)}: ${code('/quellen')} zeigt ${String(count)}.`),
  operatorSource: (name) => l`${b(name)} hat der Betreiber dieses keepwarm eingerichtet (KEEPWARM_IMAP_*); nur er kann es entfernen.`,
  sourceOptionSet: (option, on, count) =>
    option === 'inbox'
      ? on
        ? l`✓ Mails, die du von Kontakten bekommst, zählen jetzt auch (${plural(count, 'Postfach', 'Postfächer')}), ab dem nächsten Lesen.`
        : l`✓ Jetzt zählen nur Mails, die du schickst (${plural(count, 'Postfach', 'Postfächer')}).`
      : on
        ? l`✓ Als privat markierte Termine lasse ich jetzt aus (${plural(count, 'Kalender', 'Kalender')}), ab dem nächsten Lesen.`
        : l`✓ Als privat markierte Termine zählen wieder (${plural(count, 'Kalender', 'Kalender')}).`,
  noSourceOfKind: (option) => (option === 'inbox' ? [l`Es ist kein Postfach verbunden.`, ...USAGE.mail()] : [l`Es ist kein Kalender verbunden.`, ...USAGE.calendar()]),
  syncReport: (reports) =>
    reports.length === 0
      ? [l`Es ist kein Kalender und kein Postfach verbunden.`]
      : reports.map((r) =>
          line(`${ICON[r.kind]} `, b(r.name), ': ', r.result === 'ok' ? `${r.read} gelesen, ${r.added} eingetragen` : r.result === 'busy' ? 'wird gerade gelesen' : `✗ ${WHY[r.result]} – nichts geändert`),
        ),
  touchFromSource: (kind) => (kind === 'meeting' ? '📅 aus deinem Kalender' : '✉️ aus deinem Postfach'),
};
