/** Deutsche Texte zu verbundenen Kalendern und Postfächern (in de.ts eingefügt). */
import type { SourceKind, SyncFailure } from '../sources/model.ts';
import { b, code, l } from '../rich.ts';
import type { enSources } from './en-sources.ts';

const KIND: Record<SourceKind, string> = { ical: 'Kalender', caldav: 'Kalender', imap: 'Postfach' };

const WHY: Record<SyncFailure, string> = {
  auth_failed: 'der Server nimmt Benutzername oder Passwort nicht an',
  unreachable: 'der Server ist nicht erreichbar',
  timeout: 'der Server antwortet nicht rechtzeitig',
  too_large: 'er ist größer, als ich lese (50 MB)',
  not_calendar: 'die Adresse liefert keine iCalendar-Datei',
  http_error: 'der Server antwortet mit einem Fehler',
  tls_failed: 'eine sichere Verbindung zum Server kommt nicht zustande',
  private_address: 'er liegt in einem privaten Netz, das dieses keepwarm nicht erreichen darf',
  no_sent_folder: 'ich finde seinen Ordner „Gesendet“ nicht',
  secret_unreadable: 'sein gespeichertes Passwort lässt sich nicht mehr öffnen (der Betreiber hat den Schlüssel geändert)',
  no_secret_key: 'der Betreiber hat KEEPWARM_SECRET_KEY nicht gesetzt',
  failed: 'beim Lesen ist etwas schiefgegangen',
};

export const deSources: typeof enSources = {
  sourceFailing: (kind, name, failure) => [
    l`⚠️ Dein ${KIND[kind]} ${b(name)} lässt sich seit einer Weile nicht abgleichen: ${WHY[failure]}. Es wurde nichts geändert.`,
    l`Ich versuche es weiter und sage erst wieder Bescheid, wenn es einmal geklappt hat. ${code('/sources')} zeigt den Stand.`,
  ],
  sourcesNeedKey: () => [l`Um einen Kalender oder ein Postfach zu verbinden, braucht es einen Schlüssel, der das Passwort verschlüsselt – und der Betreiber dieses keepwarm hat keinen gesetzt (KEEPWARM_SECRET_KEY). Es wurde nichts gespeichert.`],
  syncFailureReason: (failure) => WHY[failure],
};
