//! Render tests: the real key → action → update path, drawn on a TestBackend.

mod support;

use crossterm::event::{Event, KeyCode, KeyModifiers, MouseButton, MouseEvent, MouseEventKind};
use readout::app::AppEvent;
use readout::app::{KwicState, Screen, SpeakersState};
use readout::index::Index;
use readout::store::{Article, Corpus};
use support::Harness;

fn speakers(h: &Harness) -> &SpeakersState {
    match h.app.screen() {
        Screen::Speakers(s) => s,
        other => panic!("not the speakers pane: {other:?}"),
    }
}

fn kwic(h: &Harness) -> &KwicState {
    match h.app.screen() {
        Screen::Kwic(k) => k,
        other => panic!("not a concordance: {other:?}"),
    }
}

#[test]
fn startup_screen() {
    let mut h = Harness::bundled(120, 30);
    insta::assert_snapshot!(h.screen());
}

#[test]
fn narrow_terminal_stacks_panes() {
    let mut h = Harness::bundled(80, 24);
    insta::assert_snapshot!(h.screen());
}

#[test]
fn filter_as_you_type() {
    let mut h = Harness::bundled(120, 30);
    h.key(KeyCode::Char('/')).type_str("patru");
    let s = h.screen();
    assert!(s.contains("/patru"), "{s}");
    // Patrushev is in no title: the article matches through its quoted speaker
    assert!(s.contains("1 of 5 articles"), "{s}");
    insta::assert_snapshot!(s);
}

#[test]
fn phrase_filter_then_jump_between_matches() {
    let mut h = Harness::bundled(120, 30);
    h.key(KeyCode::Char('/'))
        .type_str("\"rock solid\"")
        .key(KeyCode::Enter);
    let s = h.screen();
    assert!(s.contains("2 of 5 articles"), "{s}");
    assert!(s.contains("filter: \"rock solid\""));
    h.key(KeyCode::Enter).key(KeyCode::Char('n'));
    assert!(h.screen().contains("match 1/3"));
    h.key(KeyCode::Char('n')).key(KeyCode::Char('n'));
    let s = h.screen();
    assert!(s.contains("match 3/3"), "{s}");
    // the third match ("rock solid" near the end) is in view
    assert!(s.contains("rock solid") || s.contains("rock-"), "{s}");
    h.key(KeyCode::Char('N'));
    assert!(h.screen().contains("match 2/3"));
    // the load finishing afterwards (speakers arrive, the filter is applied
    // again) keeps the match jumped to
    h.app.handle(AppEvent::Load(readout::loader::LoadEvent::Done {
        elapsed: std::time::Duration::from_millis(100),
    }));
    let s = h.screen();
    assert!(s.contains("match 2/3"), "{s}");
    assert!(s.contains("loaded and analysed"), "{s}");
}

#[test]
fn escape_clears_the_filter() {
    let mut h = Harness::bundled(120, 30);
    h.key(KeyCode::Char('/')).type_str("wang").key(KeyCode::Esc);
    let s = h.screen();
    assert!(s.contains(" 5 articles"), "{s}");
    assert!(!s.contains("/wang"));
}

#[test]
fn bad_query_shows_a_message_and_keeps_the_list() {
    let mut h = Harness::bundled(120, 30);
    h.key(KeyCode::Char('/')).type_str("rock |");
    let s = h.screen();
    assert!(s.contains("'|' needs a term on each side"), "{s}");
    h.type_str(" #nosuchfamily");
    let s = h.screen();
    assert!(s.contains("no phrase family 'nosuchfamily'"), "{s}");
}

#[test]
fn enter_never_closes_a_query_that_does_not_work() {
    for (query, error) in [("date:2023-13", "date"), ("\"rock", "unclosed quote")] {
        let mut h = Harness::bundled(120, 30);
        h.key(KeyCode::Char('/')).type_str(query).key(KeyCode::Enter);
        let s = h.screen();
        // still on the query line, with its error; the status never claims
        // the filter applies
        assert!(s.contains(&format!("/{query}")), "{query}: {s}");
        assert!(s.contains(error), "{query}: {s}");
        assert!(s.contains("Esc to clear"), "{query}: {s}");
        assert!(!s.contains(&format!("filter: {query}")), "{query}: {s}");
        // closing the quote (or fixing the date) and Enter keep it
        h.key(KeyCode::Backspace)
            .type_str(if query.starts_with('"') { "k\"" } else { "2" });
        h.key(KeyCode::Enter);
        let s = h.screen();
        assert!(s.contains(" · filter: "), "{query}: {s}");
        assert!(!s.contains("Esc to clear"), "{query}: {s}");
    }
}

