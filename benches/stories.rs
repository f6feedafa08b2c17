//! Benchmarks of the stories: indexing and grouping a corpus, and the
//! most-similar list of one article.
//!
//! `cargo bench --bench stories` (about a minute). `STORIES_N=100000` runs
//! the grouping once at that size instead and prints the time.
//! `STORIES_APP=100000` opens the stories view of the app over that many
//! articles and prints the longest the key and each frame's work took (the
//! grouping runs off the UI thread) and how long the groups took to come.

#[path = "support/synth.rs"]
mod synth;

use std::hint::black_box;
use std::time::{Duration, Instant};

use criterion::{Criterion, criterion_group, criterion_main};
use readout::analysis::stories::{StoryDoc, StoryIndex, StoryOptions, day_number, rank_similar};

/// (body, date) of a synthetic article.
fn split(file: &str) -> (&str, Option<i64>) {
    let rest = file.strip_prefix("---\n").unwrap_or(file);
    let date = rest
        .lines()
        .find_map(|l| l.strip_prefix("date: "))
        .and_then(day_number);
    let body = rest.find("\n---\n").map_or(rest, |end| &rest[end + 5..]);
    (body, date)
}

/// CPU seconds this process has used (user + system, all threads), from
/// /proc/self/stat: the figure that matters when other work shares the
/// cores. None off Linux.
fn cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    let rest = &stat[stat.rfind(')')? + 2..];
    let f: Vec<&str> = rest.split(' ').collect();
    let ticks: f64 = f.get(11)?.parse::<f64>().ok()? + f.get(12)?.parse::<f64>().ok()?;
    Some(ticks / 100.0)
}

fn timed(what: &str, texts: &[(&str, Option<i64>)]) {
    let (t, c) = (Instant::now(), cpu_seconds());
    let groups = stories_of(texts);
    let cpu = c
        .zip(cpu_seconds())
        .map_or(String::new(), |(a, b)| format!(", {:.2} s of CPU", b - a));
    println!("{what}: {groups} groups in {:.2?}{cpu}", t.elapsed());
}

fn stories_of(texts: &[(&str, Option<i64>)]) -> usize {
    let docs: Vec<StoryDoc> = texts
        .iter()
        .map(|&(text, date)| StoryDoc {
            text,
            date,
            speakers: Vec::new(),
        })
        .collect();
    let bodies: Vec<&str> = texts.iter().map(|t| t.0).collect();
    let index = StoryIndex::build(&docs, StoryOptions::default());
    index.stories(&bodies).len()
}

/// The app's stories view over `n` synthetic articles: the key and every
/// frame's work (the time the UI thread is held) timed.
fn app_stories(n: usize) {
    use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
    let corpus = synth::corpus(n, 400, 11);
    let articles: Vec<readout::store::Article> = corpus
        .files
        .iter()
        .enumerate()
        .map(|(i, (name, text))| {
            let mut a = readout::store::Article::from_text(name.clone(), text, false);
            a.id = i as u32;
            a
        })
        .collect();
    drop(corpus);
    let index = readout::index::Index::new(readout::store::Corpus::new(articles));
    let mut app = readout::app::App::new(index, Vec::new(), (120, 40));
    let started = Instant::now();
    app.handle_event(&Event::Key(KeyEvent::new(KeyCode::Char('S'), KeyModifiers::NONE)));
    let key = started.elapsed();
    let mut longest = Duration::ZERO;
    let mut frames = 0;
    let mut slow = Vec::new();
    while app.busy() {
        let phase = app.stories_progress();
        let t = Instant::now();
        app.tick(Duration::from_millis(8));
        let took = t.elapsed();
        if took > Duration::from_millis(16) {
            slow.push(format!("{took:.1?} while {phase}"));
        }
        longest = longest.max(took);
        frames += 1;
    }
    println!("frames over 16 ms: {}: {}", slow.len(), slow.join("; "));
    let groups = match app.screen() {
        readout::app::Screen::Stories(s) => s.rows.len(),
        _ => 0,
    };
    println!(
        "stories view over {n} articles: key {key:.2?}, longest frame of work {longest:.2?} \
         ({frames} frames), {groups} groups after {:.2?}",
        started.elapsed()
    );
}

fn bench(c: &mut Criterion) {
    if let Some(n) = std::env::var("STORIES_APP").ok().and_then(|s| s.parse().ok()) {
        app_stories(n);
        return;
    }
    if let Some(n) = std::env::var("STORIES_N").ok().and_then(|s| s.parse().ok()) {
        let corpus = synth::corpus(n, 600, 11);
        let texts: Vec<(&str, Option<i64>)> = corpus.files.iter().map(|(_, f)| split(f)).collect();
        timed(&format!("stories over {n} articles"), &texts);
        let undated: Vec<(&str, Option<i64>)> = texts.iter().map(|t| (t.0, None)).collect();
        timed(&format!("stories over {n} undated articles"), &undated);
        return;
    }
    let corpus = synth::corpus(10_000, 600, 11);
    let texts: Vec<(&str, Option<i64>)> = corpus.files.iter().map(|(_, f)| split(f)).collect();
    timed("stories over 10,000 articles, first run", &texts);
    let undated: Vec<(&str, Option<i64>)> = texts.iter().map(|t| (t.0, None)).collect();
    timed("stories over 10,000 undated articles", &undated);
    let mut g = c.benchmark_group("stories");
    g.sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(20));
    g.bench_function("index and group 10,000 articles", |b| {
        b.iter(|| stories_of(black_box(&texts)))
    });
    let docs: Vec<StoryDoc> = texts
        .iter()
        .map(|&(text, date)| StoryDoc {
            text,
            date,
            speakers: Vec::new(),
        })
        .collect();
    let index = StoryIndex::build(&docs, StoryOptions::default());
    g.bench_function("most-similar list of one article (10,000)", |b| {
        let mut q = 0u32;
        b.iter(|| {
            q = (q + 7919) % 10_000;
            rank_similar(&index, q, |i| texts.get(i as usize).map(|t| t.0), &[], 20)
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
