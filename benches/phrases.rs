//! Benchmarks of the phrases module on a synthetic corpus of 10,000 articles
//! of about 600 words (`synth::corpus(10_000, 600, 42)`).
//!
//! Run with `cargo bench --bench phrases` (add `-- --quick` for a fast pass).
//! Targets: mining all articles under 2 s on two cores; the curated families
//! in one article in tens of microseconds; the families, or one phrase, in
//! all 10,000 articles under 50 ms. Counting every mined phrase again in
//! every article (`recount`, so that counts are a filter's) is measured too,
//! and the whole of what loading does (`mine, recount and weigh`: mining,
//! counting with each occurrence's evidence, merging variants, weighing).

#[path = "support/synth.rs"]
mod synth;

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use rayon::prelude::*;
use readout::analysis::phrases::{Doc, MineOptions, PhraseBook, PhraseFinder, find_phrase, kwic, mine};

/// An article's body (after its `---` front matter) and its source.
fn split(file: &str) -> (&str, Option<&str>) {
    let Some(rest) = file.strip_prefix("---\n") else {
        return (file, None);
    };
    let Some(end) = rest.find("\n---\n") else {
        return (file, None);
    };
    let source = rest[..end]
        .lines()
        .find_map(|l| l.strip_prefix("source:"))
        .map(str::trim);
    (&rest[end + 5..], source)
}

fn benches(c: &mut Criterion) {
    let corpus = synth::corpus(10_000, 600, 42);
    let docs: Vec<Doc> = corpus
        .files
        .iter()
        .map(|(_, f)| {
            let (text, source) = split(f);
            Doc { text, source }
        })
        .collect();
    let one = docs[0].text;
    let words: usize = docs.iter().map(|d| d.text.split_whitespace().count()).sum();
    eprintln!(
        "corpus: {} articles, {} words, {:.1} MB; one article: {} words, {} bytes",
        docs.len(),
        words,
        corpus.bytes() as f64 / 1e6,
        one.split_whitespace().count(),
        one.len()
    );
    let book = PhraseBook::bundled();

    let mut g = c.benchmark_group("one article");
    g.bench_function("PhraseBook::find", |b| b.iter(|| book.find(black_box(one))));
    g.bench_function("find_phrase", |b| {
        b.iter(|| find_phrase(black_box(one), "rock solid"))
    });
    let hits = book.find(one);
    g.bench_function("kwic x all matches", |b| {
        b.iter(|| {
            hits.iter()
                .map(|m| kwic(one, m.range.clone(), 40))
                .collect::<Vec<_>>()
        })
    });
    g.finish();

    let mut g = c.benchmark_group("10k articles");
    g.sample_size(10);
    g.bench_function("PhraseBook::find (1 thread)", |b| {
        b.iter(|| docs.iter().map(|d| book.find(d.text).len()).sum::<usize>())
    });
    g.bench_function("PhraseBook::find (rayon)", |b| {
        b.iter(|| docs.par_iter().map(|d| book.find(d.text).len()).sum::<usize>())
    });
    g.bench_function("find_phrase (rayon)", |b| {
        b.iter(|| {
            docs.par_iter()
                .map(|d| find_phrase(d.text, black_box("rock solid")).len())
                .sum::<usize>()
        })
    });
    let mined = mine(&docs, &MineOptions::default());
    eprintln!(
        "mined {} phrases; top: {:?}",
        mined.len(),
        mined
            .iter()
            .take(5)
            .map(|m| (&m.phrase, m.docs.len()))
            .collect::<Vec<_>>()
    );
    let top: Vec<&str> = mined.iter().take(200).map(|m| m.phrase.as_str()).collect();
    let finder = PhraseFinder::new(&top);
    g.bench_function("PhraseFinder::find, top 200 mined (rayon)", |b| {
        b.iter(|| docs.par_iter().map(|d| finder.find(d.text).len()).sum::<usize>())
    });
    g.bench_function(format!("recount all {} mined", mined.len()), |b| {
        b.iter_batched(
            || mined.clone(),
            |mut m| readout::analysis::phrases::recount(black_box(&docs), &mut m),
            criterion::BatchSize::LargeInput,
        )
    });
    g.bench_function("mine", |b| {
        b.iter(|| mine(black_box(&docs), &MineOptions::default()))
    });
    // what loading does: mine, count every phrase in every article with the
    // evidence of each occurrence, merge variants, tell names, weigh
    g.bench_function("mine, recount and weigh", |b| {
        b.iter(|| readout::analysis::phrases::mine_sampled(black_box(&docs), &MineOptions::default()))
    });
    g.finish();
}

criterion_group!(phrases, benches);
criterion_main!(phrases);
