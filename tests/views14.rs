//! Issue 14's TUI: the list's date column, order and split; the outlets,
//! keyness and timeline views. Driven through the real key → action →
//! update path and drawn on a TestBackend.

mod support;

use std::collections::BTreeSet;

use crossterm::event::KeyCode;
use readout::app::{KeynessState, OutletsState, Screen, SortOrder, TimelineState};
use readout::index::Index;
use readout::store::{Article, ArticleId, Corpus};
use support::{Harness, two_outlets};

fn outlets(h: &Harness) -> &OutletsState {
    match h.app.screen() {
        Screen::Outlets(s) => s,
        other => panic!("not the outlets view: {other:?}"),
    }
}

fn keyness(h: &Harness) -> &KeynessState {
    match h.app.screen() {
        Screen::Keyness(s) => s,
        other => panic!("not the keyness view: {other:?}"),
    }
}

fn timeline(h: &Harness) -> &TimelineState {
    match h.app.screen() {
        Screen::Timeline(s) => s,
        other => panic!("not the timeline: {other:?}"),
    }
}

fn hit_ids(h: &Harness) -> Vec<ArticleId> {
    h.app.filter.hits.iter().map(|h| h.id).collect()
}

fn selected(h: &Harness) -> Option<ArticleId> {
    h.app.selected_article().map(|a| a.id)
}

#[test]
fn the_list_shows_dates_at_80_and_120_columns() {
    for (w, name) in [(120, "list_dates_120"), (80, "list_dates_80")] {
        let mut h = Harness::bundled(w, 24);
        h.key(KeyCode::Char('o'));
        let s = h.screen();
        assert!(s.contains("· by date"), "{s}");
        assert!(s.contains("2025-04-01") && s.contains("2021-07-12"), "{s}");
        insta::assert_snapshot!(name, s);
    }
    // 100 columns: the list beside the reader still has its dates
    let mut h = Harness::bundled(100, 24);
    let s = h.screen();
    assert!(s.contains("Date") && s.contains("2023-02-25"), "{s}");
}

#[test]
fn o_cycles_the_order_and_keeps_the_selected_article() {
    let mut h = Harness::bundled(120, 24);
    h.key(KeyCode::Char('j')).key(KeyCode::Char('j'));
    let chosen = selected(&h);
    let mut seen = Vec::new();
    for _ in 0..4 {
        h.key(KeyCode::Char('o'));
        assert_eq!(selected(&h), chosen, "the selection follows its article");
        seen.push(h.app.sort);
    }
    assert_eq!(
        seen,
        [
            SortOrder::Date,
            SortOrder::Outlet,
            SortOrder::Words,
            SortOrder::Score
        ]
    );
    // by date: newest first, each row's date not after the one above
    h.key(KeyCode::Char('o'));
    let dates: Vec<_> = hit_ids(&h).iter().map(|&id| h.app.index.date_of(id)).collect();
    let dated: Vec<_> = dates.iter().flatten().map(|d| d.first_day()).collect();
    assert!(dated.windows(2).all(|w| w[0] >= w[1]), "{dates:?}");
    // by words: longest first
    h.key(KeyCode::Char('o')).key(KeyCode::Char('o'));
    assert_eq!(h.app.sort, SortOrder::Words);
    let words: Vec<usize> = hit_ids(&h)
        .iter()
        .map(|&id| h.app.index.article(id).unwrap().words)
        .collect();
    assert!(words.windows(2).all(|w| w[0] >= w[1]), "{words:?}");
    assert!(h.screen().contains("· by words"));
    // a filter typed afterwards is ordered the same way
    h.key(KeyCode::Char('/')).type_str("china").key(KeyCode::Enter);
    let words: Vec<usize> = hit_ids(&h)
        .iter()
        .map(|&id| h.app.index.article(id).unwrap().words)
        .collect();
    assert!(
        words.len() > 1 && words.windows(2).all(|w| w[0] >= w[1]),
        "{words:?}"
    );
}

