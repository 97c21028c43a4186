//! The `entrust` command line: parses arguments, dispatches to a subcommand, maps the outcome to
//! an exit code (cases.md §5). All judging is done by the library.

mod cli;

use std::process::ExitCode;

fn main() -> ExitCode {
    let args = cli::parse();
    ExitCode::from(cli::run(args).code())
}
