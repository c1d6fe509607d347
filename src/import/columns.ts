/**
 * Which column of a CSV header means what. English and German names, and the
 * headers of the exports people actually have: LinkedIn's Connections.csv,
 * XING's (semicolon-separated, German), Google Contacts, Outlook, and
 * keepwarm's own CSV. The table in docs/import-export.md lists them.
 */

export type Field =
  | 'name'
  | 'first'
  | 'middle'
  | 'last'
  | 'email'
  | 'phone'
  | 'company'
  | 'role'
  | 'title'
  | 'tier'
  | 'lastContact'
  | 'notes'
  | 'tags'
  | 'place'
  | 'url'
  | 'birthday'
  | 'salutation'
  | 'academicTitle';

/** Lower case, accents kept, anything but letters and digits as one space: "E-Mail (geschäftlich)" -> "e mail geschäftlich". */
export function normalizeHeader(header: string): string {
  return header
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .join(' ');
}

const EXACT: Record<string, Field> = {};
function names(field: Field, ...headers: string[]): void {
  for (const header of headers) EXACT[normalizeHeader(header)] = field;
}

names('name', 'Name', 'Full Name', 'Fullname', 'Display Name', 'Contact', 'Contact Name', 'Vollständiger Name', 'Anzeigename', 'Kontakt', 'Kontaktname', 'Formatted Name', 'Person');
names('first', 'First Name', 'Firstname', 'First', 'Given Name', 'Forename', 'Vorname', 'Rufname');
names('middle', 'Middle Name', 'Additional Name', 'Weitere Vornamen', 'Zweiter Vorname', 'Second Name');
names('last', 'Last Name', 'Lastname', 'Last', 'Surname', 'Family Name', 'Nachname', 'Familienname');
names('company', 'Company', 'Company Name', 'Organization', 'Organisation', 'Organization Name', 'Organization 1 - Name', 'Employer', 'Firma', 'Firmenname', 'Unternehmen', 'Arbeitgeber', 'Organisation Name');
names('role', 'Position', 'Job Title', 'Jobtitle', 'Role', 'Organization Title', 'Organization 1 - Title', 'Occupation', 'Rolle', 'Funktion', 'Berufsbezeichnung', 'Jobtitel', 'Beruf', 'Stellung', 'Position/Titel');
names('title', 'Title');
names('tier', 'Tier', 'Stufe', 'Kategorie', 'Klasse', 'ABC', 'Category', 'Priority', 'Priorität');
names('lastContact', 'Last Contact', 'Last Contacted', 'Last Contact Date', 'Last Talked', 'Last Touch', 'Connected On', 'Connected', 'Date Connected', 'Letzter Kontakt', 'Zuletzt kontaktiert', 'Zuletzt gesprochen', 'Kontakt seit', 'Vernetzt seit', 'Verbunden am', 'Verbunden seit', 'Kontaktiert am');
names('notes', 'Notes', 'Note', 'Notizen', 'Notiz', 'Bemerkung', 'Bemerkungen', 'Kommentar', 'Kommentare', 'Comments', 'Comment', 'Anmerkungen', 'Anmerkung');
names('tags', 'Tags', 'Schlagwörter', 'Schlagworte', 'Stichworte');
names('place', 'Place', 'Met At', 'Kennengelernt', 'Kennengelernt bei', 'Kennengelernt auf', 'Where Met');
names('birthday', 'Birthday', 'Birth Date', 'Birthdate', 'Date of Birth', 'DOB', 'Geburtstag', 'Geburtsdatum', 'Geb.-Datum', 'Geb. Datum', 'Geboren', 'Geboren am');
// Outlook's German "Anrede" holds what its English "Title" does: Herr, Frau, Dr.
names('salutation', 'Anrede', 'Salutation', 'Prefix', 'Name Prefix', 'Honorific', 'Honorific Prefix');
names('academicTitle', 'Titel', 'Akademischer Titel', 'Akad. Titel', 'Academic Title', 'Akademischer Grad');
names('url', 'URL', 'Profile URL', 'Profil-URL', 'Profile', 'LinkedIn', 'XING', 'XING Profil', 'XING-Profil', 'Profillink', 'Website', 'Web Page');

/** Columns that name a kind or label of a value, not the value ("E-mail 1 - Type", "E-mail Display Name"). */
const NOT_A_VALUE = /\b(type|typ|label|display|anzeige|anzeigename)\b/;

/** The field a header means, or undefined when keepwarm has no use for it. */
export function fieldOf(header: string): Field | undefined {
  const key = normalizeHeader(header);
  if (key === '') return undefined;
  const exact = EXACT[key];
  if (exact) return exact;
  // A header is a few words; a sentence (LinkedIn's notes above the header) is no header.
  if (NOT_A_VALUE.test(key) || key.split(' ').length > 5) return undefined;
  // Any address column: "E-mail 2 Address", "E-Mail (geschäftlich)", "Email 1 - Value".
  if (/\b(e ?mail|mail)\b/.test(key) || key.startsWith('email')) return 'email';
  // Any number column: "Mobile Phone", "Phone 1 - Value", "Telefon (privat)", "Handy"; never fax.
  if (!/\bfax\b/.test(key) && /\b(phone|telefon|tel|mobile|mobil|mobiltelefon|handy|cell|telefonnummer)\b/.test(key)) return 'phone';
  return undefined;
}

/** The header row mapped: each field to the column indexes that hold it, in order. */
export type ColumnMap = Partial<Record<Field, number[]>>;

export function mapColumns(headers: string[]): ColumnMap {
  const map: ColumnMap = {};
  headers.forEach((header, index) => {
    const field = fieldOf(header);
    if (field) (map[field] ??= []).push(index);
  });
  // "Title" is a job title, unless the file has one already (Outlook's "Title" is Mr./Dr.);
  // it stays mapped too, for the salutation and academic title it may hold.
  if (map.title && !map.role) map.role = map.title;
  return map;
}

/** A header worth reading: it names who the row is about (a name or an address). */
export function isUsableHeader(map: ColumnMap): boolean {
  return Boolean(map.name || map.first || map.last || map.email);
}
