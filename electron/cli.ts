import { runCliAsync } from './cli/run';

/** `npm run cli -- <command>`: the command line for office IT scripts (see USAGE in cli/run.ts). */
void runCliAsync(process.argv.slice(2), process.env, (line) => console.log(line)).then((code) => {
  process.exitCode = code;
});
