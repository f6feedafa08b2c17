//! Taking things out of the app (issue 17): exports written through the
//! real key → action → update path and compared byte for byte, the
//! overwrite question, copies (OSC 52) and hand-overs asked of the event
//! loop.

mod support;

use std::path::Path;

use base64::Engine as _;
use crossterm::event::{KeyCode, KeyModifiers};
use readout::app::{Effect, Handoff, Stage};
use support::Harness;

fn bundled() -> Harness {
    let mut h = Harness::bundled(120, 30);
    // never the environment the tests run in (a $PAGER, $TMUX)
    h.app.handoff_env = |_| None;
    h
}

/// The concordance of the family "no limits", opened with the keys.
fn kwic(h: &mut Harness) {
    h.type_str("p").key(KeyCode::Char('/')).type_str("no limits");
    h.key(KeyCode::Enter).key(KeyCode::Tab);
    assert!(h.screen().contains("Concordance · “no limits”"), "{}", h.screen());
}

/// `E`, then the file name typed over the one offered, then Enter.
fn export_as(h: &mut Harness, path: &Path) {
    h.type_str("E");
    assert!(h.app.export_prompt.is_some(), "no prompt: {:?}", h.app.message);
    h.key_mod(KeyCode::Char('u'), KeyModifiers::CONTROL);
    h.type_str(path.to_str().unwrap());
    h.key(KeyCode::Enter);
}

const KWIC_CSV: &str = "left,match,right,source,date,title,path,start,end,file_start,file_end
of relations that they describe as being ,without limits, and at their best level in history. Andrey,South China Morning Post,2021-07-12,\"Russia relationship better than an alliance, Chinese foreign minister says\",bundled/000_191d42a32b64d5f6.txt,1804,1818,2010,2024
that the China-Russia relationship was a “,no limits partnership,.” When the Kremlin sent troops into Ukraine,CNSNews,2022-12,\"China-Russia Relations Are ‘Rock Solid,’ says Beijing’s Foreign Minister\",bundled/002_e474bb9dcb4c5a3e.txt,2039,2060,2286,2307
";

const KWIC_MD: &str = "# Concordance: no limits

| left | match | right | source | date | title | path | start | end | file_start | file_end |
|---|---|---|---|---|---|---|---|---|---|---|
| of relations that they describe as being  | without limits |  and at their best level in history. Andrey | South China Morning Post | 2021-07-12 | Russia relationship better than an alliance, Chinese foreign minister says | bundled/000_191d42a32b64d5f6.txt | 1804 | 1818 | 2010 | 2024 |
| that the China-Russia relationship was a “ | no limits partnership | .” When the Kremlin sent troops into Ukraine | CNSNews | 2022-12 | China-Russia Relations Are ‘Rock Solid,’ says Beijing’s Foreign Minister | bundled/002_e474bb9dcb4c5a3e.txt | 2039 | 2060 | 2286 | 2307 |
";

#[test]
fn the_concordance_exports_byte_for_byte_in_each_format() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = bundled();
    kwic(&mut h);
    // the name offered says what and which, and follows the format
    h.type_str("E");
    let p = h.app.export_prompt.clone().unwrap();
    assert_eq!(p.name, "readout-kwic-no-limits.csv");
    assert_eq!(p.what, "2 concordance lines");
    h.key(KeyCode::Tab);
    assert_eq!(
        h.app.export_prompt.as_ref().unwrap().name,
        "readout-kwic-no-limits.json"
    );
    h.key(KeyCode::Esc);
    assert!(h.app.export_prompt.is_none());

    let csv = dir.path().join("k.csv");
    export_as(&mut h, &csv);
    assert!(h.app.export_prompt.is_none(), "{:?}", h.app.export_prompt);
    assert_eq!(std::fs::read_to_string(&csv).unwrap(), KWIC_CSV);
    let message = h.app.message.clone().unwrap();
    assert!(
        message.starts_with("wrote 2 concordance lines as CSV to k.csv in "),
        "{message}"
    );

    let md = dir.path().join("k.md");
    export_as(&mut h, &md);
    assert_eq!(std::fs::read_to_string(&md).unwrap(), KWIC_MD);

    // no extension: the format chosen with Tab (CSV, JSON)
    let json = dir.path().join("k");
    h.type_str("E").key(KeyCode::Tab);
    h.key_mod(KeyCode::Char('u'), KeyModifiers::CONTROL);
    h.type_str(json.to_str().unwrap()).key(KeyCode::Enter);
    let value: serde_json::Value = serde_json::from_slice(&std::fs::read(&json).unwrap()).unwrap();
    let rows = value.as_array().unwrap();
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[1]["match"], "no limits partnership");
    assert_eq!(rows[1]["file_start"], 2286);
    // the same view gives the same bytes
    let again = dir.path().join("again.csv");
    export_as(&mut h, &again);
    assert_eq!(std::fs::read(&again).unwrap(), std::fs::read(&csv).unwrap());
}

