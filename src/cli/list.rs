//! `readout list`: the articles matching a query, in the TUI's rank order.

use std::process::ExitCode;

use clap::Args;

use super::output::Format;
use super::{Input, UsageError};
use crate::query::{self, Matcher};

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

/// One article in `list --json`: the record the app's export writes too,
/// so both give the same bytes.
pub use crate::export::ArticleRecord as ListItem;

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
            Some(ListItem::new(&index, a, h.score, state))
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
