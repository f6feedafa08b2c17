//! `readout outlets`, `readout keyness` and `readout timeline`: who uses
//! which formula, what a set of articles stresses, and when.

use std::io::{self, BufWriter, Write};
use std::process::ExitCode;

use clap::{Args, ValueEnum};
use serde::Serialize;

use super::output::Format;
use super::{Input, UsageError};
use crate::analysis::phrases::MineOptions;
use crate::export::{KeynessRow, OutletCell, TimelineCell, kind_name, pct};
use crate::facts::Analyzer;
use crate::index::Index;
use crate::query::{self, Matcher, TermKind};
use crate::store::{ArticleId, escape_controls};
use crate::survey::{self, KeynessOptions, OutletOptions, Reference, Step, TimelineOptions};

#[derive(Debug, Args)]
pub struct OutletsArgs {
    #[command(flatten)]
    pub input: Input,
    /// Only articles matching this query.
    #[arg(long, short, value_name = "QUERY")]
    pub filter: Option<String>,
    /// Mined formulas shown after the phrase families.
    #[arg(long, value_name = "N", default_value_t = 10)]
    pub mined: usize,
    /// Mined phrases must occur in at least N articles.
    #[arg(long, value_name = "N", default_value_t = 2)]
    pub min_docs: usize,
    /// Print JSON instead of tab-separated lines.
    #[arg(long, conflicts_with = "csv")]
    pub json: bool,
    /// Print CSV: a header row, then a row per outlet and column (family or formula).
    #[arg(long)]
    pub csv: bool,
}

#[derive(Debug, Args)]
pub struct KeynessArgs {
    #[command(flatten)]
    pub input: Input,
    /// The articles studied (default: all).
    #[arg(long, short, value_name = "QUERY")]
    pub filter: Option<String>,
    /// The articles compared with (default: all the others).
    #[arg(long, value_name = "QUERY")]
    pub against: Option<String>,
    /// Terms shown on each side (over-used, under-used).
    #[arg(long, value_name = "N", default_value_t = 40)]
    pub limit: usize,
    /// Mined phrases must occur in at least N articles.
    #[arg(long, value_name = "N", default_value_t = 2)]
    pub min_docs: usize,
    /// Print JSON instead of tab-separated lines.
    #[arg(long, conflicts_with = "csv")]
    pub json: bool,
    /// Print CSV: a header row, then a row per term, over-used then under-used.
    #[arg(long)]
    pub csv: bool,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum StepArg {
    Week,
    Month,
    Year,
}

#[derive(Debug, Args)]
pub struct TimelineArgs {
    /// The articles to follow over time (the `/` language: `"no limits"`, `#hegemony`, `source:tass`...).
    pub query: String,
    #[command(flatten)]
    pub input: Input,
    /// The period (default: weeks, months or years by the dates' span).
    #[arg(long, value_enum)]
    pub step: Option<StepArg>,
    /// Outlets with a line of their own (those with most matching articles).
    #[arg(long, value_name = "N", default_value_t = 5)]
    pub lines: usize,
    /// Print JSON instead of tab-separated lines.
    #[arg(long, conflicts_with = "csv")]
    pub json: bool,
    /// Print CSV: a header row, then a row per period and line (all, then each outlet).
    #[arg(long)]
    pub csv: bool,
}

fn parse(q: &str) -> anyhow::Result<query::Query> {
    query::parse(q).map_err(|e| UsageError::Query(e.to_string()).into())
}

/// Loads with what `queries` need (speakers for names and `@`), the phrase
/// families, and mined phrases when `mine` is given.
fn load(input: &Input, queries: &[&query::Query], mine: Option<usize>) -> anyhow::Result<Index> {
    let needs_speakers = queries
        .iter()
        .flat_map(|q| q.terms())
        .any(|t| matches!(t.kind, TermKind::Fuzzy(_) | TermKind::Speaker(_)));
    let analyzer = Analyzer::none()
        .with_book(input.phrase_book()?)
        .with_families(true)
        .only(false, needs_speakers);
    let mut index = super::load(input, &analyzer)?;
    if let Some(min_docs) = mine {
        index.mine_phrases(&MineOptions {
            min_docs: min_docs.max(1),
            ..MineOptions::default()
        });
    }
    Ok(index)
}

fn ids(index: &Index, q: &query::Query) -> anyhow::Result<Vec<ArticleId>> {
    let m = Matcher::new(q, index).map_err(|e| UsageError::Query(e.message))?;
    let mut ids: Vec<ArticleId> = m.eval_once(index).iter().map(|h| h.id).collect();
    ids.sort_unstable();
    Ok(ids)
}

#[derive(Debug, Serialize)]
struct OutletsJson<'a> {
    columns: &'a [survey::Column],
    rows: Vec<OutletJsonRow<'a>>,
}

