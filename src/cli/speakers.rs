//! `readout speakers` and `readout quotes`: who is quoted, saying what.

use std::borrow::Cow;
use std::process::ExitCode;

use clap::Args;
use fuzzy_matcher::skim::SkimMatcherV2;
use serde::Serialize;

use super::Input;
use super::output::{Format, Table};
use crate::analysis::speakers::{QuoteKind, SpeakerKind};
use crate::facts::Analyzer;
use crate::index::Index;

#[derive(Debug, Args)]
pub struct SpeakersArgs {
    #[command(flatten)]
    pub input: Input,
    /// Print a JSON array instead of tab-separated lines.
    #[arg(long, conflicts_with = "csv")]
    pub json: bool,
    /// Print CSV (a header row, then the fields of --json).
    #[arg(long)]
    pub csv: bool,
}

#[derive(Debug, Args)]
pub struct QuotesArgs {
    #[command(flatten)]
    pub input: Input,
    /// Only quotes by speakers whose name fuzzily matches NAME (like @name).
    #[arg(long, short, value_name = "NAME", value_parser = super::text_arg)]
    pub speaker: Option<String>,
    /// Print a JSON array instead of tab-separated lines.
    #[arg(long, conflicts_with = "csv")]
    pub json: bool,
    /// Print CSV (a header row, then the fields of --json).
    #[arg(long)]
    pub csv: bool,
}

#[derive(Debug, Serialize)]
struct SpeakerItem<'a> {
    name: &'a str,
    kind: SpeakerKind,
    role: Option<&'a str>,
    quotes: usize,
    #[serde(serialize_with = "super::escaped_all")]
    articles: Vec<&'a str>,
}

#[derive(Debug, Serialize)]
struct QuoteItem<'a> {
    speaker: &'a str,
    /// person, organisation or unnamed
    speaker_kind: SpeakerKind,
    text: &'a str,
    kind: QuoteKind,
    #[serde(serialize_with = "super::escaped")]
    path: &'a str,
    /// Byte offsets into the article's body (its text after front matter).
    start: usize,
    end: usize,
    /// Byte offsets into the file where the body is a verbatim slice of it; else null.
    file_start: Option<usize>,
    file_end: Option<usize>,
}

impl Table for SpeakerItem<'_> {
    const FIELDS: &'static [&'static str] = &["name", "kind", "role", "quotes", "articles"];
    const TEXT_HEADER: &'static [&'static str] = &["name", "kind", "quotes", "articles"];
    fn text_row(&self) -> Vec<Cow<'_, str>> {
        vec![
            self.name.into(),
            self.kind.label().into(),
            plural(self.quotes, "quote").into(),
            plural(self.articles.len(), "article").into(),
        ]
    }
}

impl Table for QuoteItem<'_> {
    const FIELDS: &'static [&'static str] = &[
        "speaker",
        "speaker_kind",
        "text",
        "kind",
        "path",
        "start",
        "end",
        "file_start",
        "file_end",
    ];
    const TEXT_HEADER: &'static [&'static str] = &["speaker", "kind", "path", "text"];
    fn text_row(&self) -> Vec<Cow<'_, str>> {
        let kind = match self.kind {
            QuoteKind::Direct => "direct",
            QuoteKind::Reported => "reported",
        };
        vec![
            self.speaker.into(),
            kind.into(),
            crate::store::escape_controls(self.path),
            self.text.split_whitespace().collect::<Vec<_>>().join(" ").into(),
        ]
    }
}

pub fn run_speakers(args: SpeakersArgs) -> anyhow::Result<ExitCode> {
    let index = super::load(&args.input, &Analyzer::none().only(false, true))?;
    let items: Vec<SpeakerItem> = index
        .speaker_stats()
        .iter()
        .filter_map(|s| {
            let sp = index.speaker(s.id)?;
            Some(SpeakerItem {
                name: &sp.name,
                kind: sp.kind,
                role: sp.role.as_deref(),
                quotes: s.quotes,
                articles: s
                    .articles
                    .iter()
                    .filter_map(|&a| index.article(a).map(|a| a.path.as_str()))
                    .collect(),
            })
        })
        .collect();
    super::output::write(Format::of(args.json, args.csv), &items)?;
    Ok(ExitCode::SUCCESS)
}

/// "1 quote", "3 quotes".
pub fn plural(n: usize, what: &str) -> String {
    if n == 1 {
        format!("1 {what}")
    } else {
        format!("{n} {what}s")
    }
}

/// Speaker ids whose name fuzzily matches `pattern` (the `@name` rule:
/// people and organisations, never unnamed sources).
pub fn matching_speakers(index: &Index, pattern: &str) -> Vec<bool> {
    let m = SkimMatcherV2::default();
    let lower: Vec<char> = pattern.chars().flat_map(char::to_lowercase).collect();
    index
        .speakers()
        .iter()
        .map(|s| {
            s.kind != SpeakerKind::Unnamed && crate::query::word_score(&m, &s.name, pattern, &lower).is_some()
        })
        .collect()
}

pub fn run_quotes(args: QuotesArgs) -> anyhow::Result<ExitCode> {
    let index = super::load(&args.input, &Analyzer::none().only(false, true))?;
    let wanted = args.speaker.as_deref().map(|p| matching_speakers(&index, p));
    if let (Some(w), Some(name)) = (&wanted, &args.speaker)
        && !w.iter().any(|b| *b)
    {
        eprintln!("readout: no speaker matches '{name}'");
    }
    let mut items = Vec::new();
    for a in index.articles() {
        if !index.is_live(a.id) {
            continue;
        }
        for q in index.quotes_of(a.id) {
            if wanted.as_ref().is_some_and(|w| !w[q.speaker as usize]) {
                continue;
            }
            let Some(sp) = index.speaker(q.speaker) else {
                continue;
            };
            items.push(QuoteItem {
                speaker: &sp.name,
                speaker_kind: sp.kind,
                text: &a.body[q.range.clone()],
                kind: q.kind,
                path: &a.path,
                start: q.range.start,
                end: q.range.end,
                file_start: a.file_pos(q.range.start),
                file_end: a.file_pos(q.range.end),
            });
        }
    }
    super::output::write(Format::of(args.json, args.csv), &items)?;
    Ok(ExitCode::SUCCESS)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cli::output::assert_fields;

    #[test]
    fn csv_columns_are_the_json_fields() {
        assert_fields(&SpeakerItem {
            name: "n",
            kind: SpeakerKind::Person,
            role: None,
            quotes: 1,
            articles: vec!["a"],
        });
        assert_fields(&QuoteItem {
            speaker: "s",
            speaker_kind: SpeakerKind::Unnamed,
            text: "t",
            kind: QuoteKind::Direct,
            path: "p",
            start: 0,
            end: 1,
            file_start: Some(4),
            file_end: Some(5),
        });
    }
}