#[test]
fn help_overlay_is_generated_from_the_keymap() {
    let mut h = Harness::bundled(120, 40);
    h.key(KeyCode::Char('?'));
    let s = h.screen();
    // every binding's help text is shown (some scroll below the fold)
    let mut all = s.clone();
    let mut pages = Harness::bundled(120, 40);
    pages.key(KeyCode::Char('?'));
    for _ in 0..16 {
        all.push_str(&pages.key(KeyCode::PageDown).screen());
    }
    for b in h.app.keymap.bindings() {
        if b.context == readout::app::Context::Global {
            assert!(all.contains(&b.help), "missing {:?} in\n{all}", b.help);
        }
    }
    insta::assert_snapshot!(s);
    // the position shows; scrolling stops at the end, so one key back up moves
    let total = s.split("1-30/").nth(1).and_then(|r| r.split(' ').next()).unwrap();
    let total: usize = total.parse().unwrap();
    h.key(KeyCode::End);
    let s = h.screen();
    assert!(s.contains(&format!("{}-{total}/{total}", total - 29)), "{s}");
    h.key(KeyCode::Up);
    let s = h.screen();
    assert!(
        s.contains(&format!("{}-{}/{total}", total - 30, total - 1)),
        "{s}"
    );
    // a page down from the top shows the next lines, none skipped
    h.key(KeyCode::Home).key(KeyCode::PageDown);
    let s = h.screen();
    assert!(s.contains("31-60/"), "{s}");
    h.key(KeyCode::Esc);
    assert!(!h.screen().contains("Help — Esc closes"));
}

#[test]
fn list_navigation_previews_the_article() {
    let mut h = Harness::bundled(120, 30);
    h.key(KeyCode::Char('j')).key(KeyCode::Char('j'));
    assert!(h.screen().contains("┌ China-Russia Relations Are ‘Rock Solid,’"));
    h.key(KeyCode::Char('G'));
    assert!(
        h.screen()
            .contains("┌ China-Russia relations ‘rock solid’ as Ukraine")
    );
    h.key(KeyCode::Char('g'));
    assert!(
        h.screen()
            .contains("┌ Russia relationship better than an alliance")
    );
}

#[test]
fn reader_scrolls_and_shows_position() {
    let mut h = Harness::bundled(120, 30);
    h.key(KeyCode::Enter);
    assert!(h.screen().contains(" 1-25/6"));
    h.key(KeyCode::Char(' '));
    let s = h.screen();
    assert!(s.contains(" 25-49/6"), "{s}");
    h.key(KeyCode::Char('G'));
    assert!(h.screen().contains("100%"));
    h.key(KeyCode::Char('u'));
    assert!(!h.screen().contains("100%"));
    // Shift-Tab back to the list; j moves the selection again
    h.key_mod(KeyCode::BackTab, KeyModifiers::SHIFT)
        .key(KeyCode::Char('j'));
    assert!(
        h.screen()
            .contains("┌ Chinese Foreign Minister Wang Yi emphasized")
    );
}

#[test]
fn mouse_click_selects_and_wheel_scrolls() {
    let mut h = Harness::bundled(120, 30);
    let click = |x, y| {
        Event::Mouse(MouseEvent {
            kind: MouseEventKind::Down(MouseButton::Left),
            column: x,
            row: y,
            modifiers: KeyModifiers::NONE,
        })
    };
    // rows start at y=2 (border, header)
    h.event(click(5, 4));
    assert!(h.screen().contains("┌ China-Russia Relations Are ‘Rock Solid,’"));
    let wheel = Event::Mouse(MouseEvent {
        kind: MouseEventKind::ScrollDown,
        column: 80,
        row: 10,
        modifiers: KeyModifiers::NONE,
    });
    h.event(wheel);
    assert!(h.screen().contains(" 4-"), "{}", h.screen());
}

#[test]
fn tiny_terminals_get_a_message_and_never_panic() {
    let mut h = Harness::bundled(20, 5);
    assert!(h.screen().contains("Terminal too"));
    for (w, hh) in [
        (1, 1),
        (2, 1),
        (1, 3),
        (29, 7),
        (30, 8),
        (31, 9),
        (45, 12),
        (99, 20),
        (100, 20),
    ] {
        h.resize(w, hh);
        let _ = h.screen();
        h.key(KeyCode::Char('/'))
            .type_str("rock")
            .key(KeyCode::Enter)
            .key(KeyCode::Tab)
            .key(KeyCode::Char('n'));
        let _ = h.screen();
        h.key(KeyCode::Esc).key(KeyCode::Esc);
    }
}

#[test]
fn control_sequences_in_articles_never_reach_the_screen() {
    let evil = Article::from_text(
        "evil.txt",
        "Evil \u{1b}]0;pwned\u{7}title\n\n\u{1b}[2J\u{1b}[31mred\u{9b}1m text \u{202e}reversed\r\nline",
        false,
    );
    let mut h = Harness::with_index(Index::new(Corpus::new(vec![evil])), 100, 20);
    let s = h.screen();
    assert!(s.contains("Evil title"), "{s}");
    assert!(
        s.contains("red1m text reversed") || s.contains("red text reversed"),
        "{s}"
    );
    assert!(!s.chars().any(|c| c.is_control() && c != '\n'), "{s:?}");
}

