/**
 * The card list as a CSV for Excel as German offices use it: semicolons
 * between cells (German Excel's list separator), a UTF-8 byte-order mark (so
 * umlauts show), CRLF line ends, German headers, one row per card. Besides the
 * address parts it has one column per line of the address block ("Zeile 1" …,
 * ready for labels or a Word mail merge) and the opening line of the card
 * ("Briefanrede"). Cells that a spreadsheet would run as a formula get a
 * leading `'` (export/csv.ts); a postal code with a leading zero ("01067") is
 * written `="01067"` so Excel keeps the zero.
 */
import type { AddressLineOptions } from '../core/address.ts';
import type { Language } from '../core/types.ts';
import { csvCell } from '../export/csv.ts';
import { openingLine, recipientBlock, salutationIn } from './letter.ts';
import type { CardList } from './list.ts';

interface Headers {
  salutation: string;
  title: string;
  given: string;
  family: string;
  name: string;
  company: string;
  street: string;
  street2: string;
  postalCode: string;
  city: string;
  region: string;
  country: string;
  opening: string;
  line: (n: number) => string;
  tier: string;
}

const HEADERS: Record<Language, Headers> = {
  de: {
    salutation: 'Anrede', title: 'Titel', given: 'Vorname', family: 'Nachname', name: 'Name', company: 'Firma',
    street: 'Straße', street2: 'Adresszusatz', postalCode: 'PLZ', city: 'Ort', region: 'Region', country: 'Land',
    opening: 'Briefanrede', line: (n) => `Zeile ${n}`, tier: 'Stufe',
  },
  en: {
    salutation: 'Salutation', title: 'Title', given: 'First Name', family: 'Last Name', name: 'Name', company: 'Company',
    street: 'Street', street2: 'Street 2', postalCode: 'Postal Code', city: 'City', region: 'Region', country: 'Country',
    opening: 'Opening Line', line: (n) => `Line ${n}`, tier: 'Tier',
  },
};

export interface CardsCsvOptions extends AddressLineOptions {
  /** The headers' and opening lines' language: German unless asked. */
  language?: Language;
}

/** The fewest address-line columns: enough for company, name, street, second line and city. */
const MIN_LINE_COLUMNS = 5;

function postalCodeCell(code: string | null): string {
  return code && /^0\d+$/.test(code) ? `="${code}"` : csvCell(code);
}

/** The cards of the list (not the missing ones) as CSV text, BOM included. */
export function cardsCsv(list: CardList, options: CardsCsvOptions = {}): string {
  const language = options.language ?? 'de';
  const h = HEADERS[language];
  const blocks = list.entries.map((entry) => recipientBlock(entry, options));
  const lineColumns = Math.max(MIN_LINE_COLUMNS, ...blocks.map((b) => b.length));
  const header = [h.salutation, h.title, h.given, h.family, h.name, h.company, h.street, h.street2, h.postalCode, h.city, h.region, h.country, h.opening];
  for (let n = 1; n <= lineColumns; n++) header.push(h.line(n));
  header.push(h.tier);
  const rows = list.entries.map((entry, index) => {
    const a = entry.address;
    const block = blocks[index] as string[];
    const cells = [
      csvCell(salutationIn(entry.person.salutation, language)),
      csvCell(entry.person.title),
      csvCell(entry.person.given),
      csvCell(entry.person.family),
      csvCell(entry.person.full),
      csvCell(entry.company),
      csvCell(a?.street),
      csvCell(a?.street2),
      postalCodeCell(a?.postalCode ?? null),
      csvCell(a?.city),
      csvCell(a?.region),
      csvCell(a?.country),
      csvCell(openingLine(entry, language)),
    ];
    for (let n = 0; n < lineColumns; n++) cells.push(csvCell(block[n]));
    cells.push(csvCell(entry.tier));
    return cells.join(';');
  });
  return '\ufeff' + [header.map(csvCell).join(';'), ...rows].join('\r\n') + '\r\n';
}
