//! Unit tests of the extraction rules, on invented sentences.

use super::*;

fn ex() -> &'static Extractor {
    Extractor::shared()
}

/// (speaker, kind, quoted text) of every quote.
fn q(text: &str) -> Vec<(String, QuoteKind, String)> {
    ex().extract(text)
        .into_iter()
        .map(|q| (q.speaker, q.kind, text[q.range].to_string()))
        .collect()
}

#[test]
fn debug_articles() {
    for entry in std::fs::read_dir("assets/articles").unwrap() {
        let path = entry.unwrap().path();
        let text = std::fs::read_to_string(&path).unwrap();
        let body = text.splitn(3, "---\n").nth(2).unwrap_or(&text);
        println!("=== {}", path.display());
        for q in ex().extract(body) {
            println!(
                "{:?} {:?} [{}] role={:?} cue={:?} :: {}",
                q.speaker_kind,
                q.kind,
                q.speaker,
                q.role,
                &body[q.cue.clone()],
                &body[q.range.clone()]
            );
        }
    }
    let _ = q("");
}
