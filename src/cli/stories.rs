//! `readout stories`: groups of articles that report the same event.

use std::io::{self, BufWriter, Write};
use std::process::ExitCode;

use clap::Args;
use serde::Serialize;

use super::Input;
use super::output::{Format, Table};
use crate::facts::Analyzer;
use std::borrow::Cow;

#[derive(Debug, Args)]
pub struct StoriesArgs {
    #[command(flatten)]
    pub input: Input,
    /// Print a JSON array instead of text.
    #[arg(long, conflicts_with = "csv")]
    pub json: bool,
    /// Print CSV: a header row, then a row per article with its story's fields.
    #[arg(long)]
    pub csv: bool,
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

/// `stories --csv`: one article of one story.
#[derive(Debug, Serialize)]
struct StoryArticleRow<'a> {
    /// The story's number, from 1 (largest first, as listed).
    story: usize,
    label: &'a str,
    size: usize,
    cohesion: f64,
    first_date: Option<&'a str>,
    last_date: Option<&'a str>,
    outlets: &'a [String],
    #[serde(flatten)]
    article: &'a ArticleItem<'a>,
}

impl Table for StoryArticleRow<'_> {
    const FIELDS: &'static [&'static str] = &[
        "story",
        "label",
        "size",
        "cohesion",
        "first_date",
        "last_date",
        "outlets",
        "path",
        "title",
        "source",
        "date",
    ];
    const TEXT_HEADER: &'static [&'static str] = &["story", "label", "date", "source", "title", "path"];
    fn text_row(&self) -> Vec<Cow<'_, str>> {
        let shown = crate::store::escape_controls;
        vec![
            self.story.to_string().into(),
            shown(self.label),
            self.article.date.map_or("-".into(), shown),
            self.article.source.map_or("-".into(), shown),
            shown(self.article.title),
            shown(self.article.path),
        ]
    }
}

/// A row per article of each story.
fn article_rows<'a>(items: &'a [StoryItem<'a>]) -> Vec<StoryArticleRow<'a>> {
    items
        .iter()
        .enumerate()
        .flat_map(|(i, s)| {
            s.articles.iter().map(move |article| StoryArticleRow {
                story: i + 1,
                label: s.label,
                size: s.size,
                cohesion: s.cohesion,
                first_date: s.first_date,
                last_date: s.last_date,
                outlets: s.outlets,
                article,
            })
        })
        .collect()
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
    if args.csv {
        super::output::write(Format::Csv, &article_rows(&items))?;
        return Ok(ExitCode::SUCCESS);
    }
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cli::output::{assert_fields, write_to};

    #[test]
    fn csv_has_a_row_per_article_with_its_story() {
        let outlets = vec!["TASS".to_string(), "Xinhua".to_string()];
        let article = |path| ArticleItem {
            path,
            title: "T",
            source: Some("TASS"),
            date: None,
        };
        let items = vec![StoryItem {
            label: "Kestneft",
            size: 2,
            cohesion: 0.5,
            first_date: Some("2023-03-01"),
            last_date: None,
            outlets: &outlets,
            articles: vec![article("a.txt"), article("b.txt")],
        }];
        let rows = article_rows(&items);
        assert_fields(&rows[0]);
        let mut out = Vec::new();
        write_to(&mut out, Format::Csv, &rows).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "story,label,size,cohesion,first_date,last_date,outlets,path,title,source,date\n\
             1,Kestneft,2,0.5,2023-03-01,,TASS; Xinhua,a.txt,T,TASS,\n\
             1,Kestneft,2,0.5,2023-03-01,,TASS; Xinhua,b.txt,T,TASS,\n"
        );
    }
}