#[test]
fn a_file_name_with_control_sequences_is_shown_with_visible_escapes() {
    let evil = Article::from_text("evil\u{1b}[31mname.txt", "Title\n\nSome text.", false);
    let mut h = Harness::with_index(Index::new(Corpus::new(vec![evil])), 120, 20);
    let s = h.screen();
    // as the headless commands print it, not silently cut to "evil[31mname"
    assert!(s.contains("evil\\u{1b}[31mname.txt"), "{s}");
    assert!(!s.chars().any(|c| c.is_control() && c != '\n'), "{s:?}");
}

#[test]
fn ctrl_c_quits_even_while_typing() {
    let mut h = Harness::bundled(100, 30);
    h.key(KeyCode::Char('/')).type_str("q");
    assert!(!h.app.should_quit, "q is typed into the query line");
    h.key_mod(KeyCode::Char('c'), KeyModifiers::CONTROL);
    assert!(h.app.should_quit);
}

fn twin_index() -> Index {
    let wire = "Chinese Foreign Minister Wang Yi said relations with Russia were rock solid and would not be swayed by any third party, according to a transcript released on Sunday.";
    let a = Article::from_text(
        "a.txt",
        &format!(
            "Report from Beijing\n\nThe meeting was brief. {wire}\n\nOther local news follows here with nothing shared at all."
        ),
        false,
    );
    let b = Article::from_text(
        "b.txt",
        &format!(
            "Wire copy in Moscow\n\nAnalysts were surprised by nothing. {}\n\nA different ending entirely.",
            wire.replace("Sunday", "Monday")
        ),
        false,
    );
    let c = Article::from_text(
        "c.txt",
        "Unrelated markets story\n\nStocks rose on Tuesday.",
        false,
    );
    let articles = vec![a, b, c];
    let facts = readout::facts::Analyzer::new().facts_all(&articles);
    Index::with_facts(Corpus::new(articles), facts)
}

#[test]
fn compare_two_marked_articles() {
    let mut h = Harness::with_index(twin_index(), 120, 30);
    h.key(KeyCode::Char('c'));
    assert!(h.screen().contains("mark two articles with m"));
    h.key(KeyCode::Char('m'))
        .key(KeyCode::Char('j'))
        .key(KeyCode::Char('m'));
    let s = h.screen();
    assert!(s.contains("│A Report from Beijing"), "{s}");
    assert!(s.contains("│B Wire copy in Moscow"), "{s}");
    h.key(KeyCode::Char('c'));
    let s = h.screen();
    assert!(s.contains(" A Report from Beijing"), "{s}");
    assert!(s.contains("shared with B"), "{s}");
    assert!(s.contains("1 shared passage, 27 words"), "{s}");
    h.key(KeyCode::Char('n'));
    let s = h.screen();
    assert!(s.contains("passage 1/1"), "{s}");
    insta::assert_snapshot!(s);
    h.key(KeyCode::Char('L'))
        .key(KeyCode::Tab)
        .key(KeyCode::Char('j'));
    assert!(h.screen().contains("scrolling unlocked") || h.screen().contains("passage 1/1"));
    h.key(KeyCode::Esc);
    assert!(h.screen().contains("Articles 3"));
}

#[test]
fn compare_stacks_on_a_narrow_terminal() {
    let mut h = Harness::with_index(twin_index(), 80, 30);
    h.key(KeyCode::Char('m'))
        .key(KeyCode::Char('j'))
        .key(KeyCode::Char('c'));
    let s = h.screen();
    let a_row = s.lines().position(|l| l.starts_with("┌ A ")).unwrap();
    let b_row = s.lines().position(|l| l.starts_with("┌ B ")).unwrap();
    assert!(b_row > a_row, "{s}");
}

#[test]
fn most_similar_then_compare() {
    let mut h = Harness::with_index(twin_index(), 120, 30);
    h.key(KeyCode::Char('f'));
    let s = h.screen();
    assert!(s.contains("Most similar to: Report from Beijing"), "{s}");
    assert!(s.contains("Wire copy in Moscow"), "{s}");
    assert!(!s.contains("Unrelated markets story"), "{s}");
    h.key(KeyCode::Enter);
    let s = h.screen();
    assert!(s.contains(" B Wire copy in Moscow"), "{s}");
    h.key(KeyCode::Esc);
    assert!(h.screen().contains("Most similar to"));
    h.key(KeyCode::Esc);
    assert!(h.screen().contains("Articles 3"));
}

