//! The stories view, a story's articles, compare from there, and the
//! compare view beyond verbatim, through the real key → action → update
//! path on a TestBackend, over the invented story corpus
//! (`tests/fixtures/story/`: three reports of one press conference among
//! them, `press-conference-*.txt`).

mod support;

use crossterm::event::KeyCode;
use readout::app::{Screen, StoriesState};
use readout::index::Index;
use readout::store::{Article, Corpus};
use support::{Harness, fixture_index};

fn stories(h: &Harness) -> &StoriesState {
    match h.app.screen() {
        Screen::Stories(s) => s,
        other => panic!("not the stories view: {other:?}"),
    }
}

fn title_of(h: &Harness, id: u32) -> String {
    h.app.index.article(id).unwrap().meta.title.clone()
}

/// The stories view, then the press conference's articles.
fn open_press_conference(h: &mut Harness) {
    h.key(KeyCode::Char('S'));
    h.screen();
    assert_eq!(stories(h).rows[0].articles.len(), 3);
    h.key(KeyCode::Enter);
}

#[test]
fn stories_view_lists_the_groups() {
    let mut h = Harness::with_index(fixture_index(&["tests/fixtures/story"]), 120, 20);
    h.key(KeyCode::Char('S'));
    let s = h.screen();
    // the three reports of the press conference first, then the pipeline deal
    let st = stories(&h);
    assert_eq!(st.rows.len(), 2, "{s}");
    assert_eq!(st.rows[0].articles.len(), 3);
    assert!(s.contains("2023-07-24"), "{s}");
    assert!(s.contains("Stories · 2 groups over all 26 articles"), "{s}");
    insta::assert_snapshot!(s);
    // `/` narrows by label and outlets
    h.key(KeyCode::Char('/')).type_str("gazette");
    let s = h.screen();
    assert_eq!(stories(&h).picker.rows, [1], "{s}");
    assert!(s.contains("Northern Corridor"), "{s}");
    assert!(!s.contains("Lisbon"), "{s}");
    h.key(KeyCode::Esc).key(KeyCode::Esc);
    assert!(h.screen().contains("Articles 26"));
}

#[test]
fn the_stories_of_a_filter_are_among_its_articles() {
    let mut h = Harness::with_index(fixture_index(&["tests/fixtures/story"]), 120, 20);
    h.key(KeyCode::Char('/'))
        .type_str("pipeline")
        .key(KeyCode::Enter)
        .key(KeyCode::Char('S'));
    let s = h.screen();
    let st = stories(&h);
    assert!(st.filtered);
    assert_eq!(st.rows.len(), 1, "{s}");
    assert!(st.rows[0].label.contains("Northern Corridor"), "{s}");
    assert!(s.contains("over the filter's"), "{s}");
}

#[test]
fn a_storys_articles_then_compare_two_of_them() {
    let mut h = Harness::with_index(fixture_index(&["tests/fixtures/story"]), 120, 20);
    open_press_conference(&mut h);
    let s = h.screen();
    assert!(s.contains("Story: "), "{s}");
    insta::assert_snapshot!("story_articles", s);
    // without a mark, c says how
    h.key(KeyCode::Char('c'));
    assert!(h.screen().contains("mark an article with m"));
    // mark the first (the Guardian), compare with the third (TASS)
    h.key(KeyCode::Char('m'));
    let s = h.screen();
    assert!(s.lines().any(|l| l.starts_with("│A 2023-07-24")), "{s}");
    h.key(KeyCode::Char('j'))
        .key(KeyCode::Char('j'))
        .key(KeyCode::Char('c'));
    let s = h.screen();
    let (a, b) = match h.app.screen() {
        Screen::Compare(c) => (c.a.article.unwrap(), c.b.article.unwrap()),
        other => panic!("not the compare view: {other:?}"),
    };
    assert!(s.contains(&format!(" A {}", &title_of(&h, a)[..30])), "{s}");
    assert!(title_of(&h, b).starts_with("Bereth: partnership"), "{s}");
    // Esc: back to the story's articles, then the stories
    h.key(KeyCode::Esc);
    assert!(h.screen().contains("Story: "));
    h.key(KeyCode::Esc);
    assert!(h.screen().contains("Stories · 2 groups"));
}