#[test]
fn the_split_moves_is_clamped_and_stays_for_the_session() {
    let mut h = Harness::bundled(120, 24);
    let before = h.app.areas().list.width;
    h.key(KeyCode::Char('>'));
    let wider = h.app.areas().list.width;
    assert!(wider > before, "{before} {wider}");
    for _ in 0..30 {
        h.key(KeyCode::Char('>'));
    }
    let widest = h.app.areas().list.width;
    assert_eq!(widest, 96, "80% of 120");
    assert!(h.screen().contains("the list takes 80% of the width"));
    for _ in 0..30 {
        h.key(KeyCode::Char('<'));
    }
    assert_eq!(h.app.areas().list.width, 24, "20% of 120");
    // kept across a view opened and closed, and a resize
    h.key(KeyCode::Char('O')).key(KeyCode::Esc);
    h.resize(160, 30);
    assert_eq!(h.app.areas().list.width, 32);
    // the reader is rewrapped to its new width
    let s = h.screen();
    assert!(s.lines().any(|l| l.len() > 100), "{s}");
}

#[test]
fn outlets_view_heat_map_numbers_and_cursor() {
    let mut h = Harness::bundled(120, 24);
    h.key(KeyCode::Char('O'));
    let s = h.screen();
    assert!(s.contains("Outlets × formulas"), "{s}");
    assert!(s.contains("South China Morning Post"), "{s}");
    insta::assert_snapshot!("outlets_heat_map", s);
    h.key(KeyCode::Char('v'))
        .key(KeyCode::Char('l'))
        .key(KeyCode::Down);
    let st = outlets(&h);
    assert_eq!((st.rows.selected, st.col), (1, 1));
    assert!(st.numbers);
    let s = h.screen();
    assert!(s.contains('%'), "{s}");
    insta::assert_snapshot!("outlets_numbers", s);
    // the cursor stays within the table
    for _ in 0..50 {
        h.key(KeyCode::Right).key(KeyCode::Char('j'));
    }
    let st = outlets(&h);
    let t = st.table.as_ref().unwrap();
    assert_eq!(st.col, t.columns.len() - 1);
    assert_eq!(st.rows.selected, t.rows.len() - 1);
    for _ in 0..50 {
        h.key(KeyCode::Char('h'));
    }
    assert_eq!(outlets(&h).col, 0);
    h.key(KeyCode::Esc);
    assert!(matches!(h.app.screen(), Screen::Main));
}

/// The articles a cell stands for, straight from the index: in the scope,
/// of the row's outlet, using the column's formula.
fn cell_articles(index: &Index, scope: &[ArticleId], st: &OutletsState) -> BTreeSet<ArticleId> {
    let t = st.table.as_ref().unwrap();
    let row = &t.rows[st.rows.selected];
    let col = &t.columns[st.col];
    scope
        .iter()
        .copied()
        .filter(|&id| {
            let a = index.article(id).unwrap();
            let outlet = a
                .meta
                .source
                .as_deref()
                .unwrap_or(readout::survey::UNKNOWN_OUTLET);
            let uses = if col.family {
                let f = index.family_id(&col.label).unwrap();
                index.families_of(id).contains(&f)
            } else {
                index
                    .mined()
                    .iter()
                    .any(|m| m.phrase == col.label && m.docs.contains(&id))
            };
            outlet == row.outlet && uses
        })
        .collect()
}

