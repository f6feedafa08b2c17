//! Saved web pages and big files (the input targets): 10,000 generated
//! pages of about 60 KB (menus, cookie banner, inline styles and scripts,
//! related links, footer) load and extract in under 3 s; a 60 MB file
//! loads and is indexed for its first page quickly.
//!
//! `cargo bench --bench pages` (filters: `extract`, `load_10k_pages`,
//! `load_10k_unmarked_pages`, `open_60mb`)

#[path = "support/pages.rs"]
mod pages;

use std::hint::black_box;
use std::time::Instant;

use criterion::{Criterion, criterion_group, criterion_main};
use readout::store::{load_paths, read_source};

/// A 60 MB text of one line, as the app opens it: read (decoded,
/// sanitised, its details found), put in the index, and the first screen
/// drawn with the article open; then `G`; then its phrase families counted,
/// which the loader does for a long text once all files are read. Each
/// step's wall and CPU time is printed.
fn open_60mb() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("big.txt");
    let mut text = String::from("Sixty megabyte report\n\n");
    let mut rng = pages::Rng::new(60);
    let words = [
        "the",
        "harbour",
        "council",
        "met",
        "again",
        "on",
        "monday",
        "and",
        "officials",
        "said",
        "ties",
        "were",
        "rock",
        "solid",
        "while",
        "ships",
        "came",
        "went",
        "through",
        "port",
    ];
    while text.len() < 60_000_000 {
        for _ in 0..12 {
            text.push_str(rng.pick(&words));
            text.push(' ');
        }
        text.push_str("again. ");
    }
    text.push_str("the end");
    std::fs::write(&path, &text).unwrap();
    drop(text);
    let mut steps = Vec::new();
    let mut step = |what: &str, cpu: f64, t: Instant| {
        steps.push(format!(
            "{what} {:.0} ms ({:.0} ms of CPU)",
            t.elapsed().as_secs_f64() * 1e3,
            (cpu_seconds() - cpu) * 1e3
        ));
    };
    let (cpu0, t0) = (cpu_seconds(), Instant::now());
    let (cpu, t) = (cpu_seconds(), Instant::now());
    let loaded = read_source(&path);
    step("read", cpu, t);
    let (cpu, t) = (cpu_seconds(), Instant::now());
    // as the loader's first batch does for a long text: no families yet
    let analyzer = readout::facts::Analyzer::new().only(false, false);
    let first_batch = analyzer.clone().with_families(false);
    let facts: Vec<_> = loaded.articles.iter().map(|a| first_batch.facts(a)).collect();
    let mut index = readout::index::Index::default();
    index.append(loaded.articles, facts);
    let mut app = readout::app::App::new(index, Vec::new(), (120, 40));
    app.update(readout::app::Action::Open);
    let mut terminal = ratatui::Terminal::new(ratatui::backend::TestBackend::new(120, 40)).unwrap();
    let theme = readout::ui::Theme::monochrome();
    terminal.draw(|f| readout::ui::draw(f, &app, &theme)).unwrap();
    step("indexed, opened and drawn", cpu, t);
    let on_screen = terminal
        .backend()
        .buffer()
        .content()
        .iter()
        .map(|c| c.symbol())
        .collect::<String>();
    assert!(on_screen.contains("Sixty megabyte report"));
    let first = (t0.elapsed().as_secs_f64() * 1e3, (cpu_seconds() - cpu0) * 1e3);
    let (cpu, t) = (cpu_seconds(), Instant::now());
    app.update(readout::app::Action::Bottom);
    terminal.draw(|f| readout::ui::draw(f, &app, &theme)).unwrap();
    step("then G drawn", cpu, t);
    let on_screen = terminal
        .backend()
        .buffer()
        .content()
        .iter()
        .map(|c| c.symbol())
        .collect::<String>();
    assert!(on_screen.contains("the end"));
    let (cpu, t) = (cpu_seconds(), Instant::now());
    let body = app.index.article(0).map(|a| a.body.clone()).unwrap_or_default();
    black_box(analyzer.facts_of(&body));
    step("then its families counted", cpu, t);
    eprintln!(
        "pages: a 60 MB file of one line: {}; first screen {:.0} ms after the start ({:.0} ms of CPU)",
        steps.join(", "),
        first.0,
        first.1
    );
}

const N: usize = 10_000;
const PAGE_BYTES: usize = 60_000;

