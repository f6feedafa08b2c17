//! `readout stories`: groups of articles that report the same event.

use std::io::{self, BufWriter, Write};
use std::process::ExitCode;

use clap::Args;

use super::Input;
use super::output::Format;
use crate::export::{StoryArticle, StoryArticleRow, StoryItem, StoryRecord};
use crate::facts::Analyzer;

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

pub fn run(args: StoriesArgs) -> anyhow::Result<ExitCode> {
    // quotes, for the speakers the stories weigh
    let index = super::load(&args.input, &Analyzer::none().only(false, true))?;
    let rows = crate::stories::stories(&index);
    let items: Vec<StoryItem> = rows
        .iter()
        .enumerate()
        .map(|(i, r)| StoryItem {
            story: StoryRecord::new(i + 1, r),
            articles: r
                .articles
                .iter()
                .filter_map(|&id| index.article(id))
                .map(StoryArticle::new)
                .collect(),
        })
        .collect();
    if args.csv {
        super::output::write(Format::Csv, &StoryArticleRow::all(&items))?;
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
            let (st, articles) = (&s.story, &s.articles);
            let span = match (st.first_date, st.last_date) {
                (Some(f), Some(l)) if f == l => f.to_string(),
                (Some(f), Some(l)) => format!("{f} to {l}"),
                _ => "undated".to_string(),
            };
            writeln!(
                out,
                "{}\t{} articles\t{}\t{}",
                shown(st.label),
                st.size,
                span,
                shown(&st.outlets.join(", "))
            )?;
            for a in articles {
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
        let article = |path| StoryArticle {
            path,
            title: "T",
            source: Some("TASS"),
            date: None,
        };
        let items = vec![StoryItem {
            story: StoryRecord {
                story: 1,
                label: "Kestneft",
                size: 2,
                cohesion: 0.5,
                first_date: Some("2023-03-01"),
                last_date: None,
                outlets: &outlets,
            },
            articles: vec![article("a.txt"), article("b.txt")],
        }];
        let rows = StoryArticleRow::all(&items);
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
