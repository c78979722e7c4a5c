import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import module from"node:module";module.enableCompileCache?.();var{runAction}=await import("./action/main-MTFICKDO.js"),{actionsRuntime}=await import("./action/runtime-4P5XBPU6.js");await runAction(actionsRuntime(),process.env);
