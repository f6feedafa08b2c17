//! Loading and filtering on a generated corpus of 10,000 articles of about
//! 600 words (the reader's targets: load and index < 0.5 s, a keystroke's
//! filter < 10 ms, memory < 2x the corpus).
//!
//! `cargo bench --bench corpus`

#[path = "support/synth.rs"]
mod synth;

use std::hint::black_box;
use std::time::Instant;

use criterion::{Criterion, criterion_group, criterion_main};
use readout::app::{FilterState, InputEdit};
use readout::facts::Analyzer;
use readout::index::Index;
use readout::loader::{self, Cancel, LoadEvent, Plan};
use readout::query::{Matcher, TermCache, parse};
use readout::store::{Corpus, load_paths};

const N: usize = 10_000;

fn rss_bytes() -> usize {
    std::fs::read_to_string("/proc/self/statm")
        .ok()
        .and_then(|s| s.split_whitespace().nth(1).and_then(|p| p.parse::<usize>().ok()))
        .map_or(0, |pages| pages * 4096)
}

fn corpus_dir() -> (tempfile::TempDir, usize) {
    let dir = tempfile::tempdir().unwrap();
    let corpus = synth::corpus(N, 600, 42);
    corpus.write_to(dir.path()).unwrap();
    (dir, corpus.bytes())
}

fn bench(c: &mut Criterion) {
    let (dir, bytes) = corpus_dir();
    let paths = vec![dir.path().to_path_buf()];

    // memory: resident growth for one loaded, indexed corpus
    let before = rss_bytes();
    let t = Instant::now();
    let index = Index::new(Corpus::new(load_paths(&paths).articles));
    let took = t.elapsed();
    let grown = rss_bytes().saturating_sub(before);
    eprintln!(
        "corpus: {} articles, {:.1} MB on disk; one load+index {:.0} ms; resident growth {:.1} MB ({:.2}x the corpus)",
        index.len(),
        bytes as f64 / 1e6,
        took.as_secs_f64() * 1e3,
        grown as f64 / 1e6,
        grown as f64 / bytes as f64
    );

    let mut g = c.benchmark_group("load");
    g.sample_size(10);
    g.bench_function("load_and_index_10k", |b| {
        b.iter(|| black_box(Index::new(Corpus::new(load_paths(&paths).articles))))
    });
    // the TUI's loader: read + phrase families per batch, then sketches and
    // speakers and phrase mining as later phases (everything a user sees)
    for (name, analyzer, mine) in [
        (
            "loader_read_and_families_10k",
            Analyzer::none().with_families(true),
            false,
        ),
        ("loader_everything_10k", Analyzer::new(), true),
    ] {
        g.bench_function(name, |b| {
            b.iter(|| {
                let plan = Plan {
                    analyzer: analyzer.clone(),
                    staged: true,
                    keep: None,
                    mine: mine.then(Default::default),
                    drop_text: false,
                };
                let mut n = 0;
                loader::load(&paths, plan, &Cancel::default(), |e| {
                    if let LoadEvent::Batch { articles, .. } = e {
                        n += articles.len();
                    }
                });
                black_box(n)
            })
        });
    }
    g.finish();

    // the word count every loaded article gets (MB/s over the whole corpus)
    let bodies: Vec<String> = index
        .corpus()
        .articles()
        .iter()
        .map(|a| a.body.to_string())
        .collect();
    let mut g = c.benchmark_group("text");
    g.throughput(criterion::Throughput::Bytes(
        bodies.iter().map(|b| b.len() as u64).sum(),
    ));
    g.bench_function("count_words_10k", |b| {
        b.iter(|| {
            bodies
                .iter()
                .map(|t| readout::analysis::text::count_words(t))
                .sum::<usize>()
        })
    });
    g.finish();

    // speakers: the index with quotes, for the @name filter
    let articles = load_paths(&paths).articles;
    let facts = Analyzer::none().only(false, true).facts_all(&articles);
    let index_q = Index::with_facts(Corpus::new(articles), facts);

    let mut g = c.benchmark_group("filter_10k");
    g.bench_function("fuzzy_word", |b| {
        let m = Matcher::new(&parse("wang").unwrap(), &index).unwrap();
        b.iter(|| black_box(m.eval_once(&index)))
    });
    g.bench_function("phrase_cold", |b| {
        let m = Matcher::new(&parse("\"rock solid\"").unwrap(), &index).unwrap();
        b.iter(|| black_box(m.eval_once(&index)))
    });
    g.bench_function("exact_word_cold", |b| {
        let m = Matcher::new(&parse("'hegemony").unwrap(), &index).unwrap();
        b.iter(|| black_box(m.eval_once(&index)))
    });
    g.bench_function("phrase_next_keystroke", |b| {
        // the cache holds "rock soli"; typing 'd' refines it
        let mut cache = TermCache::default();
        let prev = Matcher::new(&parse("\"rock soli\"").unwrap(), &index).unwrap();
        prev.eval(&index, &mut cache);
        let m = Matcher::new(&parse("\"rock solid\"").unwrap(), &index).unwrap();
        b.iter_batched(
            || {
                let mut c = TermCache::default();
                prev.eval(&index, &mut c);
                c
            },
            |mut c| black_box(m.eval(&index, &mut c)),
            criterion::BatchSize::LargeInput,
        )
    });
    g.bench_function("speaker_filter", |b| {
        let m = Matcher::new(&parse("@wang").unwrap(), &index_q).unwrap();
        b.iter(|| black_box(m.eval_once(&index_q)))
    });
    g.bench_function("speaker_typing_per_keystroke", |b| {
        // "@lavrov" typed one key at a time: the mean over 7 keystrokes
        b.iter(|| {
            let mut f = FilterState::default();
            for ch in "@lavrov".chars() {
                f.edit(InputEdit::Insert(ch));
                f.apply(&index_q);
            }
            black_box(f.hits.len())
        })
    });
    g.bench_function("typing_a_query_per_keystroke", |b| {
        // the TUI's path: edit the line, re-evaluate; the mean of 22 keystrokes
        let typed = "wang \"rock solid\" !tass";
        b.iter(|| {
            let mut f = FilterState::default();
            for ch in typed.chars() {
                f.edit(InputEdit::Insert(ch));
                f.apply(&index);
            }
            black_box(f.hits.len())
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
