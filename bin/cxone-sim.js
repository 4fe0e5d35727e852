#!/usr/bin/env node
"use strict";
require("../dist/src/simulator/cli.js").main(process.argv.slice(2));
