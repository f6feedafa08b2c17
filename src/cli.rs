//! The command line: the TUI (`readout [PATH]...`) and the headless
//! subcommands, which print text or `--json` and share the TUI's code paths.

mod compare;
mod list;
mod marks;
pub mod output;
mod phrases;
mod speakers;
mod stories;
mod survey;

use std::io::{self, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand};

use std::sync::Arc;

use crate::analysis::phrases::{MineOptions, PhraseBook};
use crate::facts::Analyzer;
use crate::index::Index;
use crate::loader::{self, LoadEvent};
use crate::store::Corpus;

/// A terminal reader for comparing news articles: recurring phrases,
/// who said what, and the passages two reports share.
#[derive(Debug, Parser)]
#[command(name = "readout", version, about, args_conflicts_with_subcommands = true)]
#[command(after_help = "With no PATH, opens the five bundled articles. Press ? in the app for keys.")]
pub struct Cli {
    #[command(flatten)]
    pub input: Input,
    /// Append one line per handled event (update and draw milliseconds) to FILE.
    #[arg(long, value_name = "FILE")]
    pub log: Option<PathBuf>,
    /// Mine phrases that occur in at least N articles, 1 to 1,000,000
    /// (default: the config's min-docs, else 2).
    #[arg(long, value_name = "N", value_parser = min_docs_arg())]
    pub min_docs: Option<usize>,
    /// Read settings from FILE instead of $XDG_CONFIG_HOME/readout/config.toml
    /// (~/.config/readout/config.toml).
    #[arg(long, value_name = "FILE", global = true)]
    pub config: Option<PathBuf>,
    /// Keep tags, notes and query history in DIR instead of
    /// $XDG_DATA_HOME/readout (~/.local/share/readout); also READOUT_DATA_DIR.
    #[arg(long, value_name = "DIR", global = true)]
    pub data_dir: Option<PathBuf>,
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
    /// Phrase families (TOML) to add to the bundled ones, or to replace them
    /// (`replace = true` at the top of the file).
    #[arg(long, value_name = "FILE", global = true)]
    pub phrases: Option<PathBuf>,
    /// Outlet names and aliases (TOML, as assets/outlets.toml) to add to the
    /// bundled table.
    #[arg(long, value_name = "FILE", global = true)]
    pub outlets: Option<PathBuf>,
}

impl Input {
    /// The config's paths and phrases file where none were given.
    pub fn with_config(mut self, config: &crate::config::Config) -> Input {
        if self.paths.is_empty() {
            self.paths = config.paths.clone();
        }
        if self.phrases.is_none() {
            self.phrases = config.phrases.clone();
        }
        self
    }

    /// The user's phrases file: `--phrases FILE`, else the default one
    /// ([`default_path`](crate::analysis::phrases::user_file::default_path))
    /// when it exists.
    pub fn phrases_file(&self) -> Option<PathBuf> {
        self.phrases
            .clone()
            .or_else(|| crate::analysis::phrases::user_file::default_path().filter(|p| p.is_file()))
    }

    /// Where the phrases pane saves families and hidden phrases:
    /// `--phrases FILE`, else the default file (created if need be).
    pub fn phrases_save_path(&self) -> Option<PathBuf> {
        self.phrases
            .clone()
            .or_else(crate::analysis::phrases::user_file::default_path)
    }

    /// Adds the user's outlets file, if any, to the table loading uses.
    pub fn use_outlets(&self) -> anyhow::Result<()> {
        if let Some(path) = &self.outlets {
            crate::store::outlet::extend_with_file(path).map_err(|e| anyhow::anyhow!(e))?;
        }
        Ok(())
    }