#[test]
fn speakers_pane_narrows_filters_and_lists_quotes() {
    let mut h = Harness::bundled(120, 30);
    h.key(KeyCode::Char('s'));
    let s = h.screen();
    assert!(s.contains("Speakers ·"), "{s}");
    // people first: Wang Yi is quoted in all five articles
    let wang = s.lines().position(|l| l.contains("│Wang Yi")).unwrap();
    let kremlin = s.lines().position(|l| l.contains("│Kremlin")).unwrap();
    assert!(wang < kremlin, "{s}");
    insta::assert_snapshot!(s);
    // j and k move, as everywhere
    h.key(KeyCode::Char('j'));
    assert_eq!(speakers(&h).picker.current(), Some(1));
    h.key(KeyCode::Char('k'));
    // / opens the narrowing line; then letters are typed
    h.key(KeyCode::Char('/')).type_str("patru");
    let s = h.screen();
    assert!(s.contains("Nikolai Patrushev"), "{s}");
    assert!(!s.contains("│Wang Yi"), "{s}");
    // Tab: everything he said
    h.key(KeyCode::Tab);
    let s = h.screen();
    assert!(s.contains("What Nikolai Patrushev said · 6 quotes"), "{s}");
    // narrowing the quotes too (their one-line texts made on the first key)
    h.key(KeyCode::Char('/')).type_str("bloody");
    let s = h.screen();
    assert!(s.contains("The bloody events unleashed by the West"), "{s}");
    assert!(s.contains("bloody   1 of them"), "{s}");
    for _ in 0.."bloody".len() {
        h.key(KeyCode::Backspace);
    }
    // Enter keeps the narrowing line's text; Enter again opens the article
    // with the quote in view
    h.key(KeyCode::Enter).key(KeyCode::Char('j'));
    let chosen = match h.app.screen() {
        Screen::Quotes(q) => q.picker.current(),
        other => panic!("{other:?}"),
    };
    h.key(KeyCode::Enter);
    let s = h.screen();
    assert!(s.contains("The bloody events unleashed by the West"), "{s}");
    assert!(
        s.contains("┌ China-Russia relations ‘rock solid’ as Ukraine"),
        "{s}"
    );
    // Esc: back to the quotes as they were, the same quote selected
    h.key(KeyCode::Esc);
    let s = h.screen();
    assert!(s.contains("What Nikolai Patrushev said · 6 quotes"), "{s}");
    match h.app.screen() {
        Screen::Quotes(q) => assert_eq!(q.picker.current(), chosen),
        other => panic!("{other:?}"),
    }
}

#[test]
fn enter_on_a_speaker_filters_the_articles() {
    let mut h = Harness::bundled(120, 30);
    h.key(KeyCode::Char('s'))
        .key(KeyCode::Char('/'))
        .type_str("patrushev")
        .key(KeyCode::Enter)
        .key(KeyCode::Enter);
    let s = h.screen();
    assert!(s.contains("1 of 5 articles"), "{s}");
    assert!(s.contains("filter: @\"Nikolai Patrushev\""), "{s}");
}

#[test]
fn quotes_shown_attributed_in_the_reader() {
    let mut h = Harness::bundled(120, 30);
    h.key(KeyCode::Char('G')).key(KeyCode::Char('a'));
    let s = h.screen();
    assert!(s.contains("quotes attributed"), "{s}");
    // the speaker's name stands in the margin beside the quote
    assert!(s.contains("Wang Yi ┆"), "{s}");
    insta::assert_snapshot!(s);
    h.key(KeyCode::Char('a'));
    assert!(!h.screen().contains("Wang Yi ┆"));
}

#[test]
fn a_narrow_pane_drops_its_last_hints_rather_than_cutting_the_first() {
    let mut h = Harness::bundled(60, 20);
    h.key(KeyCode::Char('p'));
    let s = h.screen();
    let bottom = s
        .lines()
        .rev()
        .find(|l| l.starts_with('└'))
        .expect("the pane's bottom border");
    // the first hint whole, right after the corner's border run
    let hints = bottom.trim_start_matches(['└', '─', ' ']);
    assert!(hints.starts_with("Enter "), "{bottom}");
    assert!(bottom.ends_with('┘'), "{bottom}");
}

#[test]
fn phrases_pane_chart_concordance_and_back_to_the_text() {
    let mut h = Harness::bundled(120, 34);
    h.key(KeyCode::Char('p'));
    let s = h.screen();
    assert!(s.contains("Phrases · 12 families"), "{s}");
    assert!(s.contains("per article, by date"), "{s}");
    h.key(KeyCode::Char('/')).type_str("rock");
    let s = h.screen();
    assert!(s.contains("“rock solid”: 6 times in 2 articles"), "{s}");
    insta::assert_snapshot!(s);
    h.key(KeyCode::Tab);
    let s = h.screen();
    assert!(s.contains("Concordance · “rock solid” · 6 occurrences"), "{s}");
    assert!(s.contains(" solid as a rock "), "{s}");
    // Enter on "solid as a rock" opens 004 with it in view
    h.key(KeyCode::End)
        .key(KeyCode::Down)
        .key(KeyCode::Down)
        .key(KeyCode::Down)
        .key(KeyCode::Down)
        .key(KeyCode::Down);
    h.key(KeyCode::Enter);
    let s = h.screen();
    assert!(
        s.contains("┌ China-Russia relations ‘rock solid’ as Ukraine"),
        "{s}"
    );
    assert!(s.contains("solid as a rock"), "{s}");
    // Esc: back to the concordance it came from, as it was
    h.key(KeyCode::Esc);
    let s = h.screen();
    assert!(s.contains("Concordance · “rock solid”"), "{s}");
    assert_eq!(kwic(&h).picker.cursor.selected, 5, "{s}");
    // and Esc again to the phrases pane, still narrowed
    h.key(KeyCode::Esc);
    assert!(h.screen().contains("› rock   "), "{}", h.screen());
}

