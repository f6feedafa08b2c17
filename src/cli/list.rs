//! `readout list`: the articles matching a query, in the TUI's rank order.

use std::borrow::Cow;
use std::process::ExitCode;

use clap::Args;
use serde::Serialize;

use super::output::{Format, Table};
use super::{Input, UsageError};
use crate::analysis::speakers::SpeakerKind;
use crate::query::{self, Matcher};
use crate::store::escape_controls;

#[derive(Debug, Args)]
pub struct ListArgs {
    #[command(flatten)]
    pub input: Input,
    /// Only articles matching this query (the `/` language of the app).
    #[arg(long, short, value_name = "QUERY")]
    pub filter: Option<String>,
    /// Print a JSON array instead of tab-separated lines.
    #[arg(long, conflicts_with = "csv")]
    pub json: bool,
    /// Print CSV (a header row, then the fields of --json).
    #[arg(long)]
    pub csv: bool,
}

/// One article in `list --json`.
#[derive(Debug, Serialize)]
pub struct ListItem<'a> {
    #[serde(serialize_with = "super::escaped")]
    pub path: &'a str,
    pub title: &'a str,
    pub source: Option<&'a str>,
    pub date: Option<&'a str>,
    pub url: Option<&'a str>,
    pub words: usize,
    pub score: i64,
    /// The people quoted in it.
    pub speakers: Vec<&'a str>,
    /// The labels of the phrase families it contains.
    pub phrases: Vec<&'a str>,
    /// The user's tags on it (`readout tag`).
    pub tags: Vec<&'a str>,
    /// The user starred it.
    pub starred: bool,
    /// The user's note on it, or null.
    pub note: Option<&'a str>,
}

impl Table for ListItem<'_> {
    const FIELDS: &'static [&'static str] = &[
        "path", "title", "source", "date", "url", "words", "score", "speakers", "phrases", "tags", "starred",
        "note",
    ];
    const TEXT_HEADER: &'static [&'static str] = &["path", "title", "source", "date", "words"];
    fn text_row(&self) -> Vec<Cow<'_, str>> {
        vec![
            escape_controls(self.path),
            self.title.into(),
            self.source.unwrap_or("-").into(),
            self.date.unwrap_or("-").into(),
            self.words.to_string().into(),
        ]
    }
}

pub fn run(args: ListArgs) -> anyhow::Result<ExitCode> {
    let format = Format::of(args.json, args.csv);
    // parse first: a bad query fails before any loading
    let q =
        query::parse(args.filter.as_deref().unwrap_or("")).map_err(|e| UsageError::Query(e.to_string()))?;
    // analyse only what the output or the query needs: speakers for --json
    // and for terms that match speakers (plain words, @name)
    let needs_speakers = format.is_data()
        || q.terms()
            .any(|t| matches!(t.kind, query::TermKind::Fuzzy(_) | query::TermKind::Speaker(_)));
    let needs_families = format.is_data() || q.terms().any(|t| matches!(t.kind, query::TermKind::Family(_)));
    // the user's marks, when the output or the query needs them
    let needs_state = format.is_data() || q.terms().any(|t| matches!(t.kind, query::TermKind::State(_)));
    let snapshot = needs_state.then(super::state_snapshot).flatten();
    let analyzer = crate::facts::Analyzer::none()
        .with_book(args.input.phrase_book()?)
        .with_families(needs_families)
        .only(false, needs_speakers)
        .with_hashes(snapshot.is_some());
    // nothing here prints article text: it is let go as soon as it is analysed
    let (index, mut counted, hashes) = super::load_for_query(&args.input, &analyzer, &q)?;
    let states = std::sync::Arc::new(
        snapshot
            .map(|s| super::article_states(&index, &hashes, &s))
            .unwrap_or_default(),
    );
    let matcher = Matcher::new(&q, &index)
        .map_err(|e| UsageError::Query(e.message))?
        .with_states(states.clone());
    let hits = matcher.eval(&index, &mut counted);
    let items: Vec<ListItem> = hits
        .iter()
        .filter_map(|h| {
            let a = index.article(h.id)?;
            let state = states.get(h.id);
            Some(ListItem {
                path: &a.path,
                title: &a.meta.title,
                source: a.meta.source.as_deref(),
                date: a.meta.date.as_deref(),
                url: a.meta.url.as_deref(),
                words: a.words,
                score: h.score,
                speakers: index
                    .speakers_of(a.id)
                    .iter()
                    .filter_map(|&s| index.speaker(s))
                    .filter(|s| s.kind == SpeakerKind::Person)
                    .map(|s| s.name.as_str())
                    .collect(),
                phrases: index
                    .families_of(a.id)
                    .iter()
                    .filter_map(|&f| index.family_labels().get(usize::from(f)).map(String::as_str))
                    .collect(),
                tags: state
                    .map(|s| s.tags.iter().map(String::as_str).collect())
                    .unwrap_or_default(),
                starred: state.is_some_and(|s| s.starred),
                note: state.and_then(|s| s.note.as_deref()),
            })
        })
        .collect();
    super::output::write(format, &items)?;
    Ok(ExitCode::SUCCESS)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_columns_are_the_json_fields() {
        super::super::output::assert_fields(&ListItem {
            path: "p",
            title: "t",
            source: None,
            date: None,
            url: None,
            words: 1,
            score: 0,
            speakers: vec![],
            phrases: vec![],
            tags: vec![],
            starred: false,
            note: None,
        });
    }
}
