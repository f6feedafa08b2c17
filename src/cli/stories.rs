//! `readout stories`: groups of articles that report the same event.

use std::io::{self, BufWriter, Write};
use std::process::ExitCode;

use clap::Args;
use serde::Serialize;

use super::Input;
use crate::facts::Analyzer;

#[derive(Debug, Args)]
pub struct StoriesArgs {
    #[command(flatten)]
    pub input: Input,
    /// Print a JSON array instead of text.
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Serialize)]
struct ArticleItem<'a> {
    path: &'a str,
    title: &'a str,
    source: Option<&'a str>,
    date: Option<&'a str>,
}

#[derive(Debug, Serialize)]
struct StoryItem<'a> {
    label: &'a str,
    size: usize,
    cohesion: f64,
    first_date: Option<&'a str>,
    last_date: Option<&'a str>,
    outlets: &'a [String],
    articles: Vec<ArticleItem<'a>>,
}

pub fn run(args: StoriesArgs) -> anyhow::Result<ExitCode> {
    // quotes, for the speakers the stories weigh
    let index = super::load(&args.input, &Analyzer::none().only(false, true))?;
    let rows = crate::stories::stories(&index);
    let items: Vec<StoryItem> = rows
        .iter()
        .map(|r| StoryItem {
            label: &r.label,
            size: r.articles.len(),
            cohesion: r.cohesion,
            first_date: r.first_date.as_deref(),
            last_date: r.last_date.as_deref(),
            outlets: &r.outlets,
            articles: r
                .articles
                .iter()
                .filter_map(|&id| index.article(id))
                .map(|a| ArticleItem {
                    path: &a.path,
                    title: &a.meta.title,
                    source: a.meta.source.as_deref(),
                    date: a.meta.date.as_deref(),
                })
                .collect(),
        })
        .collect();
    let mut out = BufWriter::new(io::stdout().lock());
    if args.json {
        serde_json::to_writer_pretty(&mut out, &items)?;
        writeln!(out)?;
    } else {
        let shown = crate::store::escape_controls;
        if items.is_empty() {
            writeln!(
                out,
                "no two of the {} articles report the same event",
                index.len()
            )?;
        }
        for (i, s) in items.iter().enumerate() {
            if i > 0 {
                writeln!(out)?;
            }
            let span = match (s.first_date, s.last_date) {
                (Some(f), Some(l)) if f == l => f.to_string(),
                (Some(f), Some(l)) => format!("{f} to {l}"),
                _ => "undated".to_string(),
            };
            writeln!(
                out,
                "{}\t{} articles\t{}\t{}",
                shown(s.label),
                s.size,
                span,
                shown(&s.outlets.join(", "))
            )?;
            for a in &s.articles {
                writeln!(
                    out,
                    "  {}\t{}\t{}\t{}",
                    a.date.map_or("-".into(), shown),
                    a.source.map_or("-".into(), shown),
                    shown(a.title),
                    shown(a.path)
                )?;
            }
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}
