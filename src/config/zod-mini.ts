// zod/mini for the schemas the action evaluates at every start (its inputs, the event
// payload): functions instead of methods, so bundling keeps only what is used, which
// makes it several times cheaper to load than full zod. Import it as a namespace:
// `import * as z from '../config/zod-mini.js'`.
import { config, locales } from 'zod/mini';

// Full zod installs English messages when it loads; zod/mini installs none and would say
// "Invalid input" where full zod names what was expected. The locale lives in zod's global
// config, so both read the same messages.
config(locales.en());

export * from 'zod/mini';
