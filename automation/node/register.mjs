// Lets plain `node` load the helper's TypeScript on Node 20, which cannot strip types itself
// (npm run launch, bench/signin.mjs): `node --import ./automation/node/register.mjs file.ts`.
// Each .ts file is transpiled on load with the project's own TypeScript; nothing is written.
import { register } from 'node:module';

register('./typescript-hooks.mjs', import.meta.url);