    /// The phrase families: the bundled ones with the user's file applied.
    pub fn phrase_book(&self) -> anyhow::Result<Arc<PhraseBook>> {
        let Some(path) = self.phrases_file() else {
            return Ok(crate::facts::bundled_book());
        };
        let path = &path;
        let bundled = PhraseBook::clone(&crate::facts::bundled_book());
        let text = std::fs::read_to_string(path)
            .map_err(|e| anyhow::anyhow!("cannot read phrases file {}: {e}", path.display()))?;
        let user = PhraseBook::from_toml(&text).map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))?;
        Ok(Arc::new(bundled.merged(user)))
    }
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Print the articles matching a query, best first.
    List(list::ListArgs),
    /// Print the people and organisations quoted, with quote and article counts.
    Speakers(speakers::SpeakersArgs),
    /// Print what was said: every quote, or one speaker's.
    Quotes(speakers::QuotesArgs),
    /// Print the recurring phrases: curated families, then mined phrases.
    Phrases(phrases::PhrasesArgs),
    /// Print a concordance: every occurrence of a phrase in its context.
    Kwic(phrases::KwicArgs),
    /// Print the passages two articles share and how similar they are.
    Compare(compare::CompareArgs),
    /// Print, per outlet, the share of its articles using each phrase family and top mined formula.
    Outlets(survey::OutletsArgs),
    /// Print the words and phrases a set of articles uses more, and less, than others.
    Keyness(survey::KeynessArgs),
    /// Print how many articles match a query per week, month or year, per outlet.
    Timeline(survey::TimelineArgs),
    /// Print groups of articles that report the same event.
    Stories(stories::StoriesArgs),
    /// Add tags to an article (kept in the state store).
    Tag(marks::TagArgs),
    /// Remove tags from an article.
    Untag(marks::TagArgs),
    /// Set an article's note ("" removes it).
    Note(marks::NoteArgs),
    /// Print the config file in use and the effective settings.
    Config,
}

/// What every command may read: the config, and where the state store is.
#[derive(Debug, Default)]
pub struct Settings {
    pub config: crate::config::Config,
    /// The state store's folder (None: no home folder to put it in).
    pub data_dir: Option<PathBuf>,
}

static SETTINGS: std::sync::OnceLock<Settings> = std::sync::OnceLock::new();

/// The settings [`main`] loaded (the defaults before it, and in tests).
pub fn settings() -> &'static Settings {
    SETTINGS.get_or_init(Settings::default)
}

/// Loads the config (reporting its problems on stderr, unless the command
/// shows them itself) and applies its defaults to the command's input.
fn configure(cli: &mut Cli) -> Result<(), crate::config::ConfigError> {
    let config = crate::config::Config::load(cli.config.as_deref())?;
    // (`readout config` shows them itself; the app lists them with its
    // issues, and prints them on the way out)
    if !matches!(cli.command, Some(Command::Config) | None) {
        let mut err = io::stderr().lock();
        for p in config.problem_lines() {
            let _ = writeln!(err, "readout: {p}");
        }
    }
    let apply = |input: &mut Input| *input = std::mem::take(input).with_config(&config);
    match &mut cli.command {
        None => {
            apply(&mut cli.input);
            cli.min_docs = cli.min_docs.or(config.min_docs);
        }
        Some(Command::List(a)) => apply(&mut a.input),
        Some(Command::Speakers(a)) => apply(&mut a.input),
        Some(Command::Quotes(a)) => apply(&mut a.input),
        Some(Command::Phrases(a)) => {
            apply(&mut a.input);
            a.min_docs = a.min_docs.or(config.min_docs);
        }
        Some(Command::Kwic(a)) => apply(&mut a.input),
        Some(Command::Outlets(a)) => apply(&mut a.input),
        Some(Command::Keyness(a)) => apply(&mut a.input),
        Some(Command::Timeline(a)) => apply(&mut a.input),
        Some(Command::Stories(a)) => apply(&mut a.input),
        Some(
            Command::Compare(_) | Command::Tag(_) | Command::Untag(_) | Command::Note(_) | Command::Config,
        ) => {}
    }
    let data_dir = crate::state::default_dir(cli.data_dir.as_deref());
    let _ = SETTINGS.set(Settings { config, data_dir });
    Ok(())
}

