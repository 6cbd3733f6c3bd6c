#!/usr/bin/env node
// The `lectern` command. Runs the TypeScript sources through tsx, so it works right after `npm install`
// with no build step.
import { register } from 'tsx/esm/api';

register();
await import('../electron/cli/main.ts');
