import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import{ApiError,TokenMissingError,apiFailure,createGitHubClient,httpStatus}from"./chunk-PSP565HM.js";import"./chunk-QTHHJRCZ.js";import"./chunk-5YV2X3LV.js";import"./chunk-FRCLZ53T.js";export{ApiError,TokenMissingError,apiFailure,createGitHubClient,httpStatus};
