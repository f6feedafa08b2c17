//! The reader with what analysts collect: Markdown rendered, details from
//! front matter and pages, a huge text opened at once.

mod support;

use crossterm::event::KeyCode;
use readout::index::Index;
use readout::store::{Article, Corpus, Format};
use support::Harness;

fn markdown(text: &str) -> Article {
    let mut a = Article::from_text("notes.md", text, false);
    a.format = Format::Markdown;
    a
}

#[test]
fn markdown_is_shown_without_its_markup() {
    let a = markdown(
        "---\ntitle: Harbour notes\nauthor: Jo Smith\nurl: https://h.example/notes\n---\n\n## Rock solid ties\n\nThe mayor called it **rock solid** in [a statement](https://h.example/s) on `Monday`.\n\n- first point\n- second point\n",
    );
    let mut h = Harness::with_index(Index::new(Corpus::new(vec![a])), 140, 24);
    let s = h.screen();
    assert!(s.contains("Rock solid ties"), "{s}");
    assert!(!s.contains("## Rock"), "{s}");
    // (lines are wrapped on the source, markup counted: a little short)
    assert!(s.contains("The mayor called it rock solid in a statement"), "{s}");
    assert!(s.contains("on Monday."), "{s}");
    assert!(!s.contains("**") && !s.contains("](") && !s.contains('`'), "{s}");
    assert!(s.contains("- first point"), "{s}");
    // the details: front matter's author and URL
    assert!(s.contains("by Jo Smith"), "{s}");
    assert!(s.contains("https://h.example/notes"), "{s}");
}

#[test]
fn markdown_list_items_follow_one_another() {
    let a = markdown(
        "# Points\n\nThe council listed three points:\n\n- first point\n- second point\n- third point\n\nThen it adjourned.\n",
    );
    let mut h = Harness::with_index(Index::new(Corpus::new(vec![a])), 120, 24);
    let s = h.screen();
    let row = |what: &str| {
        s.lines()
            .position(|l| l.contains(what))
            .unwrap_or_else(|| panic!("{what} not on screen:\n{s}"))
    };
    let (first, second, third) = (row("- first point"), row("- second point"), row("- third point"));
    assert_eq!(
        (second, third),
        (first + 1, first + 2),
        "no blank lines between items:\n{s}"
    );
    // blocks the source sets apart stay apart
    assert_eq!(row("The council listed"), first - 2, "{s}");
    assert_eq!(row("Then it adjourned"), third + 2, "{s}");
}

#[test]
fn a_search_in_markdown_still_finds_the_text() {
    let a = markdown("# Title here\n\nThey said **rock solid** twice: rock solid.\n");
    let mut h = Harness::with_index(Index::new(Corpus::new(vec![a])), 120, 20);
    h.key(KeyCode::Char('/'))
        .type_str("\"rock solid\"")
        .key(KeyCode::Enter)
        .key(KeyCode::Enter)
        .key(KeyCode::Char('n'));
    let s = h.screen();
    assert!(s.contains("match 1/2"), "{s}");
    assert!(s.contains("They said rock solid twice: rock solid."), "{s}");
}

#[test]
fn a_huge_single_line_opens_with_its_first_page() {
    let mut text = String::from("Huge report\n\n");
    while text.len() < 8 << 20 {
        text.push_str("the harbour was busy all week and the council met again ");
    }
    text.push_str("final words");
    let a = Article::from_text("huge.txt", &text, false);
    let t = std::time::Instant::now();
    let mut h = Harness::with_index(Index::new(Corpus::new(vec![a])), 120, 30);
    let s = h.screen();
    let took = t.elapsed();
    assert!(s.contains("the harbour was busy all week"), "{s}");
    eprintln!("8 MB single line: first screen in {took:?} (debug build)");
    // the end is reachable: G goes to the last line
    h.key(KeyCode::Enter).key(KeyCode::Char('G'));
    let s = h.screen();
    assert!(s.contains("again final"), "{s}");
    assert!(s.contains("100%"), "{s}");
}

#[test]
fn phrases_and_matches_far_into_a_long_text_are_reached() {
    // 3 MB: highlights are found around the view only, yet `]` and `n` go on
    let mut text = String::from("Long report\n\n");
    while text.len() < 2 << 20 {
        text.push_str("the harbour was busy all week and the council met again. ");
    }
    text.push_str("Officials called the ties rock solid at the close. ");
    while text.len() < 3 << 20 {
        text.push_str("ships came and went while the council met once more. ");
    }
    text.push_str("final words of the tolls report");
    let a = Article::from_text("long.txt", &text, false);
    let index = || Index::new(Corpus::new(vec![a.clone()]));
    let mut h = Harness::with_index(index(), 120, 30);
    h.key(KeyCode::Enter).key(KeyCode::Char(']'));
    let s = h.screen();
    assert!(s.contains("phrase family: rock solid"), "{s}");
    assert!(s.contains("the ties rock solid at the close"), "{s}");
    // and back from the end, round to it
    h.key(KeyCode::Char('G')).key(KeyCode::Char('['));
    assert!(h.screen().contains("the ties rock solid at the close"));
    // a query's last match, by N from the top
    let mut h = Harness::with_index(index(), 120, 30);
    h.key(KeyCode::Char('/'))
        .type_str("'tolls")
        .key(KeyCode::Enter)
        .key(KeyCode::Enter)
        .key(KeyCode::Char('N'));
    let s = h.screen();
    assert!(s.contains("the tolls report"), "{s}");
    assert!(s.contains("match 1/1"), "{s}");
}
