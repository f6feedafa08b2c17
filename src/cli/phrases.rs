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
    /// Mined phrases must occur in at least N articles (default: the
    /// config's min-docs, else 2).
    #[arg(long, value_name = "N")]
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
    pub phrase: String,
    #[command(flatten)]
    pub input: Input,
    /// Characters of context on each side.
    #[arg(long, default_value_t = 40)]
    pub width: usize,
    /// Print a JSON array instead of aligned lines.
    #[arg(long, conflicts_with = "csv")]
    pub json: bool,
    /// Print CSV (a header row, then the fields of --json).
    #[arg(long)]
    pub csv: bool,
}

/// One row of `readout phrases`.
#[derive(Debug, Serialize)]
pub struct PhraseItem<'a> {
    pub phrase: &'a str,
    /// The family label for curated phrases, null for mined ones.
    pub label: Option<&'a str>,
    /// How many articles it occurs in (its range).
    pub articles: usize,
    pub occurrences: usize,
    pub curated: bool,
    /// Mined only: the C-value-style score.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub score: Option<f64>,
    /// All its articles come from one source (likely boilerplate). Always
    /// present, false for curated phrases: scripts get a stable schema.
    pub single_source: bool,
}

impl<'a> From<&'a concordance::PhraseRow> for PhraseItem<'a> {
    fn from(r: &'a concordance::PhraseRow) -> Self {
        PhraseItem {
            phrase: &r.text,
            label: r.curated().then_some(r.text.as_str()),
            articles: r.articles,
            occurrences: r.occurrences,
            curated: r.curated(),
            score: r.score,
            single_source: r.single_source,
        }
    }
}

impl Table for PhraseItem<'_> {
    const FIELDS: &'static [&'static str] = &[
        "phrase",
        "label",
        "articles",
        "occurrences",
        "curated",
        "score",
        "single_source",
    ];
    const TEXT_HEADER: &'static [&'static str] = &["phrase", "articles", "occurrences", "kind"];
    fn text_row(&self) -> Vec<Cow<'_, str>> {
        let what = if self.curated {
            "family"
        } else if self.single_source {
            "mined, one source"
        } else {
            "mined"
        };
        vec![
            self.phrase.into(),
            self.articles.to_string().into(),
            self.occurrences.to_string().into(),
            what.into(),
        ]
    }
}

pub fn run_phrases(args: PhrasesArgs) -> anyhow::Result<ExitCode> {
    let analyzer = Analyzer::none()
        .with_book(args.input.phrase_book()?)
        .with_families(true);
    let mut index = super::load(&args.input, &analyzer)?;
    index.mine_phrases(&MineOptions {
        min_docs: args.min_docs.unwrap_or(2).max(1),
        ..MineOptions::default()
    });
    let rows = concordance::phrase_rows(&index);
    let items: Vec<PhraseItem> = rows.iter().map(PhraseItem::from).collect();
    super::output::write(Format::of(args.json, args.csv), &items)?;
    Ok(ExitCode::SUCCESS)
}

#[derive(Debug, Serialize)]
struct KwicItem<'a> {
    /// Spaces before the left context, aligning the matches (text only).
    #[serde(skip)]
    pad: usize,
    path: &'a str,
    left: &'a str,
    #[serde(rename = "match")]
    matched: &'a str,
    right: &'a str,
    start: usize,
    end: usize,
}

impl Table for KwicItem<'_> {
    const FIELDS: &'static [&'static str] = &["path", "left", "match", "right", "start", "end"];
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
            Some(KwicItem {
                pad: args.width.saturating_sub(l.kwic.left.width()),
                path: &index.article(l.article)?.path,
                left: &l.kwic.left,
                matched: &l.kwic.matched,
                right: &l.kwic.right,
                start: l.range.start,
                end: l.range.end,
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
        assert_fields(&PhraseItem {
            phrase: "p",
            label: None,
            articles: 1,
            occurrences: 2,
            curated: false,
            score: Some(1.0),
            single_source: false,
        });
        let k = KwicItem {
            pad: 2,
            path: "p",
            left: "l",
            matched: "m",
            right: "r",
            start: 0,
            end: 1,
        };
        assert_fields(&k);
        assert_eq!(k.text_row()[0], "  l  m  r");
    }
}
