//! The analyst's workbench in the TUI, through the real key → action →
//! update path on a TestBackend: user key bindings and the theme reaching
//! the screen; stars, read state, tags and notes kept in the state store
//! (a temporary folder: the real home is never touched); the tags pane;
//! the query history (Up/Down, Ctrl-R) and saved queries; a store that
//! cannot be used.

mod support;

use crossterm::event::{KeyCode, KeyModifiers};
use ratatui::style::{Color, Modifier};
use readout::app::{Action, Screen};
use readout::config::Config;
use readout::ui::Theme;
use support::Harness;

/// The bundled articles with a state store in `dir`.
fn with_store(dir: &std::path::Path) -> Harness {
    let mut h = Harness::bundled(120, 30);
    h.app.open_store(Some(dir));
    assert!(h.app.annotations.is_open(), "{:?}", h.app.issues);
    h
}

fn ctrl(h: &mut Harness, c: char) -> &mut Harness {
    h.key_mod(KeyCode::Char(c), KeyModifiers::CONTROL)
}

/// The row of the screen holding `needle`.
fn row_with<'a>(screen: &'a str, needle: &str) -> &'a str {
    screen
        .lines()
        .find(|l| l.contains(needle))
        .unwrap_or_else(|| panic!("no {needle:?} in\n{screen}"))
}

/// Row `n` of the article list (below its border and header).
fn list_row(screen: &str, n: usize) -> &str {
    screen.lines().nth(2 + n).unwrap_or("")
}

// ---- key bindings ----

#[test]
fn a_remapped_key_drives_the_app_and_the_help_and_hints_name_it() {
    let config = Config::from_toml(
        r#"
[[binding]]
context = "global"
keys = ["x"]
action = "toggle_mark"

[[binding]]
context = "global"
keys = ["m"]
action = "toggle_highlights"
"#,
    );
    assert_eq!(config.problems, vec![]);
    let mut h = Harness::bundled(120, 40);
    h.app.keymap = config.keymap();
    // the status bar's hints name the user's key
    let s = h.screen();
    assert!(s.contains("x mark"), "{s}");
    assert!(!s.contains("m mark"), "{s}");
    // x marks the selected article through the real key path
    h.key(KeyCode::Char('x'));
    assert_eq!(h.app.marks.len(), 1);
    // and the message that follows names the user's key
    let said = h.app.message.clone().unwrap_or_default();
    assert!(said.contains("mark another (x)"), "{said}");
    // m no longer marks: it does what the user bound it to
    h.key(KeyCode::Char('j')).key(KeyCode::Char('m'));
    assert_eq!(h.app.marks.len(), 1);
    assert!(!h.app.highlights_on);
    // the help overlay lists x for marking, and m for highlights
    h.key(KeyCode::Char('?'));
    let s = h.screen();
    let mark = row_with(&s, "mark / unmark the article for comparison");
    assert!(mark.contains("  x "), "{mark}");
    let hl = row_with(&s, "phrase and quote highlights on / off");
    assert!(hl.contains("  m "), "{hl}");
    assert!(
        !s.lines()
            .any(|l| l.contains("  m ") && l.contains("mark / unmark")),
        "{s}"
    );
}

// ---- theme ----

#[test]
fn the_light_theme_reaches_the_cells() {
    let mut config = Config::from_toml("theme = \"light\"\n[colors]\nkey = \"#010203\"\n");
    config.no_color = false;
    let mut h = Harness::bundled(120, 30);
    h.theme = Theme::from_config(&config);
    h.screen();
    let buf = h.terminal.backend().buffer().clone();
    // the status bar (bottom row) has the light theme's background
    assert_eq!(buf[(0, 29)].bg, Color::Rgb(0xe4, 0xe4, 0xe4));
    // the selected row of the list (below the border and the header)
    assert_eq!(buf[(3, 2)].bg, Color::Rgb(0xd0, 0xdc, 0xec));
    // the focused border, and the user's own key colour in the hints
    assert_eq!(buf[(0, 0)].fg, Color::Rgb(0x00, 0x5f, 0x87));
    let hints: Vec<Color> = (0..120).map(|x| buf[(x, 29)].fg).collect();
    assert!(hints.contains(&Color::Rgb(1, 2, 3)), "{hints:?}");
}

#[test]
fn no_color_draws_styles_only() {
    let mut config = Config::from_toml("theme = \"light\"\n[colors]\nkey = \"red\"\n");
    config.no_color = true;
    let mut h = Harness::bundled(120, 30);
    h.theme = Theme::from_config(&config);
    h.key(KeyCode::Char('/')).type_str("rock").key(KeyCode::Enter);
    h.key(KeyCode::Enter);
    h.screen();
    let buf = h.terminal.backend().buffer().clone();
    for y in 0..30 {
        for x in 0..120 {
            let c = &buf[(x, y)];
            assert_eq!((c.fg, c.bg), (Color::Reset, Color::Reset), "colour at {x},{y}");
        }
    }
    // the selection and the status bar still show, in reverse video
    assert!(buf[(3, 2)].modifier.contains(Modifier::REVERSED));
    assert!(buf[(0, 29)].modifier.contains(Modifier::REVERSED));
}