/// CPU seconds this process has used (user + system), from /proc: on a
/// machine shared with other work, wall time says little, CPU time holds.
fn cpu_seconds() -> f64 {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    // the fields after the command name, which is in parentheses
    let after = stat.rsplit_once(')').map_or("", |(_, r)| r);
    let f: Vec<&str> = after.split_whitespace().collect();
    // utime and stime are fields 14 and 15 of the line: 11 and 12 after the command
    let ticks = |i: usize| f.get(i).and_then(|x| x.parse::<u64>().ok()).unwrap_or(0);
    (ticks(11) + ticks(12)) as f64 / 100.0
}

/// The page marking its article nowhere (no `<article>`, no known class),
/// as a page from an unusual site does.
fn unmarked(html: &str) -> String {
    html.replace("<article class=\"story\">", "<div class=\"story\">")
        .replace("</article>", "</div>")
        .replace("class=\"article-body\"", "class=\"text\"")
}

fn pages_dir(n: usize, marked: bool) -> (tempfile::TempDir, usize) {
    let dir = tempfile::tempdir().unwrap();
    let mut bytes = 0;
    for i in 0..n {
        let p = pages::page(i as u64, PAGE_BYTES);
        let html = if marked { p.html } else { unmarked(&p.html) };
        bytes += html.len();
        std::fs::write(dir.path().join(format!("p{i:05}.html")), html).unwrap();
    }
    (dir, bytes)
}

/// Loads the 10,000 pages and prints wall and CPU time.
fn load_10k(marked: bool) {
    let (dir, bytes) = pages_dir(N, marked);
    let paths = vec![dir.path().to_path_buf()];
    let (cpu, t) = (cpu_seconds(), Instant::now());
    let r = load_paths(&paths);
    let took = t.elapsed();
    let threads = rayon::current_num_threads();
    let cpu = cpu_seconds() - cpu;
    eprintln!(
        "pages: {} {} pages, {:.1} MB; one load+extract {:.2} s wall on {threads} threads, {:.2} s of CPU \
         ({:.2} s on {threads} idle cores) ({} issues)",
        r.articles.len(),
        if marked { "marked" } else { "unmarked" },
        bytes as f64 / 1e6,
        took.as_secs_f64(),
        cpu,
        cpu / threads as f64,
        r.issues.len()
    );
    // one run only: ten would take minutes on this machine
}

fn bench(c: &mut Criterion) {
    let mut g = c.benchmark_group("pages");
    g.sample_size(10);
    let one = pages::page(7, PAGE_BYTES);
    let (one_dir, _) = {
        let d = tempfile::tempdir().unwrap();
        std::fs::write(d.path().join("one.html"), &one.html).unwrap();
        (d, 0)
    };
    let one_path = one_dir.path().join("one.html");
    let (cpu, t) = (cpu_seconds(), Instant::now());
    for _ in 0..200 {
        black_box(read_source(&one_path));
    }
    eprintln!(
        "pages: one {:.0} KB page read and extracted in {:.2} ms of CPU ({:.2} ms wall)",
        one.html.len() as f64 / 1e3,
        (cpu_seconds() - cpu) * 1e3 / 200.0,
        t.elapsed().as_secs_f64() * 1e3 / 200.0
    );
    // the same page marking its article nowhere (no <article>, no known
    // class), as a page from an unusual site: cut by where its prose is
    let unmarked = unmarked(&one.html);
    let unmarked_path = one_dir.path().join("unmarked.html");
    std::fs::write(&unmarked_path, &unmarked).unwrap();
    let (cpu, t) = (cpu_seconds(), Instant::now());
    for _ in 0..100 {
        black_box(read_source(&unmarked_path));
    }
    eprintln!(
        "pages: the same page with its article unmarked (cut to the container of its prose) in {:.2} ms of CPU ({:.2} ms wall)",
        (cpu_seconds() - cpu) * 1e3 / 100.0,
        t.elapsed().as_secs_f64() * 1e3 / 100.0
    );
    g.bench_function("extract_one_60k_page", |b| {
        b.iter(|| black_box(read_source(&one_path)))
    });

    // criterion's filter, if any: the 10,000 pages (600 MB) are written only when wanted
    let filter = std::env::args().skip(1).find(|a| !a.starts_with('-'));
    if filter
        .as_ref()
        .is_none_or(|f| "pages/load_10k_pages".contains(f.as_str()))
    {
        load_10k(true);
    }
    if filter
        .as_ref()
        .is_none_or(|f| "pages/load_10k_unmarked_pages".contains(f.as_str()))
    {
        load_10k(false);
    }
    if filter
        .as_ref()
        .is_none_or(|f| "pages/open_60mb".contains(f.as_str()))
    {
        open_60mb();
    }
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