#[test]
fn narrowing_narrows_the_export() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = bundled();
    kwic(&mut h);
    h.key(KeyCode::Char('/'))
        .type_str("in:cnsnews")
        .key(KeyCode::Enter);
    h.type_str("E");
    assert_eq!(
        h.app.export_prompt.as_ref().unwrap().name,
        "readout-kwic-no-limits-in-cnsnews.csv"
    );
    h.key(KeyCode::Esc);
    let csv = dir.path().join("one.csv");
    export_as(&mut h, &csv);
    let text = std::fs::read_to_string(&csv).unwrap();
    let lines: Vec<&str> = KWIC_CSV.lines().collect();
    assert_eq!(text, format!("{}\n{}\n", lines[0], lines[2]));
}

#[test]
fn an_existing_file_is_overwritten_only_on_yes() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("k.csv");
    std::fs::write(&path, "mine").unwrap();
    let mut h = bundled();
    kwic(&mut h);
    export_as(&mut h, &path);
    assert!(matches!(
        h.app.export_prompt.as_ref().map(|p| &p.stage),
        Some(Stage::Overwrite(..))
    ));
    let screen = h.screen();
    let last = screen.lines().last().unwrap();
    assert!(
        last.contains("overwrite") && last.contains("k.csv? y/n"),
        "{last}"
    );
    // letters but y and n do nothing; n keeps the file
    h.type_str("xq");
    assert!(h.app.export_prompt.is_some() && !h.app.should_quit);
    h.type_str("n");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "mine");
    let p = h.app.export_prompt.clone().unwrap();
    assert_eq!(p.stage, Stage::Name);
    assert!(p.error.unwrap().contains("left as it was"));
    // Esc at the question keeps it too
    h.key(KeyCode::Enter).key(KeyCode::Esc);
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "mine");
    // yes replaces it
    h.key(KeyCode::Enter).type_str("y");
    assert!(h.app.export_prompt.is_none());
    assert_eq!(std::fs::read_to_string(&path).unwrap(), KWIC_CSV);
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
}

#[test]
fn a_folder_that_does_not_exist_is_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("no/such/k.csv");
    let mut h = bundled();
    kwic(&mut h);
    export_as(&mut h, &path);
    let p = h.app.export_prompt.clone().expect("the prompt stays open");
    let error = p.error.unwrap();
    assert_eq!(
        error,
        format!("no such folder: {}", dir.path().join("no/such").display())
    );
    assert!(h.screen().lines().last().unwrap().contains("no such folder"));
    // a folder is not a file name
    h.key_mod(KeyCode::Char('u'), KeyModifiers::CONTROL);
    h.type_str(dir.path().to_str().unwrap()).key(KeyCode::Enter);
    assert!(
        h.app
            .export_prompt
            .as_ref()
            .unwrap()
            .error
            .as_ref()
            .unwrap()
            .ends_with("is a folder")
    );
    h.key(KeyCode::Esc);
    assert_eq!(h.app.message.as_deref(), Some("export cancelled"));
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
}

#[test]
fn the_prompt_line() {
    let mut h = bundled();
    kwic(&mut h);
    h.type_str("E");
    let screen = h.screen();
    insta::assert_snapshot!(screen.lines().last().unwrap(), @" export 2 concordance lines as [CSV] JSON  Markdown  to: readout-kwic-no-limits.csv  Enter write  Tab format  Esc cancel");
}

/// The list as filtered exports the records `readout list --json` prints.
#[test]
fn the_list_exports_what_list_json_prints() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = bundled();
    h.key(KeyCode::Char('/'))
        .type_str("rock solid")
        .key(KeyCode::Enter);
    h.type_str("E");
    assert_eq!(
        h.app.export_prompt.as_ref().unwrap().name,
        "readout-articles-rock-solid.csv"
    );
    assert_eq!(h.app.export_prompt.as_ref().unwrap().what, "2 articles");
    h.key(KeyCode::Esc);
    let path = dir.path().join("list.json");
    export_as(&mut h, &path);
    let cli = std::process::Command::new(env!("CARGO_BIN_EXE_readout"))
        .args(["list", "--filter", "rock solid", "--json"])
        .env("XDG_CONFIG_HOME", "/nonexistent/readout-test/config")
        .env("READOUT_DATA_DIR", "/nonexistent/readout-test/data")
        .output()
        .unwrap();
    assert!(cli.status.success());
    assert_eq!(
        String::from_utf8(std::fs::read(&path).unwrap()).unwrap(),
        String::from_utf8(cli.stdout).unwrap()
    );
}

