#!/usr/bin/env node
// The CLI runs the compiled product; `npm ci` builds it through the `prepare` script.
import '../dist/cli/main.js';
