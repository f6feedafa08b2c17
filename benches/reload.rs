//! Live reload: applying a burst of changes to the index (the UI thread's
//! share of it), in total and per slice. The README promises every event
//! under 16 ms; changes are applied in slices of 6 ms, so a slice's
//! overshoot is what matters: one file's step.
//!
//! `cargo bench --bench reload`

#[path = "support/synth.rs"]
mod synth;

use std::hint::black_box;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use readout::analysis::phrases::MineOptions;
use readout::facts::Facts;
use readout::index::Index;
use readout::store::{Article, Corpus};

fn articles(n: usize, words: usize) -> Vec<Article> {
    synth::corpus(n, words, 7)
        .files
        .iter()
        .enumerate()
        .map(|(i, (_, text))| Article::from_text(format!("/r/{:03}/{i:06}.txt", i / 1000), text, false))
        .collect()
}

type Changed = Vec<(PathBuf, Vec<Article>, Vec<Facts>)>;

fn unchanged(arts: &[Article]) -> Changed {
    arts.iter()
        .map(|a| (PathBuf::from(&a.path), vec![a.clone()], Vec::new()))
        .collect()
}

fn bench(c: &mut Criterion) {
    // 6,005 articles with mined phrases; the last 6,000 deleted at once
    let small = articles(6_005, 60);
    let mut mined_ix = Index::new(Corpus::new(small.clone()));
    mined_ix.mine_phrases(&MineOptions::default());
    let mined = mined_ix.mined().to_vec();
    let gone: Vec<PathBuf> = small[5..].iter().map(|a| PathBuf::from(&a.path)).collect();
    let fresh = || {
        let mut ix = Index::new(Corpus::new(small.clone()));
        ix.set_mined(mined.clone());
        let _ = ix.corpus().files().next();
        ix
    };
    let t = Instant::now();
    let mut ix = fresh();
    let built = t.elapsed();
    let t = Instant::now();
    let s = ix.apply(Vec::new(), &gone);
    eprintln!(
        "reload: {} deletions of {} articles ({} mined phrases) applied in {:.1} ms (index built in {:.0} ms)",
        s.removed.len(),
        small.len(),
        mined.len(),
        t.elapsed().as_secs_f64() * 1e3,
        built.as_secs_f64() * 1e3
    );

    let mut g = c.benchmark_group("reload");
    g.sample_size(10);
    g.bench_function("delete_6000_of_6005", |b| {
        b.iter_batched(
            fresh,
            |mut ix| black_box(ix.apply(Vec::new(), &gone)),
            BatchSize::LargeInput,
        )
    });

    // `r` with nothing changed at 100,000 articles: the total, and the
    // slowest of the 6 ms slices it is applied in
    let big = articles(100_000, 60);
    let big_ix = || {
        let ix = Index::new(Corpus::new(big.clone()));
        // the app records each file as its articles arrive
        let _ = ix.corpus().files().next();
        ix
    };
    let mut ix = big_ix();
    ix.queue_changes(unchanged(&big), Vec::new());
    let (mut slices, mut slowest) = (0, Duration::ZERO);
    let t = Instant::now();
    loop {
        let s0 = Instant::now();
        let done = ix.apply_queued(Some(s0 + Duration::from_millis(6)));
        slowest = slowest.max(s0.elapsed());
        slices += 1;
        if let Some(s) = done {
            assert!(s.is_empty());
            break;
        }
    }
    eprintln!(
        "reload: `r` over 100,000 unchanged articles: {:.0} ms in {slices} slices, slowest {:.2} ms",
        t.elapsed().as_secs_f64() * 1e3,
        slowest.as_secs_f64() * 1e3
    );
    g.bench_function("reload_100k_unchanged", |b| {
        b.iter_batched(
            || (big_ix(), unchanged(&big)),
            |(mut ix, changed)| black_box(ix.apply(changed, &[])),
            BatchSize::LargeInput,
        )
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