#[test]
fn enter_on_an_outlets_cell_filters_to_exactly_its_articles() {
    for filter in ["", "china"] {
        let mut h = Harness::bundled(120, 30);
        if !filter.is_empty() {
            h.key(KeyCode::Char('/')).type_str(filter).key(KeyCode::Enter);
        }
        let scope = {
            let mut v = hit_ids(&h);
            v.sort_unstable();
            v
        };
        h.key(KeyCode::Char('O'));
        h.screen();
        let (rows, cols) = {
            let t = outlets(&h).table.as_ref().unwrap();
            (t.rows.len(), t.columns.len())
        };
        assert!(rows >= 3 && cols >= 3, "{rows} x {cols}");
        let mut checked = 0;
        for r in 0..rows {
            for c in 0..cols {
                h.key(KeyCode::Char('O'));
                h.screen();
                for _ in 0..r {
                    h.key(KeyCode::Char('j'));
                }
                for _ in 0..c {
                    h.key(KeyCode::Char('l'));
                }
                let want = cell_articles(&h.app.index, &scope, outlets(&h));
                h.key(KeyCode::Enter);
                assert!(matches!(h.app.screen(), Screen::Main));
                let got: BTreeSet<ArticleId> = hit_ids(&h).into_iter().collect();
                assert_eq!(got, want, "cell {r},{c} filter {:?}", h.app.filter.input);
                checked += usize::from(!want.is_empty());
                // back to the scope's filter for the next cell
                h.key(KeyCode::Char('/'))
                    .key_mod(KeyCode::Char('u'), crossterm::event::KeyModifiers::CONTROL)
                    .type_str(filter)
                    .key(KeyCode::Enter);
            }
        }
        assert!(checked >= 3, "cells with articles: {checked}");
    }
}

#[test]
fn keyness_view_and_enter_opens_the_terms_concordance_within_the_filter() {
    let mut h = Harness::with_index(two_outlets(), 120, 30);
    h.key(KeyCode::Char('/'))
        .type_str("source:xinhua")
        .key(KeyCode::Enter);
    let scope: BTreeSet<ArticleId> = hit_ids(&h).into_iter().collect();
    assert_eq!(scope.len(), 8);
    h.key(KeyCode::Char('K'));
    let s = h.screen();
    assert!(s.contains("Over-used") && s.contains("Under-used"), "{s}");
    assert!(s.contains("8 articles"), "{s}");
    assert!(s.contains("hegemony") && s.contains("markets"), "{s}");
    insta::assert_snapshot!("keyness", s);
    // to the over-used word "hegemony"
    let pos = keyness(&h)
        .result
        .as_ref()
        .unwrap()
        .over
        .iter()
        .position(|t| t.term == "hegemony")
        .expect("hegemony over-used");
    for _ in 0..pos {
        h.key(KeyCode::Char('j'));
    }
    let term = keyness(&h).current().expect("an over-used term").clone();
    h.key(KeyCode::Enter);
    let s = h.screen();
    let Screen::Kwic(k) = h.app.screen() else {
        panic!("not a concordance: {s}");
    };
    assert!(k.title.contains(&term.term), "{} {}", k.title, term.term);
    let occ = k.occ.all(&h.app.index);
    assert!(!occ.is_empty(), "{s}");
    // every line is from the filtered articles, and each of them using the
    // term has lines
    let docs: BTreeSet<ArticleId> = occ.iter().map(|(id, _)| *id).collect();
    assert!(docs.is_subset(&scope), "{docs:?} {scope:?}");
    assert_eq!(term.term, "hegemony");
    assert_eq!(docs.len() as u32, term.target_docs, "{term:?}");
    assert_eq!((docs.len(), occ.len()), (8, 16), "twice in each");
    for (id, range) in &occ {
        let body = &h.app.index.article(*id).unwrap().body;
        assert_eq!(body[range.clone()].to_lowercase(), term.term);
    }
    // Esc: back to keyness, then to the list
    h.key(KeyCode::Esc);
    keyness(&h);
    h.key(KeyCode::Tab);
    assert_eq!(keyness(&h).side, readout::app::KeynessSide::Under);
    h.key(KeyCode::Esc);
    assert!(matches!(h.app.screen(), Screen::Main));
}

#[test]
fn keyness_without_a_filter_says_what_it_needs() {
    // whole at 80 columns, beside the counts
    let mut h = Harness::bundled(80, 24);
    h.key(KeyCode::Char('K'));
    assert!(matches!(h.app.screen(), Screen::Main));
    let s = h.screen();
    assert!(
        s.contains("keyness compares a filter with the rest: filter first (/)"),
        "{s}"
    );
}