#[test]
fn enter_on_a_family_filters_by_it() {
    let mut h = Harness::bundled(120, 30);
    h.key(KeyCode::Char('p'))
        .key(KeyCode::Char('/'))
        .type_str("rock")
        .key(KeyCode::Enter)
        .key(KeyCode::Enter);
    let s = h.screen();
    assert!(s.contains("2 of 5 articles"), "{s}");
    assert!(s.contains("filter: #\"rock solid\""), "{s}");
}

#[test]
fn phrase_highlights_legend_and_jumps() {
    let mut h = Harness::bundled(120, 30);
    // 004: rock solid, solid as rock, solid as a rock
    h.key(KeyCode::Char('G'));
    let s = h.screen();
    assert!(s.contains("■ rock solid"), "{s}");
    h.key(KeyCode::Char(']'));
    let s = h.screen();
    assert!(
        s.contains("phrase family:") || s.contains("recurring phrase: “"),
        "{s}"
    );
    for _ in 0..6 {
        h.key(KeyCode::Char(']'));
    }
    let s = h.screen();
    assert!(
        s.contains("phrase family:") || s.contains("recurring phrase"),
        "{s}"
    );
    h.key(KeyCode::Char('['));
    // highlights off: no legend
    h.key(KeyCode::Char('H'));
    let s = h.screen();
    assert!(!s.contains("■ rock solid"), "{s}");
    assert!(s.contains("highlights off"), "{s}");
}

#[test]
fn phrases_pane_says_when_mining_used_a_sample() {
    let articles = readout::store::bundled_articles();
    let facts = readout::facts::Analyzer::new().facts_all(&articles);
    let mut index = readout::index::Index::with_facts(readout::store::Corpus::new(articles), facts);
    index.mine_phrases(&Default::default());
    index.set_mined_sampled(true);
    let mut h = support::Harness::with_index(index, 140, 30);
    h.key(KeyCode::Char('p'));
    let s = h.screen();
    assert!(s.contains("chosen from a sample of"), "{s}");
}

#[test]
fn keys_wait_while_the_terminal_is_too_small() {
    let mut h = Harness::bundled(120, 30);
    h.resize(20, 5);
    assert!(h.screen().contains("Terminal too small"));
    // unseen, they would open panes and type into them
    h.key(KeyCode::Char('p')).key(KeyCode::Char('?'));
    h.resize(120, 30);
    let s = h.screen();
    assert!(!s.contains("Phrases ·"), "{s}");
    assert!(s.contains("5 articles"), "{s}");
    // q still quits
    h.resize(20, 5);
    h.key(KeyCode::Char('q'));
    assert!(h.app.should_quit);
}

#[test]
fn the_selected_concordance_line_keeps_its_match_highlighted() {
    use ratatui::style::Color;
    let mut h = Harness::bundled(120, 34);
    h.theme = readout::ui::Theme::colored();
    h.key(KeyCode::Char('p'))
        .key(KeyCode::Char('/'))
        .type_str("rock")
        .key(KeyCode::Tab);
    h.screen();
    let selected_bg = readout::ui::Theme::colored().selected.bg;
    let buf = h.terminal.backend().buffer();
    let rows: Vec<u16> = (0..buf.area.height)
        .filter(|&y| (0..buf.area.width).any(|x| buf[(x, y)].bg == selected_bg.unwrap()))
        .collect();
    assert_eq!(rows.len(), 1, "one selected line: {rows:?}");
    let y = rows[0];
    let matched: String = (0..buf.area.width)
        .filter(|&x| buf[(x, y)].bg == Color::Yellow)
        .map(|x| buf[(x, y)].symbol().to_string())
        .collect();
    assert!(matched.to_lowercase().starts_with("rock"), "{matched:?}");
}

#[test]
fn a_long_message_leaves_the_first_key_hints() {
    let mut h = Harness::bundled(90, 24);
    h.app.message = Some("12345 articles loaded and analysed in 12.3 s".into());
    let s = h.screen();
    let status = s.lines().last().unwrap();
    assert!(status.contains("loaded and analysed"), "{status}");
    assert!(status.contains("? help"), "{status}");
    assert!(!status.contains("quit"), "the last hints make way: {status}");
}

