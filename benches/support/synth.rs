//! A deterministic generator of synthetic news corpora, for benchmarks and
//! tests. The articles look enough like the real thing to give every analysis
//! real work: curated formulas ("rock solid", "no limits"...), quotes by named
//! speakers with titles, wire copy shared between articles (sometimes lightly
//! edited), and outlet boilerplate.
//!
//! Test and benchmark support, not part of the library: included with
//! `#[path]` by the library's unit tests, the benches and the tests, each of
//! which uses only some of it.

#![allow(dead_code)]

use std::fmt::Write as _;
use std::io;
use std::path::{Path, PathBuf};

/// A small, fast, deterministic PRNG (xorshift64*), so corpora are the same
/// on every machine without a dependency.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }

    pub fn next_u64(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// A number in `0..n` (n > 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }

    /// True with probability `p` percent.
    pub fn chance(&mut self, percent: u32) -> bool {
        self.below(100) < percent as usize
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

const STOP: &[&str] = &[
    "the", "of", "and", "to", "in", "a", "that", "is", "for", "on", "with", "as", "by", "at", "from", "its",
    "has", "have", "was", "were", "be", "will", "would", "their", "this", "which",
];

const FORMULAS: &[&str] = &[
    "rock solid",
    "rock-solid",
    "no limits",
    "better than allies",
    "non-alliance, non-confrontation and non-targeting of any third party",
    "comprehensive strategic partnership of coordination",
    "hegemony",
    "new cold war",
    "cold-war mentality",
    "multipolar world",
    "mutual trust",
];

const SPEAKERS: &[(&str, &str)] = &[
    ("Chinese Foreign Minister", "Wang Yi"),
    ("Russian Foreign Minister", "Sergey Lavrov"),
    ("Security Council Secretary", "Nikolai Patrushev"),
    ("Kremlin spokesman", "Dmitry Peskov"),
    ("President", "Vladimir Putin"),
    ("Chinese President", "Xi Jinping"),
    ("foreign ministry spokeswoman", "Mao Ning"),
    ("US Secretary of State", "Antony Blinken"),
];

const OUTLETS: &[&str] = &[
    "South China Morning Post",
    "Reuters",
    "TASS",
    "Xinhua",
    "RT",
    "The Star",
    "Global Times",
    "Associated Press",
];

const VERBS: &[&str] = &["said", "told reporters", "stressed", "noted", "added", "warned"];

/// A generated corpus.
pub struct Corpus {
    /// (file name, file contents) of every article.
    pub files: Vec<(String, String)>,
}

/// Makes `n` articles of about `words` words each. The same `seed` gives the
/// same corpus.
pub fn corpus(n: usize, words: usize, seed: u64) -> Corpus {
    let mut rng = Rng::new(seed);
    let vocab = vocabulary(&mut rng, 6000);
    // wire copy: paragraphs that many articles reuse
    let wire: Vec<String> = (0..200)
        .map(|_| {
            let n = 40 + rng.below(40);
            sentence_run(&mut rng, &vocab, n)
        })
        .collect();
    let files = (0..n)
        .map(|i| {
            let text = article(&mut rng, &vocab, &wire, words, i);
            (format!("article_{i:06}.txt"), text)
        })
        .collect();
    Corpus { files }
}

impl Corpus {
    /// Writes every article under `dir` (spread over sub-folders of 1,000).
    pub fn write_to(&self, dir: &Path) -> io::Result<Vec<PathBuf>> {
        let mut paths = Vec::with_capacity(self.files.len());
        for (i, (name, text)) in self.files.iter().enumerate() {
            let sub = dir.join(format!("batch_{:03}", i / 1000));
            if i % 1000 == 0 {
                std::fs::create_dir_all(&sub)?;
            }
            let path = sub.join(name);
            std::fs::write(&path, text)?;
            paths.push(path);
        }
        Ok(paths)
    }

    /// Total size in bytes.
    pub fn bytes(&self) -> usize {
        self.files.iter().map(|(_, t)| t.len()).sum()
    }
}

fn vocabulary(rng: &mut Rng, n: usize) -> Vec<String> {
    const SYL: &[&str] = &[
        "ba", "ko", "ri", "tan", "mel", "su", "dor", "vi", "lek", "po", "zan", "ter", "mi", "gra", "nul",
        "ost", "ka", "ren", "fi", "sha",
    ];
    (0..n)
        .map(|_| {
            let k = 1 + rng.below(3);
            (0..k).map(|_| *rng.pick(SYL)).collect::<String>()
        })
        .collect()
}

fn sentence_run(rng: &mut Rng, vocab: &[String], words: usize) -> String {
    let mut out = String::new();
    let mut in_sentence = 0;
    for i in 0..words {
        let w: &str = if rng.chance(35) {
            STOP[rng.below(STOP.len())]
        } else {
            // Zipf-ish: favour the start of the vocabulary
            let r = rng.below(vocab.len());
            &vocab[r * rng.below(vocab.len()) / vocab.len()]
        };
        if in_sentence == 0 {
            if i > 0 {
                out.push(' ');
            }
            let mut c = w.chars();
            if let Some(f) = c.next() {
                out.extend(f.to_uppercase());
                out.push_str(c.as_str());
            }
        } else {
            out.push(' ');
            out.push_str(w);
        }
        in_sentence += 1;
        if in_sentence > 8 && rng.chance(12) || i + 1 == words {
            out.push('.');
            in_sentence = 0;
        }
    }
    out
}

fn article(rng: &mut Rng, vocab: &[String], wire: &[String], words: usize, i: usize) -> String {
    let outlet = OUTLETS[i % OUTLETS.len()];
    let mut t = String::with_capacity(words * 7);
    let _ = writeln!(t, "---");
    let _ = writeln!(t, "source: {outlet}");
    let _ = writeln!(
        t,
        "date: 20{:02}-{:02}-{:02}",
        15 + rng.below(11),
        1 + rng.below(12),
        1 + rng.below(28)
    );
    let _ = writeln!(t, "---");
    let n = 6 + rng.below(6);
    let head = sentence_run(rng, vocab, n);
    let _ = writeln!(t, "{}", head.trim_end_matches('.'));
    t.push('\n');
    let mut written = 0;
    let mut speaker_used = false;
    while written < words {
        let before = t.len();
        let para_words = 40 + rng.below(60);
        let roll = rng.below(100);
        if roll < 15 {
            // wire copy, sometimes with a changed word
            let mut p = rng.pick(wire).clone();
            if rng.chance(30) {
                p = p.replacen(" the ", " a ", 1);
            }
            t.push_str(&p);
        } else if roll < 40 {
            let (role, name) = *rng.pick(SPEAKERS);
            let verb = rng.pick(VERBS);
            let n = 10 + rng.below(15);
            let body = sentence_run(rng, vocab, n);
            let formula = rng.pick(FORMULAS);
            let body = body.trim_end_matches('.');
            if speaker_used {
                let short = name.split(' ').next_back().unwrap_or(name);
                let _ = write!(t, "“{body}, {formula},” {short} {verb}.");
            } else {
                let _ = write!(
                    t,
                    "{role} {name} {verb} that relations were {formula}. “{body},” {name} {verb}."
                );
                speaker_used = true;
            }
        } else {
            let mut p = sentence_run(rng, vocab, para_words);
            if rng.chance(20) {
                let f = rng.pick(FORMULAS);
                p = p.replacen(". ", &format!(" {f}. "), 1);
            }
            t.push_str(&p);
        }
        written += t[before..].split_whitespace().count();
        t.push_str("\n\n");
    }
    let _ = writeln!(t, "More from {outlet}");
    t
}

#[cfg(test)]
mod tests {
    // benches (harness = false) compile this module without its tests
    #[allow(unused_imports)]
    use super::*;

    #[test]
    fn same_seed_same_corpus() {
        let a = corpus(5, 300, 7);
        let b = corpus(5, 300, 7);
        assert_eq!(a.files, b.files);
        assert_ne!(a.files, corpus(5, 300, 8).files);
    }

    #[test]
    fn articles_have_about_the_asked_size() {
        let c = corpus(20, 600, 1);
        for (_, text) in &c.files {
            let n = text.split_whitespace().count();
            assert!((500..1000).contains(&n), "{n} words");
        }
        assert!(c.files.iter().any(|(_, t)| t.contains("rock solid")));
    }
}