#[test]
fn timeline_of_the_filter_and_of_a_phrase() {
    let mut h = Harness::bundled(120, 30);
    h.key(KeyCode::Char('/'))
        .type_str("#\"rock solid\"")
        .key(KeyCode::Enter);
    let hits = hit_ids(&h).len();
    assert!(hits > 1 && hits < 5, "{hits}");
    h.key(KeyCode::Char('T'));
    let s = h.screen();
    let t = timeline(&h).timeline.as_ref().unwrap();
    assert!(!t.periods.is_empty());
    assert!(s.contains("Timeline · /#\"rock solid\""), "{s}");
    assert!(s.contains("all outlets"), "legend: {s}");
    assert!(s.contains("share of each outlet's articles"), "{s}");
    insta::assert_snapshot!("timeline_normalised", s);
    h.key(KeyCode::Char('v'));
    let s = h.screen();
    assert!(timeline(&h).raw);
    assert!(s.contains("raw counts"), "{s}");
    insta::assert_snapshot!("timeline_raw", s);
    // a filter every article matches: raw counts, and v says why it stays so
    h.key(KeyCode::Esc).key(KeyCode::Char('/'));
    h.key_mod(KeyCode::Char('u'), crossterm::event::KeyModifiers::CONTROL)
        .type_str("china")
        .key(KeyCode::Enter);
    assert_eq!(hit_ids(&h).len(), 5);
    h.key(KeyCode::Char('T'));
    assert!(timeline(&h).raw);
    h.key(KeyCode::Char('v'));
    let s = h.screen();
    assert!(timeline(&h).raw);
    assert!(s.contains("raw counts"), "{s}");
    assert!(s.contains("every article is counted"), "{s}");
    h.key(KeyCode::Esc);
    // from the phrases pane: the phrase under the cursor
    h.key(KeyCode::Esc)
        .key(KeyCode::Char('p'))
        .key(KeyCode::Char('T'));
    let s = h.screen();
    let st = timeline(&h);
    assert!(st.query.as_deref().unwrap().starts_with('#'), "{:?}", st.query);
    assert!(s.contains("Timeline · "), "{s}");
    h.key(KeyCode::Esc);
    assert!(matches!(h.app.screen(), Screen::Phrases(_)));
}

#[test]
fn timeline_from_an_outlets_column() {
    let mut h = Harness::bundled(120, 30);
    h.key(KeyCode::Char('O'));
    h.screen();
    let label = outlets(&h).table.as_ref().unwrap().columns[0].label.clone();
    h.key(KeyCode::Char('T'));
    let s = h.screen();
    let st = timeline(&h);
    assert_eq!(st.title, label);
    assert!(st.hits.as_ref().is_some_and(|v| !v.is_empty()), "{s}");
    h.key(KeyCode::Esc);
    outlets(&h);
}

fn plain(texts: &[&str]) -> Index {
    let articles: Vec<Article> = texts
        .iter()
        .enumerate()
        .map(|(i, t)| Article::from_text(format!("a{i}.txt"), t, false))
        .collect();
    let facts = readout::facts::Analyzer::new().facts_all(&articles);
    let mut index = Index::with_facts(Corpus::new(articles), facts);
    index.mine_phrases(&Default::default());
    index
}

#[test]
fn articles_without_outlets_or_dates_are_said_so() {
    let index = plain(&[
        "One\n\nTies are rock solid and have no limits, they said.",
        "Two\n\nThe partnership has no limits, officials said again.",
        "Three\n\nMarkets fell on Monday as traders waited.",
    ]);
    let mut h = Harness::with_index(index, 100, 24);
    h.key(KeyCode::Char('O'));
    let s = h.screen();
    assert!(s.contains("no article here names its outlet"), "{s}");
    assert!(s.contains("(unknown)"), "{s}");
    h.key(KeyCode::Esc).key(KeyCode::Char('T'));
    let s = h.screen();
    assert!(s.contains("none of these 3 articles has a date"), "{s}");
    insta::assert_snapshot!("timeline_no_dates", s);
    h.key(KeyCode::Esc);
    // keyness of one against the rest: too few articles for any term
    h.key(KeyCode::Char('/')).type_str("one").key(KeyCode::Enter);
    h.key(KeyCode::Char('K'));
    let s = h.screen();
    assert!(s.contains("none (in 3 articles or more"), "{s}");
}

