#!/usr/bin/env node
"use strict";
require("../../../dist/provider/cli/main.js").main(process.argv.slice(2));