#[test]
fn long_load_issues_wrap_in_their_popup() {
    use readout::store::{Issue, IssueKind};
    let mut h = Harness::bundled(80, 24);
    let path = format!("/data/{}/article.txt", "very-long-folder-name/".repeat(5));
    h.app.issues = vec![Issue {
        path: path.clone(),
        kind: IssueKind::Skipped,
        message: "binary file".into(),
    }];
    h.key(KeyCode::Char('i'));
    let s = h.screen();
    assert!(s.contains("Load issues"), "{s}");
    // the whole path and the reason are there, over several lines
    let text: String = s
        .lines()
        .map(|l| l.trim_matches(|c: char| c == '│' || c == ' ' || c == '║' || c == '█'))
        .collect();
    assert!(text.replace(' ', "").contains("article.txt"), "{s}");
    assert!(s.contains("binary file"), "{s}");
}

#[test]
fn keys_typed_together_evaluate_the_filter_once_before_anything_else() {
    let mut h = Harness::bundled(120, 30);
    h.key(KeyCode::Char('/')).type_str("\"rock solid\"");
    // typed, not evaluated yet: that waits for the frame (or another key)
    assert!(h.app.filter_pending);
    assert_eq!(h.app.filter.hits.len(), 5);
    // Enter acts on the filter as typed
    h.key(KeyCode::Enter);
    assert!(!h.app.filter_pending);
    assert_eq!(h.app.filter.hits.len(), 2);
    // the frame evaluates what was typed since
    h.key(KeyCode::Char('/')).type_str(" 'xyzzy");
    assert!(h.app.filter_pending);
    let s = h.screen();
    assert!(!h.app.filter_pending);
    assert!(s.contains("0 of 5 articles"), "{s}");
}

#[test]
fn a_phrase_typed_a_key_per_frame_finds_what_it_finds_typed_at_once() {
    for sliced in [false, true] {
        let mut h = Harness::bundled(120, 30);
        if sliced {
            // evaluated in slices between frames, as past 20,000 articles
            h.app.filter.at_once = 1;
        }
        h.key(KeyCode::Char('/'));
        for c in "\"rock solid\"".chars() {
            h.key(KeyCode::Char(c));
            h.screen();
        }
        let s = h.screen();
        assert!(s.contains("2 of 5 articles"), "sliced {sliced}: {s}");
    }
}

/// The app with three bundled articles loaded, and the other two, to come.
fn three_then_two(w: u16, height: u16) -> (Harness, Vec<Article>) {
    let mut articles = readout::store::bundled_articles();
    let more = articles.split_off(3);
    let facts = readout::facts::Analyzer::new().facts_all(&articles);
    let index = Index::with_facts(Corpus::new(articles), facts);
    (Harness::with_index(index, w, height), more)
}

/// Delivers `articles` as the loader's next batch.
fn load_batch(h: &mut Harness, articles: Vec<Article>) {
    let facts = readout::facts::Analyzer::new().facts_all(&articles);
    h.app.handle(AppEvent::Load(readout::loader::LoadEvent::Batch {
        articles,
        facts,
        issues: Vec::new(),
        files_done: 5,
        bytes_done: 0,
    }));
}

#[test]
fn a_load_batch_right_after_a_filter_key_keeps_the_hits() {
    // the bundled five first, then a batch of two more arriving between a
    // key typed into the filter and the next frame (sliced evaluation)
    let (mut h, more) = three_then_two(120, 30);
    h.app.filter.at_once = 1;
    h.key(KeyCode::Char('/')).type_str("chin");
    let before = h.screen();
    assert!(before.contains("of 3 articles"), "{before}");
    h.type_str("a");
    load_batch(&mut h, more);
    let s = h.screen();
    // what typing "china" over all five finds at once
    let mut all = Harness::bundled(120, 30);
    all.key(KeyCode::Char('/')).type_str("china");
    let expected = all.screen();
    let count = |s: &str| {
        s.lines()
            .last()
            .unwrap()
            .split(" articles")
            .next()
            .unwrap()
            .to_string()
    };
    assert_eq!(count(&s), count(&expected), "{s}");
    assert!(!s.contains(" 0 of 5"), "{s}");
}

#[test]
fn the_phrases_pane_and_concordance_fit_a_small_terminal() {
    let mut h = Harness::bundled(120, 34);
    h.key(KeyCode::Char('p'))
        .key(KeyCode::Char('/'))
        .type_str("rock")
        .key(KeyCode::Tab);
    // the concordance opened wide, then the terminal shrank: the match stays in view
    h.resize(60, 20);
    let s = h.screen();
    let matches = s
        .lines()
        .filter(|l| !l.contains("Concordance"))
        .filter(|l| l.to_lowercase().contains("rock solid") || l.to_lowercase().contains("rock-solid"))
        .count();
    assert!(matches >= 3, "{s}");
    // the phrases pane in a short terminal lists phrases (the chart makes way)
    let mut h = Harness::bundled(40, 12);
    h.key(KeyCode::Char('p'));
    let s = h.screen();
    assert!(s.contains("hegemony"), "{s}");
}

