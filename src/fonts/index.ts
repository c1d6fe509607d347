/**
 * The one font keepwarm draws with: DejaVu Sans from the dejavu-fonts-ttf npm
 * package (Bitstream Vera licence with public-domain DejaVu changes: free to
 * use, embed and redistribute). Label PDFs embed it, the /stats picture is
 * rendered with it, and no system font is ever asked for — so text looks the
 * same on every machine and German, Polish, Nordic or Greek names have their
 * letters.
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** The family name SVG text asks for. */
export const FONT_FAMILY = 'DejaVu Sans';

/** Absolute paths of the regular and bold faces. */
export const FONT_FILES = {
  regular: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'),
  bold: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf'),
} as const;