#[test]
fn an_empty_corpus_opens_no_view() {
    let mut h = Harness::with_index(Index::new(Corpus::new(Vec::new())), 100, 24);
    for (key, msg) in [
        ('O', "no articles loaded"),
        ('K', "no articles to compare"),
        ('T', "no articles to draw"),
    ] {
        h.key(KeyCode::Char(key));
        let s = h.screen();
        assert!(matches!(h.app.screen(), Screen::Main), "{key}");
        assert!(s.contains(msg), "{key}: {s}");
    }
    // order and split keys on an empty list are harmless
    h.key(KeyCode::Char('o'))
        .key(KeyCode::Char('>'))
        .key(KeyCode::Char('<'));
    assert!(h.screen().contains("no articles loaded"));
}

#[test]
fn on_a_worker_thread_the_views_show_the_same_results() {
    // every corpus bigger than 0 articles goes to the worker here
    let mut direct = Harness::with_index(two_outlets(), 120, 30);
    let mut worker = Harness::with_index(two_outlets(), 120, 30);
    worker.app.survey_at_once = 0;
    for h in [&mut direct, &mut worker] {
        h.key(KeyCode::Char('/'))
            .type_str("source:xinhua")
            .key(KeyCode::Enter);
    }
    // the first frame after the key: the view is open, its result to come
    worker.key(KeyCode::Char('O'));
    let first = worker.drawn();
    assert!(first.contains("the outlets of 8 articles: computing"), "{first}");
    for key in ['O', 'K', 'T'] {
        direct.key(KeyCode::Char(key));
        if key != 'O' {
            // (the outlets view is open already)
            worker.key(KeyCode::Char(key));
        }
        let (a, b) = (direct.screen(), worker.screen());
        assert_eq!(a, b, "{key}");
        match (direct.app.screen(), worker.app.screen()) {
            (Screen::Outlets(x), Screen::Outlets(y)) => {
                assert!(x.table.is_some());
                assert_eq!(x.table, y.table);
            }
            (Screen::Keyness(x), Screen::Keyness(y)) => {
                assert!(x.result.is_some());
                assert_eq!(x.result, y.result);
            }
            (Screen::Timeline(x), Screen::Timeline(y)) => {
                assert!(x.timeline.is_some());
                assert_eq!(x.timeline, y.timeline);
            }
            _ => panic!("{key}: {a}"),
        }
        direct.key(KeyCode::Esc);
        worker.key(KeyCode::Esc);
    }
}

#[test]
fn the_views_draw_at_any_size_without_panicking() {
    for key in ['O', 'K', 'T'] {
        let mut h = Harness::with_index(two_outlets(), 120, 30);
        h.key(KeyCode::Char('/'))
            .type_str("source:xinhua")
            .key(KeyCode::Enter);
        h.key(KeyCode::Char(key));
        h.screen();
        for (w, ht) in [
            (30, 8),
            (31, 9),
            (40, 10),
            (60, 12),
            (80, 24),
            (99, 20),
            (100, 6),
            (200, 60),
        ] {
            h.resize(w, ht);
            let s = h.screen();
            assert_eq!(s.lines().count(), usize::from(ht), "{key} {w}x{ht}");
            // keys still act on the view
            h.key(KeyCode::Char('j'))
                .key(KeyCode::Char('l'))
                .key(KeyCode::Char('v'));
            h.screen();
        }
    }
}

/// The formula columns whose numbers the outlets view's head shows.
fn head_numbers(screen: &str) -> Vec<usize> {
    let head = screen
        .lines()
        .find(|l| l.contains("Outlet ") && l.contains("Arts"))
        .unwrap_or_else(|| panic!("no head row: {screen}"));
    head.split(|c: char| !c.is_ascii_digit())
        .filter_map(|w| w.parse().ok())
        .collect()
}