// ---- state that lasts ----

#[test]
fn star_tags_note_and_read_show_and_last_across_two_apps() {
    let dir = tempfile::tempdir().unwrap();
    {
        let mut h = with_store(dir.path());
        let s = h.screen();
        // with a store, every title is unread (bold) and the markers column is there
        let first = list_row(&s, 0);
        assert!(!first.contains('*'), "{first}");
        h.key(KeyCode::Char('*'));
        assert!(h.screen().contains("starred"));
        h.key(KeyCode::Char('t'))
            .type_str("ukraine wire")
            .key(KeyCode::Enter);
        let s = h.screen();
        assert!(s.contains("tagged ukraine wire"), "{s}");
        h.key(KeyCode::Char('A'))
            .type_str("check the quote")
            .key(KeyCode::Enter);
        let s = h.screen();
        assert!(s.contains("note kept"), "{s}");
        let first = list_row(&s, 0);
        assert!(first.contains("*#✎"), "{first}");
        // under the reader's details: star, tags and the note
        assert!(
            s.contains("* starred · #ukraine #wire · ✎ check the quote"),
            "{s}"
        );
        insta::assert_snapshot!("workbench_marks", s);
        // opening the article marks it read
        let id = h.app.selected_article().unwrap().id;
        assert!(!h.app.annotations.get(id).read);
        h.key(KeyCode::Enter);
        assert!(h.app.annotations.get(id).read);
        // U marks it unread again
        h.key(KeyCode::Char('U'));
        assert!(h.screen().contains("marked unread"));
        assert!(!h.app.annotations.get(id).read);
        h.key(KeyCode::Char('U'));
    }
    // a second app on the same folder sees it all
    let mut h = with_store(dir.path());
    let id = h.app.selected_article().unwrap().id;
    let state = h.app.annotations.get(id);
    assert!(state.starred && state.read);
    assert_eq!(state.tags, vec!["ukraine", "wire"]);
    assert_eq!(state.note.as_deref(), Some("check the quote"));
    let s = h.screen();
    assert!(list_row(&s, 0).contains("*#✎"), "{s}");
    // tag: and is: terms see the marks
    h.key(KeyCode::Char('/')).type_str("tag:wire").key(KeyCode::Enter);
    assert!(h.screen().contains("1 of 5 articles"));
    h.key(KeyCode::Esc);
    h.key(KeyCode::Char('/'))
        .type_str("is:unread")
        .key(KeyCode::Enter);
    assert!(h.screen().contains("4 of 5 articles"));
}

#[test]
fn tags_are_edited_in_place_with_completion() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = with_store(dir.path());
    h.key(KeyCode::Char('t')).type_str("ukraine").key(KeyCode::Enter);
    // another article: Tab completes from the tags in use
    h.key(KeyCode::Char('j'))
        .key(KeyCode::Char('t'))
        .type_str("uk")
        .key(KeyCode::Tab);
    let s = h.screen();
    assert!(s.contains("tags: ukraine"), "{s}");
    // the prompt's keys show beside it
    assert!(s.contains("Enter done  Esc cancel  Tab complete"), "{s}");
    assert!(!s.contains("Ctrl-R older"), "{s}");
    h.type_str("!bad").key(KeyCode::Enter);
    // a bad tag keeps the prompt open with the reason
    let s = h.screen();
    assert!(s.contains("negates") || s.contains("'!'"), "{s}");
    h.key_mod(KeyCode::Char('w'), KeyModifiers::CONTROL)
        .key(KeyCode::Enter);
    assert_eq!(
        h.app.annotations.get(h.app.selected_article().unwrap().id).tags,
        vec!["ukraine"]
    );
    // removing a tag: the list edited
    h.key(KeyCode::Char('t'))
        .key_mod(KeyCode::Char('u'), KeyModifiers::CONTROL);
    h.type_str("other").key(KeyCode::Enter);
    assert!(h.screen().contains("tagged other; untagged ukraine"));
    assert_eq!(
        h.app.annotations.get(h.app.selected_article().unwrap().id).tags,
        vec!["other"]
    );
    // Esc leaves the tags as they were
    h.key(KeyCode::Char('t')).type_str("more").key(KeyCode::Esc);
    assert_eq!(
        h.app.annotations.get(h.app.selected_article().unwrap().id).tags,
        vec!["other"]
    );
    assert!(h.app.prompt.is_none());
}

