import { runCli } from './cli/run';

/** `npm run cli -- <command>`: the command line for office IT scripts (see USAGE in cli/run.ts). */
process.exitCode = runCli(process.argv.slice(2), process.env, (line) => console.log(line));
