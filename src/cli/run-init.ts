import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { reportFatal } from './cli-errors.js';
import { STARTER_FILES } from './starter-files.js';

/** `edge-dev init [DIR]`: writes the starter, never over a file that exists, and says what to run next. */
export function runInit(dir = '.'): void {
  const root = resolve(dir);
  const taken = Object.keys(STARTER_FILES).filter((file) => existsSync(join(root, file)));
  if (taken.length > 0) {
    reportFatal(`${root} already has ${taken.join(', ')}; run edge-dev init in an empty folder, or move these away`);
    return;
  }
  for (const [file, content] of Object.entries(STARTER_FILES)) {
    mkdirSync(dirname(join(root, file)), { recursive: true });
    writeFileSync(join(root, file), content);
  }
  const cd = relative(process.cwd(), root) || '.';
  process.stdout.write(
    `Wrote an edge-dev starter in ${root}:\n${Object.keys(STARTER_FILES).map((file) => `  ${file}`).join('\n')}\n\n` +
      `Next:\n  cd ${cd}\n  npx edge-dev serve          # http://127.0.0.1:3000/ and /about, /old/page\n` +
      `  npx vitest run handlers      # the handlers' tests (needs vitest and edge-dev installed)\n`,
  );
}
