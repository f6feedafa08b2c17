//! Speakers-and-quotes extraction speed: a synthetic corpus of 10,000
//! articles of about 600 words, spread over the cores with rayon, and one
//! article alone (a synthetic one and a real one).
//!
//! `cargo bench --bench speakers`

#[path = "support/synth.rs"]
mod synth;

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use rayon::prelude::*;
use readout::analysis::speakers::Extractor;

/// The body of an article file: what follows its front matter.
fn body(text: &str) -> &str {
    text.strip_prefix("---\n")
        .and_then(|rest| rest.find("\n---\n").map(|i| &rest[i + 5..]))
        .unwrap_or(text)
}

fn speakers(c: &mut Criterion) {
    let corpus = synth::corpus(10_000, 600, 42);
    let bodies: Vec<&str> = corpus.files.iter().map(|(_, t)| body(t)).collect();
    let bytes: usize = bodies.iter().map(|b| b.len()).sum();
    let ex = Extractor::bundled();

    let mut g = c.benchmark_group("speakers");
    g.sample_size(10);
    g.throughput(Throughput::Bytes(bytes as u64));
    g.bench_function("extract_10k_articles_parallel", |b| {
        b.iter(|| {
            bodies
                .par_iter()
                .map(|t| ex.extract(black_box(t)).len())
                .sum::<usize>()
        })
    });
    g.finish();

    let mut g = c.benchmark_group("speakers_one");
    let one = bodies[0];
    g.throughput(Throughput::Bytes(one.len() as u64));
    g.bench_function("extract_one_synthetic_article", |b| {
        b.iter(|| ex.extract(black_box(one)))
    });
    let real = include_str!("../assets/articles/004_178e249b77d00c9e.txt");
    let real = body(real);
    g.throughput(Throughput::Bytes(real.len() as u64));
    g.bench_function("extract_one_real_article", |b| {
        b.iter(|| ex.extract(black_box(real)))
    });
    g.finish();
}

criterion_group!(benches, speakers);
criterion_main!(benches);
