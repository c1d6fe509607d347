// The import thread's entry. A worker thread starts from JavaScript; the
// TypeScript behind it is loaded through tsx, as `npm start` loads the rest.
import { tsImport } from 'tsx/esm/api';

await tsImport('./worker.ts', import.meta.url);
