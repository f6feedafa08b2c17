//! `readout phrases` (curated families, then mined recurring phrases) and
//! `readout kwic PHRASE` (a concordance).

use std::borrow::Cow;
use std::process::ExitCode;

use clap::Args;
use serde::Serialize;

use super::Input;
use super::output::{Format, Table};
use crate::analysis::phrases::MineOptions;
use crate::concordance::{self, PhraseRef};
use crate::facts::Analyzer;
use unicode_width::UnicodeWidthStr;

#[derive(Debug, Args)]
pub struct PhrasesArgs {
    #[command(flatten)]
    pub input: Input,
    /// Mined phrases must occur in at least N articles, 1 to 1,000,000
    /// (default: the config's min-docs, else 2).
    #[arg(long, value_name = "N", value_parser = super::min_docs_arg())]
    pub min_docs: Option<usize>,
    /// Print a JSON array instead of tab-separated lines.
    #[arg(long, conflicts_with = "csv")]
    pub json: bool,
    /// Print CSV (a header row, then the fields of --json).
    #[arg(long)]
    pub csv: bool,
}

#[derive(Debug, Args)]
pub struct KwicArgs {
    /// A phrase family's label ("rock solid" finds every variant), or any phrase.
    #[arg(value_parser = super::text_arg)]
    pub phrase: String,
    #[command(flatten)]
    pub input: Input,
    /// Characters of context on each side (0 to 1,000).
    #[arg(long, value_name = "N", default_value_t = 40, value_parser = super::width_arg())]
    pub width: usize,
    /// Print a JSON array instead of aligned lines.
    #[arg(long, conflicts_with = "csv")]
    pub json: bool,
    /// Print CSV (a header row, then the fields of --json).
    #[arg(long)]
    pub csv: bool,
}

/// One row of `readout phrases` (the record the app's phrases pane exports).
pub use crate::export::PhraseRecord as PhraseItem;

pub fn run_phrases(args: PhrasesArgs) -> anyhow::Result<ExitCode> {
    let book = args.input.phrase_book()?;
    let hidden = book.hidden().to_vec();
    let analyzer = Analyzer::none().with_book(book).with_families(true);
    let mut index = super::load(&args.input, &analyzer)?;
    index.mine_phrases(&MineOptions {
        min_docs: args.min_docs.unwrap_or(2).max(1),
        hidden,
        ..MineOptions::default()
    });
    let rows = concordance::phrase_rows(&index);
    let items: Vec<PhraseItem> = rows.iter().map(|r| PhraseItem::new(r, &index)).collect();
    super::output::write(Format::of(args.json, args.csv), &items)?;
    Ok(ExitCode::SUCCESS)
}

#[derive(Debug, Serialize)]
struct KwicItem<'a> {
    /// Spaces before the left context, aligning the matches (text only).
    #[serde(skip)]
    pad: usize,
    #[serde(serialize_with = "super::escaped")]
    path: &'a str,
    left: &'a str,
    #[serde(rename = "match")]
    matched: &'a str,
    right: &'a str,
    /// Byte offsets into the article's body (its text after front matter).
    start: usize,
    end: usize,
    /// Byte offsets into the file, where the body is a verbatim slice of
    /// it (a UTF-8 text file); null otherwise (a page, feed item, row, record).
    file_start: Option<usize>,
    file_end: Option<usize>,
}

impl Table for KwicItem<'_> {
    const FIELDS: &'static [&'static str] = &[
        "path",
        "left",
        "match",
        "right",
        "start",
        "end",
        "file_start",
        "file_end",
    ];
    const TEXT_HEADER: &'static [&'static str] = &["concordance", "path"];
    /// The match aligned in the middle, then the path.
    fn text_row(&self) -> Vec<Cow<'_, str>> {
        vec![
            format!(
                "{}{}  {}  {}",
                " ".repeat(self.pad),
                self.left,
                self.matched,
                self.right
            )
            .into(),
            crate::store::escape_controls(self.path),
        ]
    }
}

pub fn run_kwic(args: KwicArgs) -> anyhow::Result<ExitCode> {
    if crate::analysis::text::words(&args.phrase).next().is_none() {
        return Err(super::UsageError::Query("the phrase has no words".into()).into());
    }
    let book = args.input.phrase_book()?;
    let phrase_is_family = book.family_index(&args.phrase).is_some();
    let analyzer = Analyzer::none().with_book(book).with_families(phrase_is_family);
    // only articles holding the phrase's words can matter
    let keep = (!phrase_is_family)
        .then(|| {
            crate::query::prefilter(&crate::query::Query {
                groups: vec![vec![crate::query::Term {
                    negated: false,
                    kind: crate::query::TermKind::Phrase(args.phrase.clone()),
                }]],
            })
        })
        .flatten();
    let index = super::load_filtered(&args.input, &analyzer, keep)?;
    let phrase = PhraseRef::resolve(&index, &args.phrase);
    let occ = concordance::occurrences(&index, &phrase, None);
    let lines = concordance::lines(&index, &occ, args.width);
    let items: Vec<KwicItem> = lines
        .iter()
        .filter_map(|l| {
            let a = index.article(l.article)?;
            Some(KwicItem {
                pad: args.width.saturating_sub(l.kwic.left.width()),
                path: &a.path,
                left: &l.kwic.left,
                matched: &l.kwic.matched,
                right: &l.kwic.right,
                start: l.range.start,
                end: l.range.end,
                file_start: a.file_pos(l.range.start),
                file_end: a.file_pos(l.range.end),
            })
        })
        .collect();
    super::output::write(Format::of(args.json, args.csv), &items)?;
    if lines.is_empty() {
        eprintln!("readout: '{}' occurs nowhere", args.phrase);
    }
    Ok(ExitCode::SUCCESS)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cli::output::assert_fields;

    #[test]
    fn csv_columns_are_the_json_fields() {
        // (the phrases' record is checked with the other exports')
        let k = KwicItem {
            pad: 2,
            path: "p",
            left: "l",
            matched: "m",
            right: "r",
            start: 0,
            end: 1,
            file_start: Some(10),
            file_end: None,
        };
        assert_fields(&k);
        assert_eq!(k.text_row()[0], "  l  m  r");
    }
}