#[test]
fn outlets_heads_are_numbered_and_the_legend_names_them_at_80_100_140() {
    for (w, name) in [
        (80, "outlets_heads_80"),
        (100, "outlets_heads_100"),
        (140, "outlets_heads_140"),
    ] {
        let mut h = Harness::bundled(w, 24);
        h.key(KeyCode::Char('O'));
        let s = h.screen();
        insta::assert_snapshot!(name, s);
        let labels: Vec<(String, bool)> = outlets(&h)
            .table
            .as_ref()
            .unwrap()
            .columns
            .iter()
            .map(|c| (c.label.clone(), c.family))
            .collect();
        assert!(labels.len() > 12, "{labels:?}");
        // every column, as the cursor comes to it: its number in the head
        // and its whole label in the legend, as "N #label" or "N “label”"
        for c in 0..labels.len() {
            let s = h.screen();
            let numbers = head_numbers(&s);
            assert!(
                numbers.contains(&(c + 1)),
                "{w}: column {c} not shown: {numbers:?}\n{s}"
            );
            for &n in &numbers {
                let (label, family) = &labels[n - 1];
                let entry = if *family {
                    format!("{n} #{label}")
                } else {
                    format!("{n} “{label}”")
                };
                assert!(s.contains(&entry), "{w}: {entry:?} not in the legend\n{s}");
            }
            // no head is cut: the head row has numbers only
            let head = s.lines().find(|l| l.contains("Outlet ")).unwrap();
            assert!(!head.contains('…'), "{head}");
            h.key(KeyCode::Char('l'));
        }
        // at the last column: more to the left, none to the right
        let s = h.screen();
        let head = s.lines().find(|l| l.contains("Outlet ")).unwrap().to_string();
        assert!(head.contains('‹') && !head.contains('›'), "{head}");
        // moving back within the columns shown does not scroll them
        let before = head_numbers(&s);
        h.key(KeyCode::Char('h')).key(KeyCode::Char('h'));
        assert_eq!(head_numbers(&h.screen()), before, "{w}");
        // back at the first: scrolled just enough
        for _ in 0..labels.len() {
            h.key(KeyCode::Char('h'));
        }
        let s = h.screen();
        let numbers = head_numbers(&s);
        assert_eq!(numbers[0], 1, "{s}");
        let head = s.lines().find(|l| l.contains("Outlet ")).unwrap();
        assert!(!head.contains('‹') && head.contains('›'), "{head}");
    }
    // scrolled right then narrowed: the cursor's column stays in view
    let mut h = Harness::bundled(140, 24);
    h.key(KeyCode::Char('O'));
    h.screen();
    for _ in 0..14 {
        h.key(KeyCode::Char('l'));
    }
    h.resize(80, 24);
    let s = h.screen();
    assert!(head_numbers(&s).contains(&15), "{s}");
}

#[test]
fn the_outlets_view_at_80_columns_after_scrolling_right() {
    let mut h = Harness::bundled(80, 24);
    h.key(KeyCode::Char('O'));
    h.screen();
    for _ in 0..12 {
        h.key(KeyCode::Char('l'));
    }
    h.key(KeyCode::Char('v'));
    let s = h.screen();
    insta::assert_snapshot!("outlets_scrolled_80", s);
}

/// Articles with front matter from `outlets` (name, articles), each using
/// "rock solid" and a long formula, dated over some months.
fn outlets_named(outlets: &[(&str, usize)]) -> Index {
    let mut articles = Vec::new();
    for (o, &(source, n)) in outlets.iter().enumerate() {
        for i in 0..n {
            let text = format!(
                "---\ntitle: Report {o} {i}\nsource: {source}\ndate: 2023-{:02}-10\n---\nTies are rock solid, officials said. \
                 They praised the comprehensive strategic partnership of coordination for a new era. Story {o} {i}.\n",
                (i + o) % 12 + 1
            );
            articles.push(Article::from_text(format!("a{o}_{i}.md"), &text, false));
        }
    }
    let facts = readout::facts::Analyzer::new().facts_all(&articles);
    let mut index = Index::with_facts(Corpus::new(articles), facts);
    index.mine_phrases(&Default::default());
    index
}

