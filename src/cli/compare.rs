//! `readout compare A B`: the passages two articles share, and how much of
//! each they make up.

use std::io::{self, BufWriter, Write};
use std::process::ExitCode;

use clap::Args;
use serde::Serialize;

use super::{Input, UsageError};
use crate::analysis::reuse;
use crate::facts::Analyzer;
use crate::store::Article;

#[derive(Debug, Args)]
pub struct CompareArgs {
    /// The first article: a path, or a bundled article's name or prefix ("002").
    pub a: String,
    /// The second article, likewise.
    pub b: String,
    /// Print JSON instead of text.
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Serialize)]
struct Similarity {
    /// Share of A's words inside shared passages.
    a_in_b: f64,
    /// Share of B's words inside shared passages.
    b_in_a: f64,
}

#[derive(Debug, Serialize)]
struct PassageItem<'a> {
    words: usize,
    a_text: &'a str,
    b_text: &'a str,
    a_start: usize,
    a_end: usize,
    b_start: usize,
    b_end: usize,
}

#[derive(Debug, Serialize)]
struct Output<'a> {
    #[serde(serialize_with = "super::escaped")]
    a: &'a str,
    #[serde(serialize_with = "super::escaped")]
    b: &'a str,
    similarity: Similarity,
    passages: Vec<PassageItem<'a>>,
}

/// A path that exists is read (`FILE:LINE` picks a JSON Lines record);
/// anything else names a bundled article.
fn article(name: &str) -> anyhow::Result<Article> {
    if let Some((file, line)) = name.rsplit_once(':')
        && !line.is_empty()
        && line.chars().all(|c| c.is_ascii_digit())
        && std::path::Path::new(file).is_file()
    {
        let input = Input {
            paths: vec![file.into()],
            ..Input::default()
        };
        let index = super::load(&input, &Analyzer::none())?;
        return index
            .articles()
            .iter()
            .find(|a| a.path == name)
            .cloned()
            .ok_or_else(|| UsageError::Article(format!("{file} has no article at line {line}")).into());
    }
    let path = std::path::Path::new(name);
    if path.is_dir() {
        return Err(UsageError::Article(format!(
            "{} is a folder: compare takes two articles (files, FILE:LINE for a JSON Lines record, or bundled names)",
            crate::store::escape_controls(name)
        ))
        .into());
    }
    if path.exists() {
        let input = Input {
            paths: vec![path.to_path_buf()],
            ..Input::default()
        };
        let index = super::load(&input, &Analyzer::none())?;
        return match index.articles() {
            [one] => Ok(one.clone()),
            [] => Err(UsageError::NothingLoaded.into()),
            several => Err(UsageError::Article(format!(
                "{} holds {} articles: name one as {}:LINE",
                crate::store::escape_controls(name),
                several.len(),
                crate::store::escape_controls(name)
            ))
            .into()),
        };
    }
    let bundled = crate::store::Corpus::new(crate::store::bundled_articles());
    bundled.find(name).cloned().ok_or_else(|| {
        let names: Vec<&str> = crate::store::BUNDLED.iter().map(|(n, _)| *n).collect();
        UsageError::Article(format!(
            "'{name}' is neither a file nor a bundled article ({})",
            names.join(", ")
        ))
        .into()
    })
}

pub fn run(args: CompareArgs) -> anyhow::Result<ExitCode> {
    let a = article(&args.a)?;
    let b = article(&args.b)?;
    let c = reuse::compare(&a.body, &b.body);
    let passages: Vec<PassageItem> = c
        .passages
        .iter()
        .map(|p| PassageItem {
            words: p.words,
            a_text: &a.body[p.a.clone()],
            b_text: &b.body[p.b.clone()],
            a_start: p.a.start,
            a_end: p.a.end,
            b_start: p.b.start,
            b_end: p.b.end,
        })
        .collect();
    let mut out = BufWriter::new(io::stdout().lock());
    if args.json {
        let o = Output {
            a: &a.path,
            b: &b.path,
            similarity: Similarity {
                a_in_b: c.a_shared,
                b_in_a: c.b_shared,
            },
            passages,
        };
        serde_json::to_writer_pretty(&mut out, &o)?;
        writeln!(out)?;
    } else {
        let shown = crate::store::escape_controls;
        writeln!(out, "A {} ({})", a.meta.title, shown(&a.path))?;
        writeln!(out, "B {} ({})", b.meta.title, shown(&b.path))?;
        writeln!(
            out,
            "{:.0}% of A is shared with B; {:.0}% of B with A; {} shared passage{}",
            c.a_shared * 100.0,
            c.b_shared * 100.0,
            passages.len(),
            if passages.len() == 1 { "" } else { "s" }
        )?;
        for (i, p) in passages.iter().enumerate() {
            let one = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
            writeln!(out, "\n{}. {} words", i + 1, p.words)?;
            writeln!(out, "  A: {}", one(p.a_text))?;
            writeln!(out, "  B: {}", one(p.b_text))?;
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}
