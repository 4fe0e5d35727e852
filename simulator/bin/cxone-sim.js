#!/usr/bin/env node
"use strict";
require("../../dist/simulator/cli.js").main(process.argv.slice(2));
