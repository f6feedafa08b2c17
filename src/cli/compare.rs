//! `readout compare A B`: the passages two articles share, and how much of
//! each they make up.

use std::borrow::Cow;
use std::io::{self, BufWriter, Write};
use std::process::ExitCode;

use clap::Args;
use serde::Serialize;

use super::output::{Format, Table};
use super::{Input, UsageError};
use std::ops::Range;

use crate::analysis::reuse;
use crate::analysis::sides::{self, Side};
use crate::analysis::speakers::{Extractor, QuoteKind};
use crate::facts::Analyzer;
use crate::store::Article;

#[derive(Debug, Args)]
pub struct CompareArgs {
    /// The first article: a path, or a bundled article's name or prefix ("002").
    pub a: String,
    /// The second article, likewise.
    pub b: String,
    /// Print JSON instead of text.
    #[arg(long, conflicts_with = "csv")]
    pub json: bool,
    /// Print CSV: a header row, then a row per shared passage with the
    /// fields of --json (the pair's on every row).
    #[arg(long)]
    pub csv: bool,
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
    /// The words that differ inside the passage.
    diffs: Vec<Span<'a>>,
}

/// A stretch of A and the stretch of B matched with it.
#[derive(Debug, Serialize)]
struct Span<'a> {
    a_text: &'a str,
    b_text: &'a str,
    a_start: usize,
    a_end: usize,
    b_start: usize,
    b_end: usize,
}

impl<'a> Span<'a> {
    fn of(a: &'a str, b: &'a str, ra: &Range<usize>, rb: &Range<usize>) -> Span<'a> {
        Span {
            a_text: a.get(ra.clone()).unwrap_or(""),
            b_text: b.get(rb.clone()).unwrap_or(""),
            a_start: ra.start,
            a_end: ra.end,
            b_start: rb.start,
            b_end: rb.end,
        }
    }
}

#[derive(Debug, Serialize)]
struct RewordedItem<'a> {
    score: f64,
    #[serde(flatten)]
    span: Span<'a>,
    /// The content words each side shares with the other: [start, end].
    a_words: Vec<[usize; 2]>,
    b_words: Vec<[usize; 2]>,
}

#[derive(Debug, Serialize)]
struct QuoteItem<'a> {
    text: &'a str,
    kind: QuoteKind,
    start: usize,
    end: usize,
}

impl<'a> QuoteItem<'a> {
    fn of(text: &'a str, q: &sides::SideQuote) -> QuoteItem<'a> {
        QuoteItem {
            text: text.get(q.range.clone()).unwrap_or(""),
            kind: q.kind,
            start: q.range.start,
            end: q.range.end,
        }
    }
}

#[derive(Debug, Serialize)]
struct AlignedItem<'a> {
    /// Indexes into `a_quotes` and `b_quotes`.
    a: usize,
    b: usize,
    score: f64,
    a_text: &'a str,
    b_text: &'a str,
}

#[derive(Debug, Serialize)]
struct SpeakerItem<'a> {
    speaker: &'a str,
    side: Side,
    a_quotes: Vec<QuoteItem<'a>>,
    b_quotes: Vec<QuoteItem<'a>>,
    aligned: Vec<AlignedItem<'a>>,
}

#[derive(Debug, Serialize)]
struct FormulaItem<'a> {
    label: &'a str,
    curated: bool,
    a_count: usize,
    b_count: usize,
}

#[derive(Debug, Serialize, Default)]
struct Families<'a> {
    both: Vec<FormulaItem<'a>>,
    only_a: Vec<FormulaItem<'a>>,
    only_b: Vec<FormulaItem<'a>>,
}

#[derive(Debug, Serialize)]
struct Output<'a> {
    #[serde(serialize_with = "super::escaped")]
    a: &'a str,
    #[serde(serialize_with = "super::escaped")]
    b: &'a str,
    similarity: Similarity,
    passages: Vec<PassageItem<'a>>,
    reworded: Vec<RewordedItem<'a>>,
    speakers: Vec<SpeakerItem<'a>>,
    families: Families<'a>,
}

/// One shared passage as a CSV row, with the pair it belongs to.
#[derive(Debug, Serialize)]
struct PassageRow<'a> {
    #[serde(serialize_with = "super::escaped")]
    a: &'a str,
    #[serde(serialize_with = "super::escaped")]
    b: &'a str,
    a_in_b: f64,
    b_in_a: f64,
    #[serde(flatten)]
    passage: Passage<'a>,
    /// The words that differ inside the passage, each as `A / B`.
    diffs: Vec<String>,
}

