//! Benchmarks of shared-passage detection and the similarity index.
//!
//! `cargo bench --bench reuse` (about a minute and a half).

#[path = "support/synth.rs"]
mod synth;

use std::hint::black_box;
use std::time::Duration;

use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use readout::analysis::reuse::{SimilarityIndex, compare};

/// The body of a synthetic article: what follows the front matter.
fn body(file: &str) -> &str {
    let rest = file.strip_prefix("---\n").unwrap_or(file);
    rest.find("\n---\n").map_or(rest, |end| &rest[end + 5..])
}

/// Two articles of about 10,000 words each; B has every fifth of its
/// paragraphs replaced by one of A's, in reverse order and with every other
/// copied paragraph slightly edited.
fn pair() -> (String, String) {
    let corpus = synth::corpus(2, 10_000, 7);
    let a = body(&corpus.files[0].1).to_string();
    let pa: Vec<&str> = a.split("\n\n").collect();
    let mut copied = pa.iter().rev().step_by(3);
    let b: Vec<String> = body(&corpus.files[1].1)
        .split("\n\n")
        .enumerate()
        .map(|(i, p)| match (i % 5 == 0).then(|| copied.next()).flatten() {
            Some(q) if i % 10 == 0 => q.replacen(" the ", " a ", 1),
            Some(q) => q.to_string(),
            None => p.to_string(),
        })
        .collect();
    (a, b.join("\n\n"))
}

fn bench_compare(c: &mut Criterion) {
    let (a, b) = pair();
    let r = compare(&a, &b);
    println!(
        "compare: A {} words, B {} words, {} passages, A {:.1}% / B {:.1}% shared",
        a.split_whitespace().count(),
        b.split_whitespace().count(),
        r.passages.len(),
        r.a_shared * 100.0,
        r.b_shared * 100.0
    );
    let mut g = c.benchmark_group("reuse");
    g.sample_size(20)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(5));
    g.bench_function("compare two 10k-word articles", |bench| {
        bench.iter(|| compare(black_box(&a), black_box(&b)))
    });
    let small = synth::corpus(2, 600, 3);
    let (x, y) = (body(&small.files[0].1), body(&small.files[1].1));
    g.bench_function("compare two 600-word articles", |bench| {
        bench.iter(|| compare(black_box(x), black_box(y)))
    });
    g.finish();
}

fn bench_index(c: &mut Criterion) {
    let corpus = synth::corpus(10_000, 600, 42);
    let docs: Vec<&str> = corpus.files.iter().map(|(_, t)| body(t)).collect();
    let mut g = c.benchmark_group("reuse");
    g.sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(10));
    g.bench_function("build index over 10k articles", |bench| {
        bench.iter(|| SimilarityIndex::build(black_box(&docs)))
    });
    let index = SimilarityIndex::build(&docs);
    println!(
        "index: {} articles, {} similar to article 0; best {:?}",
        index.len(),
        index.most_similar(0, usize::MAX).len(),
        index.most_similar(0, 3)
    );
    let mut doc = 0u32;
    g.sample_size(50).measurement_time(Duration::from_secs(5));
    g.bench_function("most_similar among 10k articles", |bench| {
        bench.iter_batched(
            || {
                doc = (doc + 7919) % 10_000;
                doc
            },
            |d| index.most_similar(d, 20),
            BatchSize::SmallInput,
        )
    });
    g.bench_function("push one article", |bench| {
        bench.iter_batched(
            SimilarityIndex::new,
            |mut ix| {
                ix.push(black_box(docs[1234]));
                ix
            },
            BatchSize::SmallInput,
        )
    });
    g.finish();
}

criterion_group!(benches, bench_compare, bench_index);
criterion_main!(benches);
