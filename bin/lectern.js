#!/usr/bin/env node
// The `lectern` command. Runs the TypeScript sources through tsx, so it works right after `npm install`
// with no build step.
//
// Nothing here may end with a stack on the user's terminal: a failure while loading (tsx, a native
// module, a module that throws as it loads), an uncaught exception or an unhandled rejection is reported
// in one line by electron/cli/error-report.ts (the same mapping as every other error), exit code 1.

const FALLBACK =
  "lectern: Lectern could not start. Run `npm install` in Lectern's folder and try again; to see the details, run the command again with LECTERN_DEBUG=1.\n";

let failing = false;

// tsx's loader, started once: the command and the error reporter are TypeScript and need it.
const loader = import('tsx/esm/api').then(({ register }) => {
  register();
});

/** Report a failure that escaped the command (or happened before it could run) and exit. */
async function fail(err) {
  if (failing) return;
  failing = true;
  let code = 1;
  try {
    await loader;
    const { reportCliError } = await import('../electron/cli/error-report.ts');
    code = reportCliError(err);
  } catch {
    // The reporter itself cannot load (tsx missing or broken): a fixed sentence, the detail only on request.
    if (process.env.LECTERN_DEBUG) process.stderr.write(`${err?.stack ?? String(err)}\n`);
    process.stderr.write(FALLBACK);
  }
  process.exit(code);
}

process.on('uncaughtException', (err) => void fail(err));
process.on('unhandledRejection', (err) => void fail(err));

try {
  await loader;
  await import('../electron/cli/main.ts');
} catch (err) {
  await fail(err);
}