#[test]
fn compare_marks_the_reworded_sentences_and_jumps_to_them() {
    let mut h = Harness::with_index(fixture_index(&["tests/fixtures/story"]), 120, 30);
    open_press_conference(&mut h);
    h.key(KeyCode::Char('m'))
        .key(KeyCode::Char('j'))
        .key(KeyCode::Char('j'))
        .key(KeyCode::Char('c'));
    let s = h.screen();
    assert!(s.contains(" reworded"), "the header counts them: {s}");
    let (n_reworded, jumps) = match h.app.screen() {
        Screen::Compare(c) => (c.reworded.len(), c.jumps.len()),
        other => panic!("not the compare view: {other:?}"),
    };
    assert!(n_reworded >= 2, "{s}");
    // n walks the passages and the reworded pairs in A's order, to the
    // one the translated report words differently
    let mut found = None;
    for _ in 0..jumps {
        h.key(KeyCode::Char('n'));
        let s = h.screen();
        if s.contains("The ministers signed four") && s.contains("reworded ") {
            found = Some(s);
            break;
        }
    }
    let s = found.expect("n reaches the reworded pair on the documents signed");
    assert!(s.contains("By results of the negotiations"), "{s}");
    insta::assert_snapshot!("compare_reworded", s);
    // the sentence is drawn in the reworded style (monochrome: underlined,
    // not italic as a passage is)
    let buf = h.terminal.backend().buffer().clone();
    let (x, y) = (0..buf.area.height)
        .find_map(|y| {
            let row: String = (0..buf.area.width).map(|x| buf[(x, y)].symbol()).collect();
            row.find("The ministers signed")
                .map(|bx| (row[..bx].chars().count() as u16, y))
        })
        .unwrap();
    let style = buf[(x + 4, y)].style();
    assert_eq!(style.add_modifier, h.theme.reworded.add_modifier, "{style:?}");
}

#[test]
fn compare_shows_each_sides_speakers_and_formulas() {
    let mut h = Harness::with_index(fixture_index(&["tests/fixtures/story"]), 100, 40);
    open_press_conference(&mut h);
    h.key(KeyCode::Char('m'))
        .key(KeyCode::Char('j'))
        .key(KeyCode::Char('j'))
        .key(KeyCode::Char('c'))
        .key(KeyCode::Char('v'));
    let s = h.screen();
    assert!(s.contains("Speakers and formulas"), "{s}");
    assert!(s.contains("Ruslan Bereth · quoted in both"), "{s}");
    // the same quote translated differently, side by side
    assert!(s.contains("aligned ("), "{s}");
    assert!(
        s.lines().any(
            |l| l.contains("Our partnership without ceilings") && l.contains("│ Our partnership with no")
        ),
        "{s}"
    );
    // the formulas further down
    h.key(KeyCode::Char('G'));
    let s = h.screen();
    assert!(s.contains("Formulas"), "{s}");
    assert!(
        s.contains("only in A (1)") && s.contains("multipolar world · family · A 0 · B 1"),
        "{s}"
    );
    // v (or Esc) goes back to the texts
    h.key(KeyCode::Char('v'));
    assert!(h.screen().contains("┌ A "));
}

#[test]
fn the_compare_header_keeps_its_figures_from_60_to_120_columns() {
    for w in [60u16, 80, 100, 120] {
        let mut h = Harness::with_index(fixture_index(&["tests/fixtures/story"]), w, 30);
        open_press_conference(&mut h);
        h.key(KeyCode::Char('m'))
            .key(KeyCode::Char('j'))
            .key(KeyCode::Char('c'));
        let s = h.screen();
        let lines: Vec<&str> = s.lines().collect();
        assert!(lines[0].contains("shared"), "{w}: {s}");
        assert!(lines[1].contains("reworded"), "{w}: {s}");
    }
}