#[test]
fn the_phrases_pane_follows_the_load() {
    let (mut h, more) = three_then_two(140, 34);
    h.key(KeyCode::Char('p')).key(KeyCode::Char('/')).type_str("rock");
    let before = h.screen();
    load_batch(&mut h, more);
    h.app.handle(AppEvent::Load(readout::loader::LoadEvent::Done {
        elapsed: std::time::Duration::from_millis(10),
    }));
    let after = h.screen();
    // typed and selected as before, counted over all five now
    assert!(after.contains("› rock"), "{after}");
    assert!(
        after.contains("“rock solid”: 6 times in 2 articles"),
        "before:\n{before}\nafter:\n{after}"
    );
}

#[test]
fn clearing_a_filter_after_a_live_reload_removed_a_file_keeps_the_article() {
    let articles: Vec<Article> = ["Alpha", "Bravo", "Charlie", "Delta"]
        .iter()
        .map(|t| {
            Article::from_text(
                format!("{}.txt", t.to_lowercase()),
                &format!("{t} report\n\nSome text about {t}."),
                false,
            )
        })
        .collect();
    let mut h = Harness::with_index(Index::new(Corpus::new(articles)), 120, 30);
    // the first file is deleted: rows no longer match article ids
    h.app.handle(AppEvent::Changes(readout::watch::Changes {
        loaded: Vec::new(),
        removed: vec!["alpha.txt".into()],
        ..Default::default()
    }));
    let s = h.screen();
    assert!(s.contains("3 articles"), "{s}");
    assert!(s.contains("┌ Bravo report"), "{s}");
    h.key(KeyCode::Char('/')).type_str("bravo");
    assert!(h.screen().contains("1 of 3 articles"));
    h.key(KeyCode::Esc);
    let s = h.screen();
    assert!(s.contains(" 3 articles"), "{s}");
    assert!(
        s.contains("┌ Bravo report"),
        "the same article stays selected: {s}"
    );
    // and after keeping a filter, Esc in the list clears it the same way
    h.key(KeyCode::Char('/')).type_str("delta").key(KeyCode::Enter);
    h.key(KeyCode::Esc);
    let s = h.screen();
    assert!(s.contains(" 3 articles"), "{s}");
    assert!(s.contains("┌ Delta report"), "{s}");
}

#[test]
fn n_steps_through_a_family_filtered_by_from_the_list_like_brackets() {
    // Enter on a family in the phrases pane, or #label typed: n finds its
    // occurrences, from the list as from the reader
    for how in ["pane", "typed"] {
        let mut h = Harness::bundled(120, 30);
        if how == "pane" {
            h.key(KeyCode::Char('p'))
                .key(KeyCode::Char('/'))
                .type_str("rock")
                .key(KeyCode::Enter)
                .key(KeyCode::Enter);
        } else {
            h.key(KeyCode::Char('/'))
                .type_str("#rock-solid")
                .key(KeyCode::Enter);
        }
        let s = h.screen();
        assert!(s.contains("2 of 5 articles"), "{how}: {s}");
        h.key(KeyCode::Char('n'));
        let s = h.screen();
        assert!(s.contains("match 1/"), "{how}: {s}");
        assert!(!s.contains("no query matches"), "{how}: {s}");
        assert_eq!(h.app.focus, readout::app::Focus::Reader, "{how}");
        h.key(KeyCode::Char('n'));
        assert!(h.screen().contains("match 2/"), "{how}");
    }
    // ] from the list moves to the reader as n does
    let mut h = Harness::bundled(120, 30);
    h.key(KeyCode::Char('G')).key(KeyCode::Char(']'));
    assert_eq!(h.app.focus, readout::app::Focus::Reader);
}

#[test]
fn emoji_sequences_take_the_columns_every_terminal_gives_them() {
    use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};
    let article = Article::from_text(
        "emoji.txt",
        "Fans 👍🏽 the deal ❤\u{fe0f}\n\nA family 👨\u{200d}👩\u{200d}👧 waved; thumbs 👍🏿 up, 1\u{fe0f}\u{20e3} first.",
        false,
    );
    let mut h = Harness::with_index(Index::new(Corpus::new(vec![article])), 100, 20);
    let s = h.screen();
    assert!(s.contains("Fans 👍"), "{s}");
    assert!(s.contains("family 👨"), "{s}");
    // every cell draws as wide code point by code point (xterm, tmux) as
    // ratatui counts it: nothing lands where it does not expect
    let buf = h.terminal.backend().buffer();
    for cell in &buf.content {
        let sym = cell.symbol();
        let each: usize = sym.chars().map(|c| c.width().unwrap_or(0)).sum();
        assert_eq!(sym.width(), each, "{sym:?} in\n{s}");
    }
}

