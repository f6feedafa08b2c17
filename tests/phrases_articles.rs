//! Phrases on the five bundled articles (assets/articles).

use readout::analysis::phrases::{Doc, MineOptions, PhraseBook, PhraseFinder, find_phrase, kwic, mine};

#[path = "support/bundled.rs"]
mod bundled;

use bundled::articles;

fn prefix(name: &str) -> &str {
    &name[..3]
}

#[test]
fn bundled_colours_are_ratatui_colours_and_distinct() {
    use std::str::FromStr;
    let book = PhraseBook::bundled();
    let mut seen = Vec::new();
    for f in book.families() {
        let c = ratatui::style::Color::from_str(&f.color)
            .unwrap_or_else(|_| panic!("{}: bad colour {:?}", f.label, f.color));
        assert!(!seen.contains(&c), "{}: colour {:?} used twice", f.label, f.color);
        seen.push(c);
    }
}

#[test]
fn mined_phrases_serialise() {
    let docs = [
        Doc {
            text: "rock solid ties",
            source: None,
        },
        Doc {
            text: "Rock-solid ties!",
            source: None,
        },
    ];
    let found = mine(&docs, &MineOptions::default());
    let json: serde_json::Value = serde_json::to_value(&found).unwrap();
    assert_eq!(json[0]["phrase"], "rock solid ties");
    assert_eq!(json[0]["docs"], serde_json::json!([0, 1]));
    assert_eq!(json[0]["occurrences"], 2);
    assert_eq!(json[0]["single_source"], false);
    assert!((json[0]["score"].as_f64().unwrap() - 3f64.log2() * 2.0).abs() < 1e-9);
}

#[test]
fn rock_solid_is_found_in_the_articles_that_use_it() {
    let book = PhraseBook::bundled();
    let rock = book.family_index("rock solid").unwrap();
    let arts = articles();
    assert_eq!(arts.len(), 5);
    let mut with: Vec<&str> = Vec::new();
    for a in &arts {
        let found: Vec<String> = book
            .find_family(&a.body, rock)
            .into_iter()
            .map(|r| a.body[r].to_string())
            .collect();
        if !found.is_empty() {
            with.push(prefix(&a.name));
        }
        match prefix(&a.name) {
            "002" => assert_eq!(found, ["Rock Solid", "rock-solid", "rock-solid"]),
            "004" => assert_eq!(found, ["rock solid", "solid as rock", "solid as a rock"]),
            _ => assert!(found.is_empty(), "{}: {found:?}", a.name),
        }
    }
    // Only two of the five bundled articles use the formula.
    assert_eq!(with, ["002", "004"]);
}

#[test]
fn other_families_in_the_articles() {
    let book = PhraseBook::bundled();
    let arts = articles();
    let found = |art: &str, label: &str| -> Vec<String> {
        let a = arts.iter().find(|a| a.name.starts_with(art)).unwrap();
        let f = book.family_index(label).unwrap();
        book.find_family(&a.body, f)
            .into_iter()
            .map(|r| a.body[r].replace('\n', " "))
            .collect()
    };
    assert_eq!(
        found("000", "better than allies"),
        ["better than an alliance", "not allies but better than allies"]
    );
    assert_eq!(found("000", "no limits"), ["without limits"]);
    assert_eq!(found("002", "no limits"), ["no limits partnership"]);
    assert_eq!(
        found("002", "non-alliance"),
        ["non-alliance, non-confrontation and non-targeting of any third party"]
    );
    assert_eq!(
        found("003", "non-alliance"),
        ["non-alignment, non-confrontation, and non-targeting of third parties"]
    );
    assert_eq!(
        found("000", "comprehensive strategic partnership"),
        [
            "comprehensive strategic partnership in a new era",
            "comprehensive strategic cooperative partnership in a new era"
        ]
    );
    assert_eq!(
        found("001", "comprehensive strategic partnership"),
        [
            "comprehensive strategic cooperation",
            "all-encompassing strategic alliance"
        ]
    );
    assert_eq!(
        found("000", "hegemony"),
        ["hegemony", "hegemony", "power politics"]
    );
    assert_eq!(found("001", "hegemony"), ["hegemony"]);
    assert_eq!(found("000", "cold war"), ["new cold war", "new cold war"]);
    assert_eq!(
        found("004", "cold war"),
        ["cold-war mentality", "bloc confrontation"]
    );
    assert_eq!(
        found("004", "multipolar world"),
        ["multi-polarisation of the world"]
    );
    assert_eq!(found("000", "mutual trust"), ["political mutual trust"]);
    assert_eq!(
        found("002", "mutual trust"),
        ["political and strategic mutual trust"]
    );
    assert_eq!(found("000", "back to back"), ["back to back"]);
    assert_eq!(found("000", "best in history"), ["best level in history"]);
    // "rocket" in 004's headline list is not "rock"
    assert!(found("004", "rock solid").iter().all(|s| !s.contains("rocket")));
}

