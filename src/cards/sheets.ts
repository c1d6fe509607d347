/**
 * The label sheets keepwarm prints on: A4 sheets common in German offices.
 * Measures in millimetres; the sheet is symmetric, so the margins follow from
 * the label size and the pitch. Sources (docs/cards.md):
 *
 * - Avery Zweckform 3422: 70 × 35 mm, 3 × 8 = 24 per sheet, no side margin,
 *   8.5 mm top and bottom — Avery Zweckform's product data, as reproduced in
 *   OpenLibry's sheet file zweckform-3422.json. (70 × 36 mm is the 3475.)
 * - Avery Zweckform 3475: 70 × 36 mm, 3 × 8, no side margin, 4.5 mm top.
 * - Avery L7163: 99.1 × 38.1 mm, 2 × 7 = 14, 4.65 mm side margin, 15.15 mm
 *   top, 101.6 mm horizontal pitch (a 2.5 mm gap), 38.1 mm vertical pitch —
 *   Avery's template data (99.1 mm labels on a 4-inch pitch).
 */

export type SheetId = '3422' | '3475' | 'L7163';

export interface LabelSheet {
  id: SheetId;
  /** The name printed on the package. */
  name: string;
  columns: number;
  rows: number;
  labelWidth: number;
  labelHeight: number;
  /** From the page's left edge to the first label's. */
  marginLeft: number;
  marginTop: number;
  /** From one label's left (top) edge to the next one's. */
  pitchX: number;
  pitchY: number;
  /** Inner margin kept free of text: no printer puts a label's edge to the tenth of a millimetre. */
  paddingX: number;
  paddingY: number;
  /** The largest font size of the address (points); long addresses shrink from there. */
  fontSize: number;
}

/** A4 in millimetres. */
export const A4 = { width: 210, height: 297 } as const;

export const SHEETS: Readonly<Record<SheetId, LabelSheet>> = {
  '3422': {
    id: '3422', name: 'Avery Zweckform 3422', columns: 3, rows: 8, labelWidth: 70, labelHeight: 35,
    marginLeft: 0, marginTop: 8.5, pitchX: 70, pitchY: 35, paddingX: 6, paddingY: 3, fontSize: 9.5,
  },
  '3475': {
    id: '3475', name: 'Avery Zweckform 3475', columns: 3, rows: 8, labelWidth: 70, labelHeight: 36,
    marginLeft: 0, marginTop: 4.5, pitchX: 70, pitchY: 36, paddingX: 6, paddingY: 3, fontSize: 9.5,
  },
  L7163: {
    id: 'L7163', name: 'Avery L7163', columns: 2, rows: 7, labelWidth: 99.1, labelHeight: 38.1,
    marginLeft: 4.65, marginTop: 15.15, pitchX: 101.6, pitchY: 38.1, paddingX: 6, paddingY: 3.5, fontSize: 11,
  },
};

export const SHEET_IDS = Object.keys(SHEETS) as SheetId[];

/** The sheet of an id as a user types it ("3422", "l7163", "L7163"), or undefined. */
export function sheetOf(id: string): LabelSheet | undefined {
  return SHEETS[id.trim().toUpperCase() as SheetId];
}

export function labelsPerSheet(sheet: LabelSheet): number {
  return sheet.columns * sheet.rows;
}

/** The top-left corner of the label at `index` on its page, in millimetres. */
export function labelOrigin(sheet: LabelSheet, index: number): { x: number; y: number } {
  const onPage = index % labelsPerSheet(sheet);
  return { x: sheet.marginLeft + (onPage % sheet.columns) * sheet.pitchX, y: sheet.marginTop + Math.floor(onPage / sheet.columns) * sheet.pitchY };
}