#[derive(Debug, Serialize)]
struct OutletJsonRow<'a> {
    outlet: &'a str,
    articles: usize,
    /// Per column: articles using it.
    using: &'a [usize],
    /// Per column: the share of the outlet's articles using it.
    shares: Vec<f64>,
}

pub fn run_outlets(args: OutletsArgs) -> anyhow::Result<ExitCode> {
    let filter = args.filter.as_deref().map(parse).transpose()?;
    let index = load(
        &args.input,
        &filter.iter().collect::<Vec<_>>(),
        Some(args.min_docs),
    )?;
    let scope = filter.as_ref().map(|q| ids(&index, q)).transpose()?;
    let table = survey::outlet_table(
        &index,
        scope.as_deref(),
        &OutletOptions {
            mined: args.mined,
            ..OutletOptions::default()
        },
    );
    if args.csv {
        super::output::write(Format::Csv, &OutletCell::all(&table))?;
        return Ok(ExitCode::SUCCESS);
    }
    let mut out = BufWriter::new(io::stdout().lock());
    if args.json {
        let json = OutletsJson {
            columns: &table.columns,
            rows: table
                .rows
                .iter()
                .map(|r| OutletJsonRow {
                    outlet: &r.outlet,
                    articles: r.articles,
                    using: &r.using,
                    shares: r.shares().collect(),
                })
                .collect(),
        };
        serde_json::to_writer_pretty(&mut out, &json)?;
        writeln!(out)?;
    } else {
        let head: Vec<String> = table
            .columns
            .iter()
            .map(|c| {
                let label = escape_controls(&c.label);
                if c.family {
                    format!("#{label}")
                } else {
                    format!("\"{label}\"")
                }
            })
            .collect();
        writeln!(out, "outlet\tarticles\t{}", head.join("\t"))?;
        for r in &table.rows {
            let cells: Vec<String> = r.shares().map(pct).collect();
            writeln!(
                out,
                "{}\t{}\t{}",
                escape_controls(&r.outlet),
                r.articles,
                cells.join("\t")
            )?;
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

pub fn run_keyness(args: KeynessArgs) -> anyhow::Result<ExitCode> {
    if args.filter.is_none() && args.against.is_none() {
        return Err(UsageError::Query(
            "keyness compares two sets of articles: give --filter QUERY (against the rest), --against QUERY, or both"
                .into(),
        )
        .into());
    }
    let filter = args.filter.as_deref().map(parse).transpose()?;
    let against = args.against.as_deref().map(parse).transpose()?;
    let queries: Vec<&query::Query> = filter.iter().chain(against.iter()).collect();
    let index = load(&args.input, &queries, Some(args.min_docs))?;
    let all = || {
        (0..index.len() as ArticleId)
            .filter(|&id| index.is_live(id))
            .collect::<Vec<_>>()
    };
    let against_ids = against.as_ref().map(|q| ids(&index, q)).transpose()?;
    let target = match (&filter, &against_ids) {
        (Some(q), _) => ids(&index, q)?,
        // only --against: everything else is studied
        (None, Some(a)) => {
            let mut set = vec![false; index.len()];
            for &id in a {
                set[id as usize] = true;
            }
            all().into_iter().filter(|&id| !set[id as usize]).collect()
        }
        (None, None) => all(),
    };
    let reference = match &against_ids {
        Some(a) => Reference::Articles(a),
        None => Reference::Rest,
    };
    let terms = survey::Terms::build(&index);
    let options = KeynessOptions {
        limit: args.limit,
        ..KeynessOptions::default()
    };
    let k = survey::keyness(&index, &terms, &target, reference, &options);
    if args.csv {
        super::output::write(Format::Csv, &KeynessRow::all(&k))?;
        return Ok(ExitCode::SUCCESS);
    }
    let mut out = BufWriter::new(io::stdout().lock());
    if args.json {
        serde_json::to_writer_pretty(&mut out, &k)?;
        writeln!(out)?;
    } else {
        writeln!(
            out,
            "# {} articles ({} words) against {} articles ({} words)",
            k.target_articles, k.target_words, k.reference_articles, k.reference_words
        )?;
        writeln!(
            out,
            "use\tterm\tkind\ttarget_docs\treference_docs\tll_docs\tlog_ratio_docs\tll_occurrences\tlog_ratio_occurrences"
        )?;
        for (side, terms) in [("over", &k.over), ("under", &k.under)] {
            for t in terms {
                let kind = kind_name(t.kind);
                writeln!(
                    out,
                    "{side}\t{}\t{kind}\t{}\t{}\t{:.1}\t{:+.2}\t{:.1}\t{:+.2}",
                    escape_controls(&t.term),
                    t.target_docs,
                    t.reference_docs,
                    t.ll_docs,
                    t.log_ratio_docs,
                    t.ll_occurrences,
                    t.log_ratio_occurrences
                )?;
            }
        }
        if k.over.is_empty() && k.under.is_empty() {
            writeln!(
                out,
                "# none: no term in {} articles or more reaches LL {} either way",
                options.min_docs, options.min_ll
            )?;
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

#[derive(Debug, Serialize)]
struct SeriesJson<'a> {
    outlet: &'a str,
    hits: &'a [u32],
    articles: &'a [u32],
    shares: Vec<f64>,
}

impl<'a> From<&'a survey::Series> for SeriesJson<'a> {
    fn from(s: &'a survey::Series) -> Self {
        SeriesJson {
            outlet: &s.outlet,
            hits: &s.hits,
            articles: &s.articles,
            shares: s.shares().collect(),
        }
    }
}

#[derive(Debug, Serialize)]
struct TimelineJson<'a> {
    step: Step,
    periods: &'a [String],
    total: SeriesJson<'a>,
    outlets: Vec<SeriesJson<'a>>,
    undated: u32,
    unplaced: u32,
}

pub fn run_timeline(args: TimelineArgs) -> anyhow::Result<ExitCode> {
    let q = parse(&args.query)?;
    let index = load(&args.input, &[&q], None)?;
    let hits = ids(&index, &q)?;
    let t = survey::timeline(
        &index,
        &hits,
        &TimelineOptions {
            step: args.step.map(|s| match s {
                StepArg::Week => Step::Week,
                StepArg::Month => Step::Month,
                StepArg::Year => Step::Year,
            }),
            outlets: args.lines.max(1),
        },
    );
    if args.csv {
        super::output::write(Format::Csv, &TimelineCell::all(&t))?;
        return Ok(ExitCode::SUCCESS);
    }
    let mut out = BufWriter::new(io::stdout().lock());
    if args.json {
        let json = TimelineJson {
            step: t.step,
            periods: &t.periods,
            total: (&t.total).into(),
            outlets: t.outlets.iter().map(SeriesJson::from).collect(),
            undated: t.undated,
            unplaced: t.unplaced,
        };
        serde_json::to_writer_pretty(&mut out, &json)?;
        writeln!(out)?;
    } else {
        // each cell: matching articles / all the outlet's articles (share)
        let names: Vec<String> = t
            .outlets
            .iter()
            .map(|s| escape_controls(&s.outlet).into_owned())
            .collect();
        writeln!(out, "period\tall\t{}", names.join("\t"))?;
        let cell = |s: &survey::Series, i: usize| {
            let (h, a) = (s.hits[i], s.articles[i]);
            if a == 0 {
                "-".to_string()
            } else {
                format!("{h}/{a} {}", pct(f64::from(h) / f64::from(a)))
            }
        };
        for (i, p) in t.periods.iter().enumerate() {
            let cells: Vec<String> = t.outlets.iter().map(|s| cell(s, i)).collect();
            writeln!(out, "{p}\t{}\t{}", cell(&t.total, i), cells.join("\t"))?;
        }
        if t.undated + t.unplaced > 0 {
            writeln!(
                out,
                "# {} matching articles have no date, {} a date too partial for a {}",
                t.undated,
                t.unplaced,
                match t.step {
                    Step::Week => "week",
                    Step::Month => "month",
                    Step::Year => "year",
                }
            )?;
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cli::output::write_to;

    #[test]
    fn timeline_cells_take_every_line_per_period() {
        let series = |outlet: &str, hits: Vec<u32>, articles: Vec<u32>| survey::Series {
            outlet: outlet.into(),
            hits,
            articles,
        };
        let t = survey::Timeline {
            step: Step::Month,
            periods: vec!["2023-01".into(), "2023-02".into()],
            total: series("all", vec![1, 2], vec![2, 4]),
            outlets: vec![series("TASS", vec![1, 0], vec![1, 0])],
            undated: 0,
            unplaced: 0,
        };
        let mut out = Vec::new();
        write_to(&mut out, Format::Csv, &TimelineCell::all(&t)).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "period,outlet,hits,articles,share\n\
             2023-01,all,1,2,0.5\n2023-01,TASS,1,1,1.0\n\
             2023-02,all,2,4,0.5\n2023-02,TASS,0,0,0.0\n"
        );
    }
}
