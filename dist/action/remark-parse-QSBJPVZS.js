import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import{remarkParse}from"./chunk-UVTI7QYU.js";import"./chunk-GLVGJK63.js";import"./chunk-FRCLZ53T.js";export{remarkParse as default};
