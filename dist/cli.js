#!/usr/bin/env node
import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import{VERSION}from"./cli/chunk-UAWEJYTG.js";import"./cli/chunk-M35CQTY4.js";import module from"node:module";module.enableCompileCache?.();var args=process.argv.slice(2);if(args.length===1&&(args[0]==="--version"||args[0]==="-v"))process.stdout.write(`${VERSION}
`);else{let{runCli}=await import("./cli/cli-O7NJ35OK.js");process.exitCode=await runCli(args,{cwd:process.cwd(),stdout:text=>process.stdout.write(text),stderr:text=>process.stderr.write(text),isTTY:process.stdout.isTTY===!0,env:process.env})}
