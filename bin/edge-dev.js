#!/usr/bin/env node
// The CLI runs the compiled product, bundled into a few files: loading ~170 separate modules cost ~100 ms of every
// start. `npm ci` builds it through the `prepare` script. The environment bootstrap stays in dist/runtime/ (see bootstrap-path).
import '../dist/bundle/main.js';
