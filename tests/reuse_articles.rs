//! Shared passages between the bundled real articles. Run with
//! `--nocapture` to see what each pair shares.

use readout::analysis::reuse::{Comparison, ReuseOptions, compare, compare_with};
use readout::analysis::text::{normalize_word, words};

/// The body of an article file: what follows the `---` front matter block.
fn body(file: &str) -> &str {
    let rest = file.strip_prefix("---\n").expect("front matter");
    let end = rest.find("\n---\n").expect("end of front matter");
    &rest[end + 5..]
}

fn article(prefix: &str) -> String {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/assets/articles");
    let mut found: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.file_name().unwrap().to_string_lossy().starts_with(prefix))
        .collect();
    assert_eq!(found.len(), 1, "{prefix}");
    let text = std::fs::read_to_string(found.pop().unwrap()).unwrap();
    body(&text).to_string()
}

fn show(name: &str, a: &str, b: &str, c: &Comparison) {
    println!(
        "{name}: {} passages, A {:.1}% shared, B {:.1}% shared",
        c.passages.len(),
        c.a_shared * 100.0,
        c.b_shared * 100.0
    );
    for p in &c.passages {
        println!("  {:2} words  A {:?} {:?}", p.words, p.a, &a[p.a.clone()]);
        println!("            B {:?} {:?}", p.b, &b[p.b.clone()]);
    }
}

/// Three-word n-grams and passages: the stock phrases articles share.
fn loose() -> ReuseOptions {
    ReuseOptions {
        ngram: 3,
        min_words: 3,
        ..ReuseOptions::default()
    }
}

#[test]
fn rock_solid_reports_002_and_004() {
    let a = article("002");
    let b = article("004");
    // Both are about Wang Yi calling the relationship "rock solid", but they
    // report different occasions (a Beijing think-tank speech in December
    // 2022; a meeting with Patrushev in Moscow in February 2023), and they
    // share no copied sentence: "rock-solid" in one, "solid as rock" in the
    // other.
    let c = compare(&a, &b);
    show("002 vs 004", &a, &b, &c);
    assert!(c.passages.is_empty());
    assert_eq!((c.a_shared, c.b_shared), (0.0, 0.0));

    // What they do share are stock phrases of at most four words.
    let c = compare_with(&a, &b, &loose());
    show("002 vs 004 (3-word n-grams)", &a, &b, &c);
    assert!(c.passages.len() >= 5);
    assert!(c.passages.iter().all(|p| p.words <= 4));
    let phrases: Vec<&str> = c.passages.iter().map(|p| &a[p.a.clone()]).collect();
    for phrase in ["Chinese President Xi Jinping", "tensions with the West"] {
        assert!(phrases.contains(&phrase), "{phrases:?}");
    }
    for p in &c.passages {
        let norm = |s: &str| words(s).map(|w| normalize_word(w.text)).collect::<Vec<_>>();
        assert_eq!(norm(&a[p.a.clone()]), norm(&b[p.b.clone()]));
    }
    assert!(c.a_shared < 0.1 && c.b_shared < 0.1);
}

#[test]
fn a_quote_pasted_from_002_into_004_is_found() {
    let a = article("002");
    let b = article("004");
    let quote = "“The China-Russia relationship, which is based on non-alliance, \
                 non-confrontation and non-targeting of any third party, remains rock-solid,” \
                 he added.";
    assert!(a.contains(quote));
    // pasted in the middle of 004, lightly edited
    let edited = quote.replace("remains rock-solid", "remains rock solid");
    let at = b.find("\n\nA more detailed report").unwrap();
    let b = format!("{}\n\n{edited}{}", &b[..at], &b[at..]);
    let c = compare(&a, &b);
    show("002 vs 004 + quote", &a, &b, &c);
    assert_eq!(c.passages.len(), 1);
    let p = &c.passages[0];
    assert_eq!(
        &a[p.a.clone()],
        "The China-Russia relationship, which is based on non-alliance, \
         non-confrontation and non-targeting of any third party, remains rock-solid,” he added"
    );
    assert!(b[p.b.clone()].ends_with("remains rock solid,” he added"));
    assert_eq!(p.words, 24); // hyphens separate words
}

#[test]
fn the_non_alliance_formula_in_002_and_003() {
    // 002: "non-alliance, non-confrontation and non-targeting of any third party"
    // 003: "non-alignment, non-confrontation, and non-targeting of third parties"
    let a = article("002");
    let b = article("003");
    let c = compare_with(&a, &b, &loose());
    show("002 vs 003 (3-word n-grams)", &a, &b, &c);
    let phrases: Vec<&str> = c.passages.iter().map(|p| &a[p.a.clone()]).collect();
    assert!(
        phrases.contains(&"non-confrontation and non-targeting of"),
        "{phrases:?}"
    );
    assert!(compare(&a, &b).passages.is_empty());
}

#[test]
fn every_article_against_every_other() {
    let ids = ["000", "001", "002", "003", "004"];
    let texts: Vec<String> = ids.iter().map(|i| article(i)).collect();
    for x in 0..ids.len() {
        let c = compare(&texts[x], &texts[x]);
        assert_eq!((c.a_shared, c.b_shared), (1.0, 1.0), "{}", ids[x]);
        for y in x + 1..ids.len() {
            let c = compare(&texts[x], &texts[y]);
            show(&format!("{} vs {}", ids[x], ids[y]), &texts[x], &texts[y], &c);
            // none of the five copies from another at sentence length
            assert!(c.passages.is_empty());
        }
    }
}

#[test]
fn an_article_rewritten_by_a_copy_desk() {
    // paragraphs in another order, curly quotes straightened, "Sergey" spelt
    // "Sergei", one word changed per paragraph
    let a = article("001");
    let mut paras: Vec<String> = a
        .split('\n')
        .filter(|p| !p.trim().is_empty())
        .map(|p| {
            p.replace('’', "'")
                .replace(['“', '”'], "\"")
                .replace("Sergey", "Sergei")
                .replacen(" the ", " a ", 1)
        })
        .collect();
    paras.reverse();
    let b = paras.join("\n\n");
    let c = compare(&a, &b);
    assert!(c.passages.len() >= paras.len(), "{}", c.passages.len());
    assert!(c.a_shared > 0.97, "{}", c.a_shared);
    assert!(c.b_shared > 0.97, "{}", c.b_shared);
}
