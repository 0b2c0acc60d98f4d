/** How the CLI reports an error it did not expect: one line, no stack trace (set GALE_DEBUG=1 for it). */
import { isGaleError } from '../errors.js';

export function reportFatal(err: unknown): number {
  if (process.env['GALE_DEBUG'] === '1' && err instanceof Error) {
    process.stderr.write(`${err.stack ?? err.message}\n`);
  } else if (isGaleError(err)) {
    process.stderr.write(`gale: error: ${err.message} [${err.code}]\n`);
  } else {
    process.stderr.write(`gale: error: ${err instanceof Error ? err.message : String(err)}\n`);
  }
  return 2;
}

/** Placeholder action for subcommands whose issue has not landed yet. */
export function notAvailable(name: string): () => void {
  return () => {
    process.stderr.write(`gale ${name}: not available yet in this build.\n`);
    process.exitCode = 2;
  };
}