/// A passage's fields but its diffs (a CSV row gives those one a cell each).
#[derive(Debug, Serialize)]
struct Passage<'a> {
    words: usize,
    a_text: &'a str,
    b_text: &'a str,
    a_start: usize,
    a_end: usize,
    b_start: usize,
    b_end: usize,
}

impl<'a> From<&PassageItem<'a>> for Passage<'a> {
    fn from(p: &PassageItem<'a>) -> Self {
        Passage {
            words: p.words,
            a_text: p.a_text,
            b_text: p.b_text,
            a_start: p.a_start,
            a_end: p.a_end,
            b_start: p.b_start,
            b_end: p.b_end,
        }
    }
}

/// Text on one line: runs of whitespace as one space.
fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

impl Table for PassageRow<'_> {
    const FIELDS: &'static [&'static str] = &[
        "a", "b", "a_in_b", "b_in_a", "words", "a_text", "b_text", "a_start", "a_end", "b_start", "b_end",
        "diffs",
    ];
    const TEXT_HEADER: &'static [&'static str] = &["words", "a_text", "b_text"];
    fn text_row(&self) -> Vec<Cow<'_, str>> {
        vec![
            self.passage.words.to_string().into(),
            one_line(self.passage.a_text).into(),
            one_line(self.passage.b_text).into(),
        ]
    }
}

