//! The command line: the TUI (`readout [PATH]...`) and the headless
//! subcommands, which print text or `--json` and share the TUI's code paths.

mod list;

use std::io::{self, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand};

use crate::index::Index;
use crate::store::{self, Corpus, Issue};

/// A terminal reader for comparing news articles: recurring phrases,
/// who said what, and the passages two reports share.
#[derive(Debug, Parser)]
#[command(
    name = "readout",
    version,
    about,
    args_conflicts_with_subcommands = true
)]
#[command(
    after_help = "With no PATH, opens the five bundled articles. Press ? in the app for keys."
)]
pub struct Cli {
    #[command(flatten)]
    pub input: Input,
    /// Append one line per handled event (update and draw milliseconds) to FILE.
    #[arg(long, value_name = "FILE")]
    pub log: Option<PathBuf>,
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// Where the articles come from.
#[derive(Debug, Args, Clone, Default)]
pub struct Input {
    /// Article files (.txt, .md, .jsonl, .json) and folders, read recursively.
    /// None: the bundled articles.
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Print the articles matching a query, best first.
    List(list::ListArgs),
}

/// Runs the command line and returns the process exit code.
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Some(Command::List(args)) => list::run(args),
        None => run_tui(cli.input, cli.log),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            if is_broken_pipe(&e) {
                return ExitCode::SUCCESS;
            }
            eprintln!("readout: {e:#}");
            ExitCode::from(2)
        }
    }
}

fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.downcast_ref::<io::Error>()
        .is_some_and(|e| e.kind() == io::ErrorKind::BrokenPipe)
}

/// An error that is the user's to fix (exit code 2, message on stderr).
#[derive(Debug, thiserror::Error)]
pub enum UsageError {
    #[error("nothing readable in the given paths")]
    NothingLoaded,
    #[error("bad query: {0}")]
    Query(String),
}

/// Loads the paths (or the bundled articles), printing load issues on stderr.
/// Fails when paths were given and nothing at all loaded.
pub fn load(input: &Input) -> anyhow::Result<(Corpus, Vec<Issue>)> {
    if input.paths.is_empty() {
        return Ok((Corpus::new(store::bundled_articles()), Vec::new()));
    }
    let report = store::load_paths(&input.paths);
    let mut err = io::stderr().lock();
    for issue in &report.issues {
        let _ = writeln!(err, "readout: {issue}");
    }
    if report.articles.is_empty() {
        return Err(UsageError::NothingLoaded.into());
    }
    Ok((Corpus::new(report.articles), report.issues))
}

/// Builds the index the TUI and every subcommand query.
pub fn build_index(corpus: Corpus) -> Index {
    Index::new(corpus)
}

fn run_tui(input: Input, log: Option<PathBuf>) -> anyhow::Result<ExitCode> {
    use anyhow::Context as _;
    let (corpus, issues) = load(&input)?;
    let mut log = match &log {
        Some(p) => Some(
            crate::tui::LatencyLog::open(p)
                .with_context(|| format!("cannot open log file {}", p.display()))?,
        ),
        None => None,
    };
    let index = build_index(corpus);
    let theme = crate::ui::Theme::from_env();
    let mut guard = crate::tui::TerminalGuard::new().context("cannot set up the terminal")?;
    let size = guard.terminal.size()?;
    let mut app = crate::app::App::new(index, issues, (size.width, size.height));
    let (tx, rx) = std::sync::mpsc::channel();
    crate::tui::spawn_input_reader(tx);
    crate::tui::run(&mut guard.terminal, &mut app, &theme, &rx, log.as_mut())?;
    drop(guard);
    Ok(ExitCode::SUCCESS)
}
