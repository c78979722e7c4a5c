import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
var REPORT_SCHEMA_VERSION=1;export{REPORT_SCHEMA_VERSION};