/// A path that exists is read (`FILE:LINE` picks a JSON Lines record);
/// anything else names a bundled article.
pub(super) fn article(name: &str) -> anyhow::Result<Article> {
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
    let (ab, bb) = (&*a.body, &*b.body);
    let c = reuse::compare(ab, bb);
    let passages: Vec<PassageItem> = c
        .passages
        .iter()
        .map(|p| PassageItem {
            words: p.words,
            a_text: &ab[p.a.clone()],
            b_text: &bb[p.b.clone()],
            a_start: p.a.start,
            a_end: p.a.end,
            b_start: p.b.start,
            b_end: p.b.end,
            diffs: p.diffs.iter().map(|d| Span::of(ab, bb, &d.a, &d.b)).collect(),
        })
        .collect();
    let reworded: Vec<RewordedItem> = reuse::reworded(ab, bb, &c.passages)
        .iter()
        .map(|r| RewordedItem {
            score: r.score,
            span: Span::of(ab, bb, &r.a, &r.b),
            a_words: r.a_words.iter().map(|w| [w.start, w.end]).collect(),
            b_words: r.b_words.iter().map(|w| [w.start, w.end]).collect(),
        })
        .collect();
    let ex = Extractor::shared();
    let (qa, qb) = (ex.extract(ab), ex.extract(bb));
    let speaker_sides = sides::speakers(ab, &qa, bb, &qb, |s| ex.key(s));
    let speakers: Vec<SpeakerItem> = speaker_sides
        .iter()
        .map(|s| SpeakerItem {
            speaker: &s.speaker,
            side: s.side,
            a_quotes: s.a.iter().map(|q| QuoteItem::of(ab, q)).collect(),
            b_quotes: s.b.iter().map(|q| QuoteItem::of(bb, q)).collect(),
            aligned: s
                .aligned
                .iter()
                .map(|al| AlignedItem {
                    a: al.a,
                    b: al.b,
                    score: al.score,
                    a_text: ab.get(s.a[al.a].range.clone()).unwrap_or(""),
                    b_text: bb.get(s.b[al.b].range.clone()).unwrap_or(""),
                })
                .collect(),
        })
        .collect();
    let book = crate::facts::bundled_book();
    let formula_sides = sides::formulas::<&str>(ab, bb, &book, &[]);
    let mut families = Families::default();
    for f in &formula_sides {
        let item = FormulaItem {
            label: &f.label,
            curated: f.curated,
            a_count: f.a.len(),
            b_count: f.b.len(),
        };
        match f.side {
            Side::Both => families.both.push(item),
            Side::OnlyA => families.only_a.push(item),
            Side::OnlyB => families.only_b.push(item),
        }
    }
    if args.csv {
        let rows: Vec<PassageRow> = passages
            .iter()
            .map(|p| PassageRow {
                a: &a.path,
                b: &b.path,
                a_in_b: c.a_shared,
                b_in_a: c.b_shared,
                passage: p.into(),
                diffs: p
                    .diffs
                    .iter()
                    .map(|d| format!("{} / {}", one_line(d.a_text), one_line(d.b_text)))
                    .collect(),
            })
            .collect();
        super::output::write(Format::Csv, &rows)?;
        return Ok(ExitCode::SUCCESS);
    }
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
            reworded,
            speakers,
            families,
        };
        serde_json::to_writer_pretty(&mut out, &o)?;
        writeln!(out)?;
    } else {
        let shown = crate::store::escape_controls;
        let one = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
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
            writeln!(out, "\n{}. {} words", i + 1, p.words)?;
            writeln!(out, "  A: {}", one(p.a_text))?;
            writeln!(out, "  B: {}", one(p.b_text))?;
            if !p.diffs.is_empty() {
                let d: Vec<String> = p
                    .diffs
                    .iter()
                    .map(|d| format!("\"{}\" / \"{}\"", one(d.a_text), one(d.b_text)))
                    .collect();
                writeln!(out, "  differs: {}", d.join("; "))?;
            }
        }
        writeln!(
            out,
            "\n{} reworded sentence pair{}",
            reworded.len(),
            if reworded.len() == 1 { "" } else { "s" }
        )?;
        for (i, r) in reworded.iter().enumerate() {
            writeln!(
                out,
                "\n{}. {:.0}% of content words shared",
                i + 1,
                r.score * 100.0
            )?;
            writeln!(out, "  A: {}", one(r.span.a_text))?;
            writeln!(out, "  B: {}", one(r.span.b_text))?;
        }
        if !speakers.is_empty() {
            writeln!(out, "\nspeakers")?;
        }
        for s in &speakers {
            let side = match s.side {
                Side::Both => "both",
                Side::OnlyA => "only A",
                Side::OnlyB => "only B",
            };
            writeln!(
                out,
                "\n{} ({side}: {} quote{} in A, {} in B)",
                s.speaker,
                s.a_quotes.len(),
                if s.a_quotes.len() == 1 { "" } else { "s" },
                s.b_quotes.len()
            )?;
            for al in &s.aligned {
                writeln!(out, "  A: {}", one(al.a_text))?;
                writeln!(out, "  B: {}", one(al.b_text))?;
            }
            let lone = |n: usize, aligned: &dyn Fn(usize) -> bool| (0..n).filter(|&i| !aligned(i)).count();
            let (la, lb) = (
                lone(s.a_quotes.len(), &|i| s.aligned.iter().any(|x| x.a == i)),
                lone(s.b_quotes.len(), &|i| s.aligned.iter().any(|x| x.b == i)),
            );
            if la + lb > 0 && !s.aligned.is_empty() {
                writeln!(out, "  and {la} more in A, {lb} more in B")?;
            }
        }
        let list = |items: &[FormulaItem]| -> String {
            if items.is_empty() {
                return "none".into();
            }
            items
                .iter()
                .map(|f| format!("{} ({}/{})", f.label, f.a_count, f.b_count))
                .collect::<Vec<_>>()
                .join(", ")
        };
        writeln!(out, "\nformulas in both: {}", list(&families.both))?;
        writeln!(out, "only in A: {}", list(&families.only_a))?;
        writeln!(out, "only in B: {}", list(&families.only_b))?;
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_columns_are_the_json_fields() {
        let p = PassageItem {
            words: 9,
            a_text: "x",
            b_text: "y",
            a_start: 0,
            a_end: 1,
            b_start: 2,
            b_end: 3,
            diffs: vec![Span::of("has", "have", &(0..3), &(0..4))],
        };
        let row = PassageRow {
            a: "a",
            b: "b",
            a_in_b: 0.5,
            b_in_a: 0.25,
            passage: (&p).into(),
            diffs: vec!["has / have".into()],
        };
        crate::cli::output::assert_fields(&row);
        let mut out = Vec::new();
        crate::cli::output::write_to(&mut out, crate::cli::output::Format::Csv, &[row]).unwrap();
        assert!(
            String::from_utf8(out)
                .unwrap()
                .ends_with(",diffs\na,b,0.5,0.25,9,x,y,0,1,2,3,has / have\n")
        );
    }
}