/// `readout config`: the file in use and the effective settings.
fn run_config() -> anyhow::Result<ExitCode> {
    let s = settings();
    let file = s.data_dir.as_deref().map(crate::state::Store::file_in);
    let mut out = io::stdout().lock();
    out.write_all(s.config.describe(file.as_deref()).as_bytes())?;
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// The state store's snapshot, when there is one to read: a store that
/// cannot be read is reported on stderr, and the command goes on without it.
pub fn state_snapshot() -> Option<crate::state::Snapshot> {
    let dir = settings().data_dir.as_deref()?;
    let store = crate::state::Store::open_existing(dir);
    match store.and_then(|s| s.map(|s| s.snapshot()).transpose()) {
        Ok(snapshot) => snapshot.filter(|s| !s.is_empty()),
        Err(e) => {
            eprintln!("readout: {e}; going on without tags, stars and notes");
            None
        }
    }
}

/// Each article's marks, from the hashes computed as it loaded.
pub fn article_states(
    index: &Index,
    hashes: &[Option<crate::state::ContentHash>],
    snapshot: &crate::state::Snapshot,
) -> crate::state::ArticleStates {
    let keys: Vec<_> = index
        .articles()
        .iter()
        .zip(hashes)
        .map(|(a, h)| {
            let hash = h.unwrap_or_else(|| crate::state::ContentHash::of(&a.body));
            (hash, crate::state::path_hint(&a.path))
        })
        .collect();
    snapshot.resolve(&keys)
}

/// Runs the command line and returns the process exit code.
pub fn main() -> ExitCode {
    let mut cli = Cli::parse();
    if let Err(e) = configure(&mut cli) {
        eprintln!("readout: {e}");
        return ExitCode::from(2);
    }
    if let Err(e) = cli.input.use_outlets() {
        eprintln!("readout: {e:#}");
        return ExitCode::from(2);
    }
    let result = match cli.command {
        Some(Command::List(args)) => list::run(args),
        Some(Command::Speakers(args)) => speakers::run_speakers(args),
        Some(Command::Quotes(args)) => speakers::run_quotes(args),
        Some(Command::Phrases(args)) => phrases::run_phrases(args),
        Some(Command::Kwic(args)) => phrases::run_kwic(args),
        Some(Command::Compare(args)) => compare::run(args),
        Some(Command::Outlets(args)) => survey::run_outlets(args),
        Some(Command::Keyness(args)) => survey::run_keyness(args),
        Some(Command::Timeline(args)) => survey::run_timeline(args),
        Some(Command::Stories(args)) => stories::run(args),
        Some(Command::Tag(args)) => marks::run_tag(args, true),
        Some(Command::Untag(args)) => marks::run_tag(args, false),
        Some(Command::Note(args)) => marks::run_note(args),
        Some(Command::Config) => run_config(),
        None => run_tui(cli.input, cli.log, cli.min_docs.unwrap_or(2)),
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
    let io = e.downcast_ref::<io::Error>().map(io::Error::kind);
    let json = e
        .downcast_ref::<serde_json::Error>()
        .and_then(serde_json::Error::io_error_kind);
    let export = e
        .downcast_ref::<crate::export::ExportError>()
        .is_some_and(crate::export::ExportError::is_broken_pipe);
    export || io.or(json) == Some(io::ErrorKind::BrokenPipe)
}

/// `--min-docs N`: 1 to 1,000,000 (a phrase in more articles than there
/// are is found in none; more is a typo).
pub fn min_docs_arg() -> clap::builder::RangedU64ValueParser<usize> {
    clap::builder::RangedU64ValueParser::new().range(1..=1_000_000)
}

/// `kwic --width N`: 0 to 1,000 characters of context.
pub fn width_arg() -> clap::builder::RangedU64ValueParser<usize> {
    clap::builder::RangedU64ValueParser::new().range(0..=1_000)
}

/// A phrase or name argument: at most as long as a query
/// ([`crate::query::MAX_QUERY_CHARS`]).
pub fn text_arg(s: &str) -> Result<String, String> {
    crate::query::check_length(s).map_err(|e| e.message)?;
    Ok(s.to_string())
}

pub use crate::export::{escaped, escaped_all};

/// An error that is the user's to fix (exit code 2, message on stderr).
#[derive(Debug, thiserror::Error)]
pub enum UsageError {
    #[error("nothing readable in the given paths")]
    NothingLoaded,
    #[error("bad query: {0}")]
    Query(String),
    #[error("{0}")]
    Article(String),
}

/// Loads the paths (or the bundled articles), printing load issues on
/// stderr, and progress too when stderr is a terminal. Fails when nothing
/// at all loaded.
pub fn load(input: &Input, analyzer: &Analyzer) -> anyhow::Result<Index> {
    load_filtered(input, analyzer, None)
}

/// [`load`], dropping text files that fail `keep` before any work (see
/// [`crate::query::prefilter`]).
pub fn load_filtered(
    input: &Input,
    analyzer: &Analyzer,
    keep: Option<Arc<crate::store::Keep>>,
) -> anyhow::Result<Index> {
    let plan = plan(analyzer.clone(), keep, false);
    load_with(input, plan).map(|l| l.index)
}

/// [`load`] for one evaluation of `query` that prints no article text:
/// files that cannot match are dropped unread, the query's phrases and
/// words are counted as each article is read, and the text is then let go.
/// The cache holds those counts, so the evaluation reads no text.
pub fn load_for_query(
    input: &Input,
    analyzer: &Analyzer,
    query: &crate::query::Query,
) -> anyhow::Result<(
    Index,
    crate::query::TermCache,
    Vec<Option<crate::state::ContentHash>>,
)> {
    let terms = crate::query::TermCounter::new(query);
    let analyzer = analyzer.clone().with_terms(terms.clone());
    let loaded = load_with(input, plan(analyzer, crate::query::prefilter(query), true))?;
    Ok((loaded.index, terms.into_cache(&loaded.counts), loaded.hashes))
}

fn plan(analyzer: Analyzer, keep: Option<Arc<crate::store::Keep>>, drop_text: bool) -> loader::Plan {
    loader::Plan {
        analyzer,
        staged: false,
        keep,
        mine: None,
        drop_text,
    }
}

/// What a headless load gives: the index, each article's counts of the
/// analyzer's query terms (empty without terms) and its content hash (None
/// unless the analyzer hashes).
struct Loaded {
    index: Index,
    counts: Vec<Vec<u32>>,
    hashes: Vec<Option<crate::state::ContentHash>>,
}

/// Loads for a headless command. Fails when nothing could be read; when
/// files were read but the plan's `keep` test dropped them all (a query
/// nothing matches), the index is empty.
fn load_with(input: &Input, mut plan: loader::Plan) -> anyhow::Result<Loaded> {
    use std::io::IsTerminal;
    use std::sync::atomic::{AtomicUsize, Ordering};
    let dropped = Arc::new(AtomicUsize::new(0));
    if let Some(keep) = plan.keep.take() {
        let dropped = dropped.clone();
        plan.keep = Some(Arc::new(move |text: &str| {
            let kept = keep(text);
            if !kept {
                dropped.fetch_add(1, Ordering::Relaxed);
            }
            kept
        }));
    }
    let show_progress = io::stderr().is_terminal();
    input.use_outlets()?;
    let mut articles = Vec::new();
    let mut facts = Vec::new();
    let mut issues = Vec::new();
    let mut files = 0;
    let book = plan.analyzer.book().clone();
    loader::load(
        &input.paths,
        plan,
        &loader::Cancel::default(),
        |event| match event {
            LoadEvent::Planned {
                files: f, issues: i, ..
            } => {
                files = f;
                issues.extend(i);
                articles.reserve(files);
                facts.reserve(files);
            }
            LoadEvent::Batch {
                articles: a,
                facts: f,
                issues: i,
                files_done,
                ..
            } => {
                articles.extend(a);
                facts.extend(f);
                issues.extend(i);
                if show_progress && files > 2000 {
                    eprint!("\rreadout: reading {files_done}/{files} files");
                }
            }
            LoadEvent::Read { .. } => {
                if show_progress && files > 2000 {
                    eprint!("\r\x1b[K");
                }
            }
            // a headless load analyses batch by batch: no later phases
            LoadEvent::Phase { .. }
            | LoadEvent::Analysed { .. }
            | LoadEvent::Mined { .. }
            | LoadEvent::Dated { .. }
            | LoadEvent::Done { .. } => {}
        },
    );
    let mut err = io::stderr().lock();
    for issue in &issues {
        let _ = writeln!(err, "readout: {issue}");
    }
    if articles.is_empty() && dropped.load(Ordering::Relaxed) == 0 {
        return Err(UsageError::NothingLoaded.into());
    }
    let counts = facts
        .iter_mut()
        .map(|f| f.terms.take().unwrap_or_default())
        .collect();
    let hashes = facts.iter_mut().map(|f| f.hash.take()).collect();
    let mut index = Index::with_facts(Corpus::new(articles), facts);
    index.set_book(book);
    Ok(Loaded {
        index,
        counts,
        hashes,
    })
}

/// For a missing PATH that reads like a word ("lst", "bogus": no `/`, no
/// `.`), the subcommands there are, as clap defines them: a hint appended to
/// its "no such file or folder".
fn subcommand_hint(path: &std::path::Path) -> Option<String> {
    use clap::CommandFactory;
    let word = path.to_str()?;
    let bare = !word.is_empty() && !word.contains('.') && !word.chars().any(std::path::is_separator);
    let missing = std::fs::symlink_metadata(path).is_err_and(|e| e.kind() == io::ErrorKind::NotFound);
    if !bare || !missing {
        return None;
    }
    let cli = Cli::command();
    let names: Vec<&str> = cli
        .get_subcommands()
        .filter(|c| !c.is_hide_set() && c.get_name() != "help")
        .map(clap::Command::get_name)
        .collect();
    Some(format!(
        " (subcommands: {}; see readout --help)",
        names.join(", ")
    ))
}

/// The TUI: the window opens at once; articles load in the background.
fn run_tui(input: Input, log: Option<PathBuf>, min_docs: usize) -> anyhow::Result<ExitCode> {
    use crate::tui::{AppEvent, LatencyLog, TerminalGuard};
    use anyhow::Context as _;
    let mut log = match &log {
        Some(p) => {
            Some(LatencyLog::open(p).with_context(|| format!("cannot open log file {}", p.display()))?)
        }
        None => None,
    };
    // every path missing: say so before taking over the terminal
    if !input.paths.is_empty() && input.paths.iter().all(|p| std::fs::metadata(p).is_err()) {
        let (_, issues) = crate::store::discover(&input.paths);
        // the first PATH stands where a subcommand would: a bare word there
        // may be one mistyped
        let hint = subcommand_hint(&input.paths[0]);
        let mut err = io::stderr().lock();
        for (i, issue) in issues.iter().enumerate() {
            let hint = if i == 0 { hint.as_deref().unwrap_or("") } else { "" };
            let _ = writeln!(err, "readout: {issue}{hint}");
        }
        return Err(UsageError::NothingLoaded.into());
    }
    let book = input.phrase_book()?;
    input.use_outlets()?;
    // a family's colour: the config's [family-colors] by label, else the phrase file's
    let config = &settings().config;
    let colors: Vec<String> = book
        .families()
        .iter()
        .map(|f| {
            config
                .family_colours
                .iter()
                .find(|(label, _)| label.eq_ignore_ascii_case(&f.label))
                .map_or_else(|| f.color.clone(), |(_, c)| c.to_string())
        })
        .collect();
    // the config's theme and colours (NO_COLOR wins over them)
    let theme = crate::ui::Theme::from_config(config).with_family_colors(&colors);
    let mut index = Index::default();
    index.set_book(book.clone());
    let mut guard = TerminalGuard::new().context("cannot set up the terminal")?;
    let size = guard.terminal.size()?;
    let mut app = crate::app::App::new(index, Vec::new(), (size.width, size.height));
    app.phrases_file = input.phrases_save_path();
    // the user's [[binding]]s over the bundled keys
    app.keymap = config.keymap();
    // tags, stars, notes and query history (reported if it cannot be opened)
    app.open_store(settings().data_dir.as_deref());
    // the config file's problems, in the issues list too (stderr is hidden
    // behind the app's screen)
    app.config_problems(config);
    let (tx, rx) = std::sync::mpsc::channel();
    crate::tui::spawn_input_reader(tx.clone());
    let signal_tx = tx.clone();
    crate::signals::spawn(move |s| signal_tx.send(AppEvent::Signal(s)).is_ok());
    let cancel = loader::Cancel::default();
    let load_tx = tx.clone();
    // (hashing each text too: the state store's keys, off the UI thread)
    let analyzer = Arc::new(Analyzer::new().with_book(book).with_hashes(true));
    let plan = loader::Plan {
        analyzer: (*analyzer).clone(),
        staged: true,
        keep: None,
        mine: Some(MineOptions {
            min_docs: min_docs.max(1),
            hidden: analyzer.book().hidden().to_vec(),
            ..MineOptions::default()
        }),
        drop_text: false,
    };
    loader::spawn(input.paths.clone(), plan, cancel.clone(), move |e| {
        let _ = load_tx.send(AppEvent::Load(e));
    });
    // live reload of the folders and files given
    // (set up on a thread of its own: watching a big tree takes a while)
    if !input.paths.is_empty() {
        let (watch_tx, paths, analyzer) = (tx.clone(), input.paths.clone(), analyzer.clone());
        std::thread::spawn(move || {
            let events = watch_tx.clone();
            match crate::watch::watch(&paths, analyzer, move |c| {
                let _ = events.send(AppEvent::Changes(c));
            }) {
                // keep the watcher alive as long as the app runs
                Ok(_watcher) => loop {
                    std::thread::park();
                },
                Err(e) => {
                    let _ = watch_tx.send(AppEvent::Message(format!("live reload is off: {e}")));
                }
            }
        });
    }
    let paths = input.paths.clone();
    let mut on_effect = move |effect: crate::app::Effect| match effect {
        crate::app::Effect::Reload => {
            let (paths, tx, analyzer) = (paths.clone(), tx.clone(), analyzer.clone());
            std::thread::spawn(move || {
                let changes = crate::watch::reload_all(&paths, &analyzer);
                let _ = tx.send(AppEvent::Changes(changes));
            });
        }
        // (done by the event loop, which holds the terminal)
        crate::app::Effect::Handoff(_) => {}
    };
    let result = crate::tui::run(
        &mut guard.terminal,
        &mut app,
        &theme,
        &rx,
        log.as_mut(),
        &mut on_effect,
    );

    cancel.cancel();
    drop(guard);
    crate::signals::restored();
    result?;
    let mut err = io::stderr().lock();
    if !app.issues.is_empty() || app.exit_code != 0 {
        // a blank line first: some terminals (tmux) drop the first line
        // written right after leaving the alternate screen
        let _ = writeln!(err);
    }
    for issue in &app.issues {
        let _ = writeln!(err, "readout: {issue}");
    }
    if app.exit_code != 0 {
        let _ = writeln!(err, "readout: {}", UsageError::NothingLoaded);
    }
    if let Some(sig) = crate::signals::terminated() {
        // the terminal is restored: now end as the signal would have
        drop(err);
        crate::signals::die_of(sig);
    }
    Ok(ExitCode::from(app.exit_code))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    #[test]
    fn a_missing_bare_word_hints_at_the_subcommands() {
        assert_eq!(
            subcommand_hint(Path::new("bogus")).as_deref(),
            Some(
                " (subcommands: list, speakers, quotes, phrases, kwic, compare, outlets, keyness, timeline, stories, tag, untag, note, config; see readout --help)"
            )
        );
        // paths that read as paths get no hint
        for path in ["bogus.txt", "no/such", "/no/such", "./bogus", ""] {
            assert_eq!(subcommand_hint(Path::new(path)), None, "{path}");
        }
    }

    #[test]
    fn an_existing_bare_word_gets_no_hint() {
        // a folder in the current directory (the crate's, under cargo test)
        assert!(Path::new("src").is_dir());
        assert_eq!(subcommand_hint(Path::new("src")), None);
    }
}
