#!/usr/bin/env node
"use strict";
require("../../../dist/provider/engine/cli.js")
  .main(process.argv.slice(2))
  .catch((error) => {
    console.error(`cxone-pulumi: ${error instanceof Error ? error.message : error}`);
    process.exitCode = 1;
  });
