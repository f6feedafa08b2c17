//! `readout list`: the articles matching a query, in the TUI's rank order.

use std::io::{self, BufWriter, Write};
use std::process::ExitCode;

use clap::Args;
use serde::Serialize;

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
    #[arg(long)]
    pub json: bool,
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
}

pub fn run(args: ListArgs) -> anyhow::Result<ExitCode> {
    // parse first: a bad query fails before any loading
    let q =
        query::parse(args.filter.as_deref().unwrap_or("")).map_err(|e| UsageError::Query(e.to_string()))?;
    // analyse only what the output or the query needs: speakers for --json
    // and for terms that match speakers (plain words, @name)
    let needs_speakers = args.json
        || q.terms()
            .any(|t| matches!(t.kind, query::TermKind::Fuzzy(_) | query::TermKind::Speaker(_)));
    let needs_families = args.json || q.terms().any(|t| matches!(t.kind, query::TermKind::Family(_)));
    let analyzer = crate::facts::Analyzer::none()
        .with_book(args.input.phrase_book()?)
        .with_families(needs_families)
        .only(false, needs_speakers);
    // nothing here prints article text: it is let go as soon as it is analysed
    let (index, mut counted) = super::load_for_query(&args.input, &analyzer, &q)?;
    let matcher = Matcher::new(&q, &index).map_err(|e| UsageError::Query(e.message))?;
    let hits = matcher.eval(&index, &mut counted);
    let out = io::stdout().lock();
    let mut out = BufWriter::new(out);
    if args.json {
        let items: Vec<ListItem> = hits
            .iter()
            .filter_map(|h| {
                let a = index.article(h.id)?;
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
                })
            })
            .collect();
        serde_json::to_writer_pretty(&mut out, &items)?;
        writeln!(out)?;
    } else {
        for h in &hits {
            if let Some(a) = index.article(h.id) {
                writeln!(
                    out,
                    "{}\t{}\t{}\t{}\t{}",
                    escape_controls(&a.path),
                    a.meta.title,
                    a.meta.source.as_deref().unwrap_or("-"),
                    a.meta.date.as_deref().unwrap_or("-"),
                    a.words
                )?;
            }
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}
