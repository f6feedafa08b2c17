//! `readout tag`, `readout untag` and `readout note`: the user's marks on
//! an article, kept in the state store ([`crate::state`]). The article is
//! read, never written to.

use std::io::{self, Write};
use std::process::ExitCode;

use clap::Args;

use super::UsageError;
use crate::state::{ArticleState, ContentHash, StateError, Store};

#[derive(Debug, Args)]
pub struct TagArgs {
    /// The article: a path (`FILE:LINE` for a JSON Lines record), or a
    /// bundled article's name or prefix ("002").
    pub article: String,
    /// Tags: one word each, any case (`list --filter tag:NAME` finds them).
    #[arg(required = true, value_name = "TAG")]
    pub tags: Vec<String>,
}

#[derive(Debug, Args)]
pub struct NoteArgs {
    /// The article, as for `tag`.
    pub article: String,
    /// The note (several words are joined with spaces; "" removes it).
    #[arg(required = true, value_name = "TEXT")]
    pub text: Vec<String>,
}

/// The article's key in the store: its text's hash and its path hint.
fn key(article: &str) -> anyhow::Result<(ContentHash, String)> {
    let a = super::compare::article(article)?;
    Ok((ContentHash::of(&a.body), crate::state::path_hint(&a.path)))
}

fn open() -> Result<Store, StateError> {
    let dir = super::settings().data_dir.as_deref().ok_or(StateError::NoDir)?;
    Store::open(dir)
}

/// Prints what the article carries now.
fn show(state: &ArticleState) -> anyhow::Result<()> {
    let mut out = io::stdout().lock();
    let shown = |s: &str| crate::store::escape_controls(s).into_owned();
    let tags: Vec<String> = state.tags.iter().map(|t| shown(t)).collect();
    writeln!(out, "tags\t{}", tags.join(" "))?;
    if let Some(n) = &state.note {
        writeln!(out, "note\t{}", shown(&n.replace('\n', " ")))?;
    }
    out.flush()?;
    Ok(())
}

/// A store that cannot be written: reported, exit 1 (the article is fine,
/// the command could not do its work).
fn failed(e: StateError) -> anyhow::Result<ExitCode> {
    eprintln!("readout: {e}");
    Ok(ExitCode::from(1))
}

pub fn run_tag(args: TagArgs, add: bool) -> anyhow::Result<ExitCode> {
    if add {
        for t in &args.tags {
            crate::state::check_tag(t).map_err(UsageError::Article)?;
        }
    }
    let (hash, path) = key(&args.article)?;
    let mut store = match open() {
        Ok(s) => s,
        Err(e) => return failed(e),
    };
    let result = if add {
        store.add_tags(hash, &path, &args.tags)
    } else {
        store.remove_tags(hash, &path, &args.tags)
    };
    match result {
        Ok(state) => show(&state).map(|()| ExitCode::SUCCESS),
        Err(e) => failed(e),
    }
}

pub fn run_note(args: NoteArgs) -> anyhow::Result<ExitCode> {
    // no control characters in what is stored (notes are shown later)
    let text = crate::store::sanitize(&args.text.join(" ")).into_owned();
    let (hash, path) = key(&args.article)?;
    let mut store = match open() {
        Ok(s) => s,
        Err(e) => return failed(e),
    };
    match store.set_note(hash, &path, Some(&text)) {
        Ok(state) => show(&state).map(|()| ExitCode::SUCCESS),
        Err(e) => failed(e),
    }
}
