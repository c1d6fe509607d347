/** Reading a picture the bot sent back: its size and whether anything is drawn on it. */
import { PNG } from 'pngjs';

export interface Picture {
  width: number;
  height: number;
  /** Share of pure white pixels (the ground). */
  white: number;
  /** Distinct colours: a blank or one-colour image has one or two. */
  colours: number;
}

export function readPicture(bytes: Buffer): Picture {
  const png = PNG.sync.read(bytes);
  const seen = new Set<number>();
  let white = 0;
  for (let i = 0; i < png.data.length; i += 4) {
    const [r, g, b] = [png.data[i]!, png.data[i + 1]!, png.data[i + 2]!];
    if (r === 255 && g === 255 && b === 255) white++;
    seen.add((r << 16) | (g << 8) | b);
  }
  return { width: png.width, height: png.height, white: white / (png.width * png.height), colours: seen.size };
}

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** The PNG inside an upload's body (Slack's web client posts it as a multipart form): signature to IEND chunk. */
export function pngInside(body: Buffer): Buffer {
  const start = body.indexOf(SIGNATURE);
  if (start < 0) throw new Error('no PNG in the upload');
  const end = body.indexOf('IEND', start);
  return body.subarray(start, end + 8);
}