#[test]
fn no_stories_is_said_not_drawn_as_garbage() {
    let mut h = Harness::with_index(Index::default(), 80, 20);
    h.key(KeyCode::Char('S'));
    let s = h.screen();
    assert!(
        s.contains("No stories: a story needs two articles; there are 0 here."),
        "{s}"
    );
    // one article
    let one = vec![Article::from_text("one.txt", "Only one article here.", false)];
    let mut h = Harness::with_index(Index::new(Corpus::new(one)), 80, 20);
    h.key(KeyCode::Char('S'));
    let s = h.screen();
    assert!(s.contains("there is 1 here"), "{s}");
    assert!(s.contains("Stories · the only article"), "{s}");
    // Enter and c do nothing there
    h.key(KeyCode::Enter).key(KeyCode::Char('c'));
    assert!(h.screen().contains("No stories"));
}

#[test]
fn most_similar_lists_every_article_compare_shares_a_passage_with() {
    let index = fixture_index(&["tests/fixtures/story", "tests/fixtures/stories_extra"]);
    let n = index.len();
    let mut h = Harness::with_index(index, 120, 30);
    let mut checked = 0;
    for row in 0..n {
        h.key(KeyCode::Char('g'));
        for _ in 0..row {
            h.key(KeyCode::Char('j'));
        }
        let source = h.app.selected_article().unwrap().id;
        h.key(KeyCode::Char('f'));
        h.screen();
        let listed: Vec<u32> = match h.app.screen() {
            Screen::Similar(s) => s.results.iter().map(|r| r.id).collect(),
            other => panic!("not the most-similar list: {other:?}"),
        };
        let body = |id: u32| h.app.index.article(id).unwrap().body.clone();
        for other in 0..n as u32 {
            if other == source {
                continue;
            }
            let c = readout::analysis::reuse::compare(&body(source), &body(other));
            if !c.passages.is_empty() {
                checked += 1;
                assert!(
                    listed.contains(&other),
                    "{} shares {} passages with {} but f does not list it",
                    title_of(&h, source),
                    c.passages.len(),
                    title_of(&h, other)
                );
            }
        }
        h.key(KeyCode::Esc);
    }
    println!("{checked} pairs sharing a passage, every one listed by f");
    assert!(checked > 0);
}

#[test]
fn a_view_closed_before_its_groups_came_does_not_get_them_and_a_new_filter_regroups() {
    let mut h = Harness::with_index(fixture_index(&["tests/fixtures/story"]), 120, 20);
    // opened and closed before any work between frames: its result is dropped
    h.key(KeyCode::Char('S')).key(KeyCode::Esc);
    h.key(KeyCode::Char('/'))
        .type_str("pipeline")
        .key(KeyCode::Enter)
        .key(KeyCode::Char('S'));
    h.screen();
    assert_eq!(stories(&h).rows.len(), 1);
    h.key(KeyCode::Esc).key(KeyCode::Esc);
    // all articles; then a story's article read, the filter changed there:
    // back in the view, the groups are those of the new filter
    h.key(KeyCode::Char('S'));
    h.screen();
    assert_eq!(stories(&h).rows.len(), 2);
    h.key(KeyCode::Enter).key(KeyCode::Enter);
    h.key(KeyCode::Char('/')).type_str("pipeline").key(KeyCode::Enter);
    h.key(KeyCode::Esc).key(KeyCode::Esc);
    let s = h.screen();
    let st = stories(&h);
    assert!(st.filtered, "{s}");
    assert_eq!(st.rows.len(), 1, "{s}");
    assert!(st.rows[0].label.contains("Northern Corridor"), "{s}");
}