#[test]
fn every_match_is_a_valid_range() {
    let book = PhraseBook::bundled();
    for a in articles() {
        let ms = book.find(&a.body);
        for w in ms.windows(2) {
            assert!(w[0].range.end <= w[1].range.start);
        }
        for m in ms {
            assert!(a.body.is_char_boundary(m.range.start));
            assert!(a.body.is_char_boundary(m.range.end));
            let k = kwic(&a.body, m.range.clone(), 40);
            assert!(k.left.chars().count() <= 40 && k.right.chars().count() <= 40);
            assert!(!k.matched.contains('\n'));
        }
    }
}

#[test]
fn mining_the_five_articles() {
    let arts = articles();
    let docs: Vec<Doc> = arts
        .iter()
        .map(|a| Doc {
            text: &a.body,
            source: a.source.as_deref(),
        })
        .collect();
    let found = mine(&docs, &MineOptions::default());
    let get = |p: &str| found.iter().find(|m| m.phrase == p);
    let list: Vec<&str> = found.iter().map(|m| m.phrase.as_str()).collect();

    // "wang yi" and "foreign minister" are in all five, and rank first
    assert_eq!(get("wang yi").expect("wang yi").docs, [0, 1, 2, 3, 4]);
    assert_eq!(get("foreign minister").unwrap().docs, [0, 1, 2, 3, 4]);
    assert_eq!(found[0].docs.len(), 5);
    // the formula shared by 002 and 004
    assert_eq!(get("rock solid").expect("rock solid").docs, [2, 4]);
    assert_eq!(get("mutual trust").expect("mutual trust").docs, [0, 2]);
    assert!(get("comprehensive strategic partnership").is_some(), "{list:?}");
    // "sergey lavrov" and "xi jinping" always come with these words here,
    // so only the longer phrases are kept
    assert!(get("sergey lavrov").is_none(), "{list:?}");
    assert_eq!(get("foreign minister sergey lavrov").unwrap().docs, [1, 3, 4]);
    assert_eq!(get("chinese president xi jinping").unwrap().docs, [0, 2, 4]);
    assert!(get("non confrontation and non targeting").is_some());
    // only 004 has the SCMP footer: not a recurring phrase here
    assert!(list.iter().all(|p| !p.contains("morning post")), "{list:?}");
    // nothing starts or ends with a stopword, nothing spans a line break
    for m in &found {
        assert!(m.docs.len() >= 2);
        let ws: Vec<&str> = m.phrase.split(' ').collect();
        assert!(ws.len() >= 2);
        assert!(!readout::analysis::phrases::is_stopword(ws[ws.len() - 1]));
    }
    // the video timestamps ("01:12") make no phrase
    assert!(list.iter().all(|p| !p.starts_with("01 ")));

    // every mined phrase is found again in each of its articles
    let finder = PhraseFinder::new(&list);
    for m in &found {
        for &d in &m.docs {
            let hits = find_phrase(docs[d as usize].text, &m.phrase);
            assert!(!hits.is_empty(), "{} not found in {d}", m.phrase);
        }
    }
    let in_004: Vec<usize> = finder.find(docs[4].text).into_iter().map(|(i, _)| i).collect();
    assert!(in_004.iter().any(|&i| list[i] == "rock solid"));
}

#[test]
fn boilerplate_of_one_outlet_is_flagged() {
    // the same SCMP footer in two SCMP articles, not in the others
    let arts = articles();
    let footer = "\nMore from South China Morning Post:\n\nFor the latest news from the South China Morning Post download our mobile app.";
    let bodies: Vec<String> = arts
        .iter()
        .map(|a| {
            if a.name.starts_with("000") {
                format!("{}{footer}", a.body)
            } else {
                a.body.clone()
            }
        })
        .collect();
    let docs: Vec<Doc> = arts
        .iter()
        .zip(&bodies)
        .map(|(a, b)| Doc {
            text: b,
            // the store would give both the outlet's name
            source: Some(if a.name.starts_with("004") {
                "South China Morning Post"
            } else {
                a.source.as_deref().unwrap_or("unknown")
            }),
        })
        .collect();
    let found = mine(&docs, &MineOptions::default());
    let footer_phrases: Vec<_> = found
        .iter()
        .filter(|m| m.phrase.contains("morning post"))
        .collect();
    assert!(!footer_phrases.is_empty());
    for m in &footer_phrases {
        assert!(m.single_source, "{m:?}");
        assert_eq!(m.docs, [0, 4]);
    }
    // flagged phrases come last
    let first_flagged = found.iter().position(|m| m.single_source).unwrap();
    assert!(found[first_flagged..].iter().all(|m| m.single_source));
    assert!(
        !found
            .iter()
            .find(|m| m.phrase == "wang yi")
            .unwrap()
            .single_source
    );
}