#[test]
fn the_other_views_export_what_they_show() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = bundled();
    // a speaker's quotes
    h.type_str("s");
    h.key(KeyCode::Tab);
    let path = dir.path().join("q.csv");
    export_as(&mut h, &path);
    let text = std::fs::read_to_string(&path).unwrap();
    let mut r = csv::Reader::from_reader(text.as_bytes());
    assert_eq!(
        r.headers().unwrap().iter().collect::<Vec<_>>(),
        [
            "speaker",
            "speaker_kind",
            "text",
            "kind",
            "source",
            "date",
            "title",
            "path",
            "start",
            "end",
            "file_start",
            "file_end"
        ]
    );
    let rows: Vec<csv::StringRecord> = r.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), quote_count(&h));
    assert!(rows.iter().all(|r| r[0] == rows[0][0]), "one speaker's quotes");
    // the phrases pane, narrowed
    h.key(KeyCode::Esc).key(KeyCode::Esc);
    h.type_str("p")
        .key(KeyCode::Char('/'))
        .type_str("hegemony")
        .key(KeyCode::Enter);
    let path = dir.path().join("p.md");
    export_as(&mut h, &path);
    let md = std::fs::read_to_string(&path).unwrap();
    assert!(
        md.starts_with("# Phrases (narrowed: hegemony)\n\n| phrase | label |"),
        "{md}"
    );
    assert!(md.lines().count() >= 4, "{md}");
    // two articles sharing nothing: nothing to export
    h.key(KeyCode::Esc).key(KeyCode::Esc);
    h.type_str("m").key(KeyCode::Down).type_str("cE");
    assert!(h.app.export_prompt.is_none());
    assert_eq!(
        h.app.message.as_deref(),
        Some("no shared passages shown: nothing to export")
    );
}

#[test]
fn a_compare_exports_its_shared_passages() {
    use readout::index::Index;
    use readout::store::{Article, Corpus};
    let shared = "The ministers agreed that the partnership between the two countries has no limits and will grow stronger every year.";
    let a = Article::from_text(
        "a.txt",
        &format!("A\n\nIn Moscow on Monday. {shared} Then they left."),
        false,
    );
    let b = Article::from_text(
        "b.txt",
        &format!("B\n\nBeijing said: {shared} Nothing else."),
        false,
    );
    let mut h = Harness::with_index(Index::new(Corpus::new(vec![a, b])), 120, 30);
    h.type_str("m").key(KeyCode::Down).type_str("c");
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("c.csv");
    export_as(&mut h, &path);
    let text = std::fs::read_to_string(&path).unwrap();
    let mut r = csv::Reader::from_reader(text.as_bytes());
    assert_eq!(
        r.headers().unwrap().iter().collect::<Vec<_>>(),
        [
            "a", "b", "a_in_b", "b_in_a", "words", "a_text", "b_text", "a_start", "a_end", "b_start",
            "b_end", "diffs"
        ]
    );
    let rows: Vec<csv::StringRecord> = r.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 1, "{text}");
    assert!(
        rows[0][5].contains("has no limits and will grow stronger"),
        "{text}"
    );
    assert_eq!(rows[0][5], rows[0][6]);
}

fn quote_count(h: &Harness) -> usize {
    match h.app.screen() {
        readout::app::Screen::Quotes(q) => q.items.len(),
        _ => panic!("not the quotes view"),
    }
}

/// The OSC 52 sequences asked of the event loop, decoded.
fn copies(h: &mut Harness) -> Vec<String> {
    h.app
        .take_effects()
        .into_iter()
        .filter_map(|e| match e {
            Effect::Handoff(Handoff::Terminal(seq)) => Some(seq),
            _ => None,
        })
        .collect()
}

fn decode(seq: &str) -> String {
    let start = seq.find("]52;c;").unwrap() + "]52;c;".len();
    let end = start + seq[start..].find('\x07').unwrap();
    String::from_utf8(
        base64::engine::general_purpose::STANDARD
            .decode(&seq[start..end])
            .unwrap(),
    )
    .unwrap()
}