#[test]
fn long_and_wide_outlet_names_are_cut_with_an_ellipsis() {
    let long = "The Very Long Name of an Outlet Nobody Abbreviates";
    let wide = "新华社新华社新华社新华社新华社";
    let index = outlets_named(&[(long, 3), (wide, 2), ("RT", 1)]);
    let mut h = Harness::with_index(index, 80, 24);
    h.key(KeyCode::Char('O'));
    let s = h.screen();
    let row = |start: &str| {
        s.lines()
            .find(|l| l.trim_start_matches('│').starts_with(start))
            .unwrap_or_else(|| panic!("no row {start}: {s}"))
            .to_string()
    };
    // cut in 21 columns, "…" last, the count where every row has it
    let r = row("The Very Long Name");
    assert!(r.contains("The Very Long Name o…     3 "), "{r}");
    let r = row("新");
    // a TestBackend row holds a wide character and a blank cell after it:
    // ten characters in twenty columns, the ellipsis the 21st
    assert!(r.contains("新 华 社 新 华 社 新 华 社 新 …     2 "), "{r}");
    assert!(row("RT").contains("RT                        1 "), "{s}");
}

#[test]
fn the_selected_cell_in_words_keeps_its_figures_when_the_formula_is_long() {
    let index = outlets_named(&[("Xinhua", 3), ("TASS", 2), ("RT", 2)]);
    let mut h = Harness::with_index(index, 80, 24);
    h.key(KeyCode::Char('O'));
    h.screen();
    let t = outlets(&h).table.clone().unwrap();
    // the longest label (the corpus's articles are copies of one another,
    // so its mined phrases are dropped: a family's label is the long one)
    let c = (0..t.columns.len())
        .max_by_key(|&c| t.columns[c].label.len())
        .unwrap();
    assert!(t.columns[c].label.len() >= 30, "a long formula: {:?}", t.columns);
    for _ in 0..c {
        h.key(KeyCode::Char('l'));
    }
    let s = h.screen();
    let line = s.lines().nth(2).unwrap();
    assert!(line.contains('…'), "{line}");
    assert!(line.contains(" of 3 articles (100%) · all outlets: 7"), "{line}");
    assert!(
        line.trim_end_matches('│').trim_end().ends_with("all outlets: 7"),
        "{line}"
    );
}

/// The rows of a drawn timeline: its legend names every line above the
/// chart, and nothing is drawn over the chart's data.
fn legend_above_the_chart(s: &str, names: &[&str]) {
    let lines: Vec<&str> = s.lines().collect();
    let axis_top = lines
        .iter()
        .position(|l| {
            l.contains("│")
                && l.trim_start_matches('│')
                    .starts_with(|c: char| c.is_ascii_digit())
        })
        .unwrap_or_else(|| panic!("no y axis: {s}"));
    for name in names {
        let at = lines
            .iter()
            .position(|l| l.contains(name))
            .unwrap_or_else(|| panic!("{name} not in the legend: {s}"));
        assert!(at < axis_top, "{name} at {at}, the chart from {axis_top}: {s}");
    }
    // no legend box inside the chart
    assert!(
        !lines[axis_top..]
            .iter()
            .any(|l| l.contains('┌') || l.contains('└') && l.contains('┘') && l.contains("││")),
        "{s}"
    );
    for l in &lines[axis_top..] {
        for name in names {
            assert!(!l.contains(name), "{name} over the chart: {s}");
        }
    }
}

