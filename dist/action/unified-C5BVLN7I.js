import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import{unified}from"./chunk-KP27CHMX.js";import"./chunk-GLVGJK63.js";import"./chunk-FRCLZ53T.js";export{unified};
