/**
 * The tesseract.js worker thread, with the engine's own diagnostics filtered out of its output.
 * Leptonica and Tesseract print lines such as "Error in boxClipToRectangle: box outside rectangle" or
 * "Detected 108 diacritics" while they read a poster: harmless, but a staff member reading the sync's
 * log would take them for failures. Real failures reach us as rejected jobs, not as these lines.
 */
'use strict';

const ENGINE_CHATTER = /^(Error in \w+:|Warning: |Detected \d+ diacritics|Estimating resolution|Empty page!!)/;

for (const method of ['log', 'warn', 'error']) {
  const original = console[method].bind(console);
  console[method] = (...args) => {
    if (typeof args[0] === 'string' && ENGINE_CHATTER.test(args[0])) return;
    original(...args);
  };
}

require('tesseract.js/src/worker-script/node/index.js');
