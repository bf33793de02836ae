// The exit codes of `ocpi`, one meaning each, the same for every command (documented in `ocpi --help`
// and the README's "Command line" section), so that scripts can tell a bad payload from a bad call.

/** Everything checked was right. */
export const EXIT_OK = 0;
/** The command ran and found problems: a payload that fails validation, a partner check with failures. */
export const EXIT_PROBLEMS = 1;
/** The command line itself is wrong: an unknown command or option, a missing or invalid argument. */
export const EXIT_USAGE = 2;
/** The command could not do its work: a file that cannot be read, a partner that cannot be reached. */
export const EXIT_UNAVAILABLE = 3;

/** One of the exit codes above. */
export type ExitCode = typeof EXIT_OK | typeof EXIT_PROBLEMS | typeof EXIT_USAGE | typeof EXIT_UNAVAILABLE;