#[test]
fn the_tags_pane_lists_tags_with_counts_and_filters() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = with_store(dir.path());
    h.key(KeyCode::Char('t'))
        .type_str("ukraine wire")
        .key(KeyCode::Enter);
    h.key(KeyCode::Char('j'))
        .key(KeyCode::Char('t'))
        .type_str("ukraine")
        .key(KeyCode::Enter);
    h.key(KeyCode::Char('*'));
    h.key(KeyCode::Char('#'));
    assert!(matches!(h.app.screen(), Screen::Tags(_)));
    let s = h.screen();
    assert!(row_with(&s, "tag:ukraine").contains(" 2 "), "{s}");
    assert!(row_with(&s, "tag:wire").contains(" 1 "), "{s}");
    assert!(row_with(&s, "is:starred").contains(" 1 "), "{s}");
    insta::assert_snapshot!("workbench_tags_pane", s);
    // Enter on the first row (ukraine, the most used) filters to it
    h.key(KeyCode::Enter);
    let s = h.screen();
    assert!(matches!(h.app.screen(), Screen::Main));
    assert!(s.contains("2 of 5 articles"), "{s}");
    assert!(s.contains("filter: tag:ukraine"), "{s}");
}

#[test]
fn history_up_down_and_ctrl_r_and_it_lasts() {
    let dir = tempfile::tempdir().unwrap();
    {
        let mut h = with_store(dir.path());
        for q in ["\"rock solid\"", "wang", "tag:none"] {
            h.key(KeyCode::Char('/'))
                .key_mod(KeyCode::Char('u'), KeyModifiers::CONTROL)
                .type_str(q)
                .key(KeyCode::Enter);
        }
        assert_eq!(
            h.app.annotations.history,
            vec!["tag:none", "wang", "\"rock solid\""]
        );
    }
    let mut h = with_store(dir.path());
    h.key(KeyCode::Char('/')).type_str("dra");
    h.key(KeyCode::Up);
    assert_eq!(h.app.filter.input, "tag:none");
    h.key(KeyCode::Up).key(KeyCode::Up).key(KeyCode::Up);
    assert_eq!(h.app.filter.input, "\"rock solid\"");
    let s = h.screen();
    assert!(s.contains("/\"rock solid\""), "{s}");
    assert!(s.contains("2 of 5 articles"), "{s}");
    insta::assert_snapshot!("workbench_history_up", s);
    h.key(KeyCode::Down);
    assert_eq!(h.app.filter.input, "wang");
    h.key(KeyCode::Down).key(KeyCode::Down);
    // below the newest: the line as it was typed
    assert_eq!(h.app.filter.input, "dra");
    // the line's editing keys still work on a query from the history
    h.key(KeyCode::Up).key(KeyCode::Up);
    h.key(KeyCode::Home)
        .key(KeyCode::Delete)
        .key(KeyCode::End)
        .key(KeyCode::Left);
    h.key(KeyCode::Backspace);
    assert_eq!(h.app.filter.input, "ag");
    h.key_mod(KeyCode::Char('w'), KeyModifiers::CONTROL);
    assert_eq!(h.app.filter.input, "g");
    // Ctrl-R: an incremental search, newest first; again: an older match
    ctrl(&mut h, 'u');
    ctrl(&mut h, 'r').type_str("o");
    let s = h.screen();
    assert_eq!(h.app.filter.input, "tag:none");
    assert!(s.contains("history search: o"), "{s}");
    ctrl(&mut h, 'r');
    assert_eq!(h.app.filter.input, "\"rock solid\"");
    h.type_str("ck");
    assert_eq!(h.app.filter.input, "\"rock solid\"");
    h.type_str("zz");
    let s = h.screen();
    assert!(s.contains("history search (no match): ockzz"), "{s}");
    insta::assert_snapshot!("workbench_history_search", s);
    // Esc: the line as before the search
    h.key(KeyCode::Esc);
    assert_eq!(h.app.filter.input, "");
    assert!(h.app.input_open);
    ctrl(&mut h, 'r').type_str("wan").key(KeyCode::Enter);
    assert!(h.app.prompt.is_none());
    assert_eq!(h.app.filter.input, "wang");
    h.key(KeyCode::Enter);
    assert_eq!(h.app.annotations.history[0], "wang");
}

