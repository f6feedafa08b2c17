//! Writes a generated corpus to try readout on big folders:
//! `cargo run --release --example gen_corpus -- DIR [N] [WORDS]`
//! (N articles, 10,000 by default, of about WORDS words, 600 by default, in
//! sub-folders of 1,000). The same arguments write the same files.

#[path = "../benches/support/synth.rs"]
mod synth;

use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let usage = "usage: gen_corpus DIR [N] [WORDS]";
    let Some(dir) = args.first().map(PathBuf::from) else {
        eprintln!("{usage}");
        return ExitCode::from(2);
    };
    let number = |i: usize, default: usize| match args.get(i) {
        None => Some(default),
        Some(s) => s.replace(['_', ','], "").parse::<usize>().ok().filter(|&n| n > 0),
    };
    let (Some(n), Some(words)) = (number(1, 10_000), number(2, 600)) else {
        eprintln!("{usage} (N and WORDS are positive whole numbers)");
        return ExitCode::from(2);
    };
    let corpus = synth::corpus(n, words, 42);
    match corpus.write_to(&dir) {
        Ok(paths) => {
            println!(
                "wrote {} articles ({:.1} MB) under {}",
                paths.len(),
                corpus.bytes() as f64 / 1e6,
                dir.display()
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("gen_corpus: {}: {e}", dir.display());
            ExitCode::FAILURE
        }
    }
}