#[test]
fn y_copies_the_selection_of_each_view() {
    let mut h = bundled();
    // the list: the selected article's text
    h.type_str("y");
    let seqs = copies(&mut h);
    assert_eq!(seqs.len(), 1);
    let text = decode(&seqs[0]);
    let a = h.app.selected_article().unwrap();
    assert_eq!(text, readout::app::article_text(a));
    assert!(text.contains(a.meta.url.as_deref().unwrap()));
    assert_eq!(
        h.app.message.as_deref(),
        Some(format!("copied {}", readout::app::human_bytes(text.len())).as_str())
    );
    // its URL
    h.type_str("Y");
    let url = a_url(&h);
    assert_eq!(decode(&copies(&mut h)[0]), url);
    // a quote: with who said it, where and when
    h.type_str("s").key(KeyCode::Tab);
    h.type_str("y");
    let quote = decode(&copies(&mut h)[0]);
    assert!(quote.starts_with('“') && quote.contains("” — "), "{quote}");
    // a concordance line, with its article
    h.key(KeyCode::Esc).key(KeyCode::Esc);
    kwic(&mut h);
    h.type_str("y");
    assert_eq!(
        decode(&copies(&mut h)[0]),
        "of relations that they describe as being without limits and at their best level in history. Andrey — South China Morning Post 2021-07-12 Russia relationship better than an alliance, Chinese foreign minister says"
    );
    // a phrase
    h.key(KeyCode::Esc);
    h.type_str("y");
    assert_eq!(decode(&copies(&mut h)[0]), "no limits");
}

fn a_url(h: &Harness) -> String {
    h.app.selected_article().unwrap().meta.url.clone().unwrap()
}

#[test]
fn inside_tmux_the_copy_is_sent_plain_and_wrapped() {
    let mut h = bundled();
    h.app.handoff_env = |k| (k == "TMUX").then(|| "/tmp/tmux-1/default,1,0".to_string());
    h.type_str("Y");
    let seq = &copies(&mut h)[0];
    let url = a_url(&h);
    let b64 = base64::engine::general_purpose::STANDARD.encode(&url);
    assert_eq!(
        seq,
        &format!("\x1b]52;c;{b64}\x07\x1bPtmux;\x1b\x1b]52;c;{b64}\x07\x1b\\")
    );
}

#[test]
fn a_large_copy_says_terminals_may_drop_it() {
    use readout::index::Index;
    use readout::store::{Article, Corpus};
    let body = "All work and no play. ".repeat(7_000);
    let big = Article::from_text("big.txt", &format!("Big one\n\n{body}"), false);
    let huge = Article::from_text(
        "huge.txt",
        &format!("Huge one\n\n{}", "x ".repeat(600_000)),
        false,
    );
    let mut h = Harness::with_index(Index::new(Corpus::new(vec![big, huge])), 120, 30);
    h.app.handoff_env = |_| None;
    let select = |h: &mut Harness, title: &str| {
        let row = h
            .app
            .filter
            .hits
            .iter()
            .position(|hit| h.app.index.article(hit.id).unwrap().meta.title == title);
        h.app.select(row.unwrap() as isize);
    };
    select(&mut h, "Big one");
    h.type_str("y");
    assert_eq!(copies(&mut h).len(), 1, "copied whole, not cut");
    let m = h.app.message.clone().unwrap();
    assert!(m.starts_with("copied 154.") && m.contains("about 100 KB"), "{m}");
    // over the 1 MiB cap: refused, and said so
    select(&mut h, "Huge one");
    h.type_str("y");
    assert!(copies(&mut h).is_empty());
    let m = h.app.message.clone().unwrap();
    assert!(m.starts_with("not copied: too long to copy"), "{m}");
}

#[test]
fn the_pager_editor_and_browser_are_asked_for() {
    let mut h = bundled();
    h.app.handoff_env = |k| match k {
        "PAGER" => Some("most -s".into()),
        "EDITOR" => Some("nano".into()),
        "BROWSER" => Some("firefox".into()),
        _ => None,
    };
    let text = readout::app::article_text(h.app.selected_article().unwrap());
    let url = a_url(&h);
    h.type_str("veB");
    let effects = h.app.take_effects();
    let [
        Effect::Handoff(Handoff::Run {
            launch: pager,
            text: t1,
            role: "pager",
            ..
        }),
        Effect::Handoff(Handoff::Run {
            launch: editor,
            text: t2,
            role: "editor",
            ..
        }),
        Effect::Handoff(Handoff::Spawn(browser)),
    ] = effects.as_slice()
    else {
        panic!("{effects:?}")
    };
    assert_eq!(
        (pager.program.as_str(), pager.args.as_slice()),
        ("most", &["-s".to_string()][..])
    );
    assert_eq!(editor.program, "nano");
    assert_eq!((t1, t2), (&text, &text));
    assert_eq!(browser.program, "firefox");
    assert_eq!(browser.args, [url]);
}
