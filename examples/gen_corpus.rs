//! Writes a synthetic corpus for trying readout on big inputs:
//!
//!     cargo run --release --example gen_corpus -- DIR [ARTICLES] [WORDS] [--jsonl]
//!
//! Defaults: 10,000 articles of about 600 words, as text files in sub-folders
//! of 1,000; with --jsonl, one `DIR/corpus.jsonl` file instead.

use std::io::Write;

fn main() -> std::io::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let jsonl = args.iter().any(|a| a == "--jsonl");
    let rest: Vec<&String> = args.iter().filter(|a| *a != "--jsonl").collect();
    let Some(dir) = rest.first() else {
        eprintln!("usage: gen_corpus DIR [ARTICLES] [WORDS] [--jsonl]");
        std::process::exit(2);
    };
    let n = rest.get(1).and_then(|s| s.parse().ok()).unwrap_or(10_000);
    let words = rest.get(2).and_then(|s| s.parse().ok()).unwrap_or(600);
    let corpus = readout::synth::corpus(n, words, 42);
    let dir = std::path::Path::new(dir);
    std::fs::create_dir_all(dir)?;
    if jsonl {
        let mut out = std::io::BufWriter::new(std::fs::File::create(dir.join("corpus.jsonl"))?);
        for (name, text) in &corpus.files {
            let line = serde_json::json!({ "title": name, "body": text });
            writeln!(out, "{line}")?;
        }
    } else {
        corpus.write_to(dir)?;
    }
    eprintln!(
        "wrote {n} articles, {:.1} MB, to {}",
        corpus.bytes() as f64 / 1e6,
        dir.display()
    );
    Ok(())
}