#[test]
fn the_timeline_legend_is_drawn_above_the_chart_at_80_and_120() {
    let one = [("Xinhua", 12)];
    let five = [
        ("Xinhua", 12),
        ("TASS", 10),
        ("South China Morning Post", 8),
        ("Global Times", 6),
        ("RT", 4),
    ];
    for (w, outlets, name) in [
        (80, &one[..], "timeline_legend_80_1"),
        (120, &one[..], "timeline_legend_120_1"),
        (80, &five[..], "timeline_legend_80_5"),
        (120, &five[..], "timeline_legend_120_5"),
    ] {
        let mut h = Harness::with_index(outlets_named(outlets), w, 24);
        h.key(KeyCode::Char('T'));
        let s = h.screen();
        let t = timeline(&h).timeline.as_ref().unwrap();
        assert_eq!(t.outlets.len(), outlets.len(), "{name}");
        let mut names = vec!["all outlets"];
        names.extend(outlets.iter().map(|o| o.0));
        legend_above_the_chart(&s, &names);
        if outlets.len() == 1 {
            // its line is the total's: one line, named for both
            assert!(s.contains("── all outlets = Xinhua"), "{s}");
            assert!(!s.contains("••"), "{s}");
        }
        insta::assert_snapshot!(name, s);
    }
}

/// The screen's lines inside the view's border (the border's sides cut off).
fn inside(s: &str) -> Vec<String> {
    s.lines()
        .map(|l| {
            let l = l.strip_prefix('│').unwrap_or(l);
            l.strip_suffix('│').unwrap_or(l).to_string()
        })
        .collect()
}

#[test]
fn the_views_read_in_a_40_by_12_terminal() {
    let mut shots = Vec::new();
    // outlets and timeline over the bundled articles, keyness of Xinhua
    let mut h = Harness::bundled(40, 12);
    h.key(KeyCode::Char('O'));
    shots.push(("O", h.screen()));
    h.key(KeyCode::Esc).key(KeyCode::Char('T'));
    shots.push(("T", h.screen()));
    let mut h = Harness::with_index(two_outlets(), 40, 12);
    h.key(KeyCode::Char('/'))
        .type_str("source:xinhua")
        .key(KeyCode::Enter)
        .key(KeyCode::Char('K'));
    shots.push(("K", h.screen()));
    let no_outlets = plain(&[
        "One\n\nTies are rock solid and have no limits, they said.",
        "Two\n\nThe partnership has no limits, officials said again.",
    ]);
    let mut h = Harness::with_index(no_outlets, 40, 12);
    h.key(KeyCode::Char('O'));
    shots.push(("O unknown", h.screen()));
    for (view, s) in &shots {
        let lines: Vec<&str> = s.lines().collect();
        // the footer's hints whole, from the first: never cut at the left
        let bottom = lines[10];
        assert!(bottom.starts_with("└─"), "{view}: {bottom}\n{s}");
        // the lines above the content end in a word or an ellipsis
        for l in &inside(s)[1..3] {
            let l = l.trim_end();
            let full = l.chars().count() >= 38;
            assert!(
                !full || l.ends_with('…') || l.ends_with(|c: char| c.is_alphanumeric() || c == ')'),
                "{view}: {l:?}\n{s}"
            );
        }
    }
    let (_, o) = &shots[0];
    // the selected cell in words keeps its figures
    assert!(
        inside(o)[2].contains("South China… × #rock solid: 1/2 (50%)"),
        "{o}"
    );
    // names in 13 columns: two formula columns fit
    assert!(head_numbers(o).starts_with(&[1, 2]), "{o}");
    let (_, k) = &shots[2];
    // keyness keeps the term's column (the occurrences make way)
    assert!(
        k.contains("Term") && k.contains("Articles") && !k.contains("Times"),
        "{k}"
    );
    assert!(k.contains("hegemony"), "{k}");
    let (_, u) = &shots[3];
    assert!(u.contains("no article here names its outlet"), "{u}");
    let text: String = shots
        .iter()
        .map(|(v, s)| format!("{v}\n{s}"))
        .collect::<Vec<_>>()
        .join("\n");
    insta::assert_snapshot!("views_40x12", text);
}