#[test]
fn ctrl_l_asks_for_the_screen_to_be_drawn_again_even_while_typing() {
    let mut h = Harness::bundled(100, 30);
    assert!(!h.app.take_redraw());
    h.key_mod(KeyCode::Char('l'), KeyModifiers::CONTROL);
    assert!(h.app.take_redraw());
    assert!(!h.app.take_redraw(), "once");
    h.key(KeyCode::Char('/')).type_str("wa");
    h.key_mod(KeyCode::Char('l'), KeyModifiers::CONTROL);
    assert!(h.app.take_redraw());
    assert_eq!(h.app.filter.input, "wa", "not typed");
}

#[test]
fn the_compare_header_keeps_its_figures_at_any_width() {
    let wire = "Chinese Foreign Minister Wang Yi said relations with Russia were rock solid and would not be swayed by any third party, according to a transcript released on Sunday.";
    let long = "China and Russia pledge to deepen their strategic partnership as foreign ministers meet in Beijing for talks";
    let a = Article::from_text(
        "a.txt",
        &format!("{long} (first report)\n\nThe meeting was brief. {wire}\n\nOther local news follows."),
        false,
    );
    let b = Article::from_text(
        "b.txt",
        &format!("{long} (wire copy)\n\nAnalysts were surprised. {wire}\n\nA different ending entirely."),
        false,
    );
    let articles = vec![a, b];
    let facts = readout::facts::Analyzer::new().facts_all(&articles);
    for width in [120, 100, 80, 60] {
        let index = Index::with_facts(Corpus::new(articles.clone()), facts.clone());
        let mut h = Harness::with_index(index, width, 30);
        h.key(KeyCode::Char('m'))
            .key(KeyCode::Char('j'))
            .key(KeyCode::Char('c'));
        let s = h.screen();
        let lines: Vec<&str> = s.lines().collect();
        assert!(lines[0].starts_with(" A China and Russia"), "{width}: {s}");
        assert!(
            lines[0].contains("% of A is shared with B") || lines[0].ends_with("% shared"),
            "{width}: {s}"
        );
        let b = lines[1];
        assert!(
            b.contains("shared passage") && b.ends_with(" words"),
            "{width}: {s}"
        );
        assert!(lines[1].contains('…'), "the title gives way: {s}");
    }
}

#[test]
fn the_family_legend_counts_the_families_it_has_no_room_for() {
    for width in [60, 80, 120] {
        let mut h = Harness::bundled(width, 30);
        for row in 0..5 {
            h.key(KeyCode::Char('g'));
            for _ in 0..row {
                h.key(KeyCode::Char('j'));
            }
            let s = h.screen();
            let id = h.app.reader.article.unwrap();
            let labels: Vec<String> = h
                .app
                .index
                .families_of(id)
                .iter()
                .map(|&f| h.app.index.family_labels()[usize::from(f)].clone())
                .collect();
            if labels.is_empty() {
                continue;
            }
            let legend = s
                .lines()
                .find(|l| l.contains("■ "))
                .unwrap_or_else(|| panic!("{s}"));
            // every label shown is whole; those left out are counted
            let shown = labels
                .iter()
                .filter(|label| legend.contains(&format!("■ {label}  ")))
                .count();
            assert_eq!(shown, legend.matches('■').count(), "{width}: {legend}");
            if shown < labels.len() {
                let more = format!("+{} more", labels.len() - shown);
                assert!(legend.contains(&more), "{width}: {legend}");
            }
        }
    }
}

#[test]
fn the_phrases_pane_saves_a_mined_phrase_as_a_family_and_hides_one_for_good() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("phrases.toml");
    let mut h = Harness::bundled(140, 34);
    h.app.phrases_file = Some(file.clone());
    h.key(KeyCode::Char('p'));
    // a family is not a mined phrase: nothing is written
    h.key_mod(KeyCode::Char('s'), KeyModifiers::CONTROL);
    assert!(h.screen().contains("only a mined phrase"), "{}", h.screen());
    assert!(!file.exists());
    // the first mined row, after the families
    let families = h.app.index.book().families().len();
    for _ in 0..families {
        h.key(KeyCode::Char('j'));
    }
    let phrase = h.app.index.mined()[0].phrase.clone();
    h.key_mod(KeyCode::Char('s'), KeyModifiers::CONTROL);
    let s = h.screen();
    assert!(s.contains(&format!("family \"{phrase}\" saved")), "{s}");
    let saved = std::fs::read_to_string(&file).unwrap();
    assert!(saved.contains(&phrase), "{saved}");
    // hidden for good: gone from the pane, saved in the same file
    h.key_mod(KeyCode::Char('x'), KeyModifiers::CONTROL);
    let s = h.screen();
    assert!(s.contains("hidden for good"), "{s}");
    let saved = std::fs::read_to_string(&file).unwrap();
    assert!(saved.contains("[[hide]]"), "{saved}");
}
