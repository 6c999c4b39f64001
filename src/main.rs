//! The `ombuds` binary: parse the command line, run the command, map the
//! outcome to an exit code (see `ombuds --help`).

use std::process::ExitCode;

use clap::Parser;
use ombuds::cli::{Cli, Command};
use ombuds::cmd::{self, ExitStatus};
use ombuds::output::escape::terminal_text;

fn main() -> ExitCode {
    // One line instead of a backtrace; the file is named by the caller.
    std::panic::set_hook(Box::new(|info| eprintln!("ombuds: internal error: {info}")));
    let cli = Cli::parse();
    let started = std::time::Instant::now();
    let timings = cli.timings;
    let result = match cli.command {
        Command::Fetch(args) => cmd::fetch::run(&cli.index, args),
        Command::Ingest(args) => cmd::ingest::run(&cli.index, args),
        Command::Search(args) => cmd::search::run(&cli.index, args),
        Command::Show(args) => cmd::show::run(&cli.index, args),
        Command::Parse(args) => cmd::parse::run(args),
        Command::Stats(args) => cmd::stats::run(&cli.index, args),
        Command::Export(args) => cmd::export::run(&cli.index, args),
        Command::Values(args) => cmd::values::run(&cli.index, args),
        Command::Serve(args) => cmd::serve::run(&cli.index, args),
    };
    if timings {
        eprintln!(
            "timing: {:.3} ms in-process",
            started.elapsed().as_secs_f64() * 1000.0
        );
    }
    match result {
        Ok(status) => ExitCode::from(status as u8),
        Err(error) if cmd::is_broken_pipe(&error) => ExitCode::SUCCESS,
        Err(error) if error.is::<cmd::ingest::Interrupted>() => {
            eprintln!("ombuds: {error}");
            ExitCode::from(ExitStatus::Interrupted as u8)
        }
        Err(error) => {
            // Messages quote paths, queries and file contents: escape them.
            eprintln!("ombuds: {}", terminal_text(&format!("{error:#}")));
            ExitCode::from(ExitStatus::Error as u8)
        }
    }
}

// jemalloc: with the system allocator, ingest spent much of its CPU in
// malloc/free and in the kernel returning and re-faulting pages (the figures
// are in docs/performance.md).
#[global_allocator]
static GLOBAL: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;