#[test]
fn a_query_is_saved_and_picked_from_the_tags_pane() {
    let dir = tempfile::tempdir().unwrap();
    {
        let mut h = with_store(dir.path());
        h.key(KeyCode::Char('/')).type_str("\"rock solid\"");
        ctrl(&mut h, 's').type_str("rocks").key(KeyCode::Enter);
        assert!(h.screen().contains("query saved as 'rocks'"));
    }
    let mut h = with_store(dir.path());
    h.key(KeyCode::Char('#')).key(KeyCode::End);
    let s = h.screen();
    assert!(row_with(&s, "rocks").contains("\"rock solid\""), "{s}");
    h.key(KeyCode::Enter);
    assert!(h.screen().contains("2 of 5 articles"));
}

#[test]
fn a_damaged_store_is_reported_and_the_app_runs_on() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        readout::state::Store::file_in(dir.path()),
        b"this is not a database, just some text long enough to be read as a header".repeat(20),
    )
    .unwrap();
    let mut h = Harness::bundled(120, 30);
    h.app.open_store(Some(dir.path()));
    assert!(!h.app.annotations.is_open());
    assert_eq!(h.app.issues.len(), 1);
    assert!(h.app.issues[0].message.contains("damaged"), "{:?}", h.app.issues);
    let s = h.screen();
    assert!(s.contains("1 load issues (i)"), "{s}");
    assert!(s.contains("damaged"), "{s}");
    // the keys say there is no store; reading, filtering still work
    h.key(KeyCode::Char('*'));
    assert!(h.screen().contains("no state store this time"));
    h.key(KeyCode::Char('/')).type_str("wang").key(KeyCode::Enter);
    assert!(h.screen().contains("of 5 articles"));
    h.key(KeyCode::Enter);
    assert!(h.app.reader.article.is_some());
    // the list has no markers column without a store
    assert!(!h.screen().contains('✎'));
}

#[test]
fn an_unwritable_store_folder_is_reported_and_the_app_runs_on() {
    let dir = tempfile::tempdir().unwrap();
    // a file where the folder should be: it cannot be created
    let blocked = dir.path().join("data");
    std::fs::write(&blocked, "a file").unwrap();
    let mut h = Harness::bundled(120, 30);
    h.app.open_store(Some(&blocked.join("readout")));
    assert!(!h.app.annotations.is_open());
    assert!(
        h.app.issues[0].message.contains("cannot create"),
        "{:?}",
        h.app.issues
    );
    h.key(KeyCode::Char('t'));
    assert!(h.app.prompt.is_none());
    h.key(KeyCode::Char('j'));
    assert_eq!(h.app.list.selected, 1);
    h.app.update(Action::Quit);
    assert!(h.app.should_quit);
}

#[test]
fn state_writes_are_quick() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = with_store(dir.path());
    let started = std::time::Instant::now();
    let n = 40;
    for _ in 0..n / 2 {
        h.key(KeyCode::Char('*')).key(KeyCode::Char('U'));
    }
    let per = started.elapsed().as_secs_f64() * 1e3 / f64::from(n);
    assert!(h.screen().contains("marked"));
    println!("state write with its key: {per:.2} ms each (debug build)");
    // far under a frame even unoptimised, on a shared machine
    assert!(per < 25.0, "{per} ms per write");
}

#[test]
fn a_store_locked_by_another_writer_is_reported_without_a_long_wait() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = with_store(dir.path());
    // another process holds the write lock
    let other = rusqlite::Connection::open(readout::state::Store::file_in(dir.path())).unwrap();
    other.execute_batch("BEGIN IMMEDIATE").unwrap();
    let started = std::time::Instant::now();
    h.key(KeyCode::Char('*'));
    let waited = started.elapsed();
    let s = h.screen();
    assert!(s.contains("not saved") && s.contains("locked"), "{s}");
    assert!(waited < std::time::Duration::from_secs(2), "{waited:?}");
    assert!(
        !h.app
            .annotations
            .get(h.app.selected_article().unwrap().id)
            .starred
    );
    // once the other writer is done, the key works
    other.execute_batch("COMMIT").unwrap();
    h.key(KeyCode::Char('*'));
    assert!(h.screen().contains("starred"));
}

#[test]
fn unread_titles_are_bold_and_read_ones_are_not() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = with_store(dir.path());
    // the second article read (U), then back to the first
    h.key(KeyCode::Char('j'))
        .key(KeyCode::Char('U'))
        .key(KeyCode::Char('k'));
    h.screen();
    let buf = h.terminal.backend().buffer().clone();
    // title cells of rows 2 and 3 of the list (the first row is selected)
    let bold = |y: u16| buf[(7, y)].modifier.contains(Modifier::BOLD);
    assert!(!bold(3), "a read title is plain");
    assert!(bold(4), "an unread title is bold");
    // without a store, no title is bold
    let mut plain = Harness::bundled(120, 30);
    plain.screen();
    let buf = plain.terminal.backend().buffer().clone();
    assert!(!buf[(7, 4)].modifier.contains(Modifier::BOLD));
}
