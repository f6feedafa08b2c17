//! The outlet and period surveys on a generated corpus of 10,000 articles
//! of about 600 words (target: each under 50 ms): the outlets × formulas
//! table, keyness of one outlet and of a period against the rest, and a
//! family's timeline; also the per-article word counts keyness reads (made
//! once per corpus) and reading metadata (dates, outlets) as articles load.
//!
//! The `tui` group: ordering the article list (`o`) and copying the
//! snapshot a big corpus's view is computed from on a worker thread.
//!
//! `cargo bench --bench survey` (`SURVEY_N=100000` for another size)

#[path = "support/synth.rs"]
mod synth;

use std::hint::black_box;
use std::time::Instant;

use criterion::{Criterion, criterion_group, criterion_main};
use readout::analysis::phrases::MineOptions;
use readout::app::{SortOrder, sort_hits};
use readout::facts::Analyzer;
use readout::index::Index;
use readout::query::{Hit, Matcher, parse};
use readout::store::{Article, ArticleId, Corpus, Date};
use readout::survey::SnapshotBuilder;
use readout::survey::{self, KeynessOptions, OutletOptions, Reference, Terms, TimelineOptions};

fn size() -> usize {
    std::env::var("SURVEY_N")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(10_000)
}

fn ids(index: &Index, q: &str) -> Vec<ArticleId> {
    let m = Matcher::new(&parse(q).unwrap(), index).unwrap();
    let mut v: Vec<ArticleId> = m.eval_once(index).iter().map(|h| h.id).collect();
    v.sort_unstable();
    v
}

fn bench(c: &mut Criterion) {
    let n = size();
    let files = synth::corpus(n, 600, 42).files;
    let t = Instant::now();
    let articles: Vec<Article> = files
        .iter()
        .map(|(name, text)| Article::from_text(name.clone(), text, false))
        .collect();
    eprintln!(
        "survey: {n} articles made (front matter, dates, outlets) in {:.0} ms",
        t.elapsed().as_secs_f64() * 1e3
    );
    let facts = Analyzer::none().with_families(true).facts_all(&articles);
    let mut index = Index::with_facts(Corpus::new(articles), facts);
    let t = Instant::now();
    index.mine_phrases(&MineOptions::default());
    eprintln!(
        "survey: {} phrases mined in {:.0} ms (setup, not measured below)",
        index.mined().len(),
        t.elapsed().as_secs_f64() * 1e3
    );
    let t = Instant::now();
    let terms = Terms::build(&index);
    eprintln!(
        "survey: word counts of {} articles ({} words in the vocabulary, {:.1} MB) in {:.0} ms",
        terms.len(),
        terms.vocab_len(),
        terms.bytes() as f64 / 1e6,
        t.elapsed().as_secs_f64() * 1e3
    );
    let tass = ids(&index, "source:tass");
    let period = ids(&index, "date:2020..2021");
    let family = ids(&index, "#\"rock solid\"");
    eprintln!(
        "survey: source:tass {} articles, date:2020..2021 {}, #rock solid {}",
        tass.len(),
        period.len(),
        family.len()
    );

    let mut g = c.benchmark_group("survey");
    g.sample_size(10);
    g.bench_function("outlets_table", |b| {
        b.iter(|| black_box(survey::outlet_table(&index, None, &OutletOptions::default())))
    });
    g.bench_function("keyness_one_outlet_vs_rest", |b| {
        b.iter(|| {
            black_box(survey::keyness(
                &index,
                &terms,
                &tass,
                Reference::Rest,
                &KeynessOptions::default(),
            ))
        })
    });
    g.bench_function("keyness_period_vs_rest", |b| {
        b.iter(|| {
            black_box(survey::keyness(
                &index,
                &terms,
                &period,
                Reference::Rest,
                &KeynessOptions::default(),
            ))
        })
    });
    g.bench_function("timeline_family", |b| {
        b.iter(|| black_box(survey::timeline(&index, &family, &TimelineOptions::default())))
    });
    g.bench_function("word_counts_build", |b| {
        b.iter(|| black_box(Terms::build(&index)))
    });
    g.finish();

    // the TUI's views: the article list's orders (`o`), and the snapshot a
    // big corpus's survey is copied into (a slice per frame) for the worker
    let mut g = c.benchmark_group("tui");
    g.sample_size(10);
    let all: Vec<Hit> = (0..index.len() as ArticleId)
        .map(|id| Hit { id, score: 0 })
        .collect();
    for (name, order) in [
        ("list_order_date", SortOrder::Date),
        ("list_order_outlet", SortOrder::Outlet),
        ("list_order_words", SortOrder::Words),
    ] {
        g.bench_function(name, |b| {
            b.iter(|| {
                let mut hits = all.clone();
                sort_hits(&mut hits, order, &index);
                black_box(hits)
            })
        });
    }
    // what the list's orders read, made again (on the UI thread) after the
    // articles changed: kept per article as they come, only sorted here
    let columns = {
        let mut c = readout::store::OrderColumns::default();
        for a in index.articles() {
            c.set(a.id, a);
        }
        c
    };
    g.bench_function("outlet_ranks", |b| b.iter(|| black_box(columns.outlet_ranks())));
    g.bench_function("date_order", |b| b.iter(|| black_box(columns.date_order())));
    let copy = || {
        let mut b = SnapshotBuilder::new(&index);
        loop {
            if let Some(s) = b.step(&index, Instant::now() + std::time::Duration::from_secs(60)) {
                break s;
            }
        }
    };
    g.bench_function("snapshot_copy_all", |b| b.iter(|| black_box(copy())));
    g.bench_function("snapshot_copy_one_slice", |b| {
        b.iter(|| {
            let mut b = SnapshotBuilder::new(&index);
            // a deadline already past: one slice (512 articles)
            black_box(b.step(&index, Instant::now()))
        })
    });
    let snap = copy();
    g.bench_function("outlets_table_on_snapshot", |b| {
        b.iter(|| black_box(survey::outlet_table(&snap, None, &OutletOptions::default())))
    });
    g.finish();

    let mut g = c.benchmark_group("dates");
    let samples = [
        "2023-03-05",
        "March 5, 2023",
        "5 March 2023",
        "Tue, 19 Sep 2023 10:00:00 GMT",
        "2022-12",
    ];
    g.bench_function("parse_5_forms", |b| {
        b.iter(|| {
            for s in samples {
                black_box(Date::parse(black_box(s)).ok());
            }
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
