//! Export (`E`) from the panes that show tables of numbers or groups: the
//! outlets view, keyness, the timeline, the stories and one story's
//! articles, the tags pane. Driven through the real key → action → update
//! path and compared byte for byte; the survey views write what the
//! headless `readout outlets|keyness|timeline --csv` print. A view still
//! computing says so and writes nothing.

mod support;

use std::path::Path;
use std::process::Command;

use crossterm::event::{KeyCode, KeyModifiers};
use std::time::Duration;

use readout::app::{Screen, Work};
use support::{Harness, fixture_index, index_of, two_outlets_files};

fn bundled() -> Harness {
    let mut h = Harness::bundled(120, 30);
    h.app.handoff_env = |_| None;
    h
}

/// `E`, the file name typed over the one offered, Enter; the file's text.
fn export_as(h: &mut Harness, path: &Path) -> String {
    h.type_str("E");
    assert!(h.app.export_prompt.is_some(), "no prompt: {:?}", h.app.message);
    h.key_mod(KeyCode::Char('u'), KeyModifiers::CONTROL);
    h.type_str(path.to_str().unwrap());
    h.key(KeyCode::Enter);
    assert!(h.app.export_prompt.is_none(), "{:?}", h.app.export_prompt);
    std::fs::read_to_string(path).unwrap()
}

/// The name and what the prompt offers, then Esc.
fn offered(h: &mut Harness) -> (String, String) {
    h.type_str("E");
    let p = h
        .app
        .export_prompt
        .clone()
        .unwrap_or_else(|| panic!("no prompt: {:?}", h.app.message));
    h.key(KeyCode::Esc);
    (p.name, p.what)
}

/// The headless command's standard output.
fn readout(args: &[&str]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_readout"))
        .args(args)
        .env("XDG_CONFIG_HOME", "/nonexistent/readout-test/config")
        .env("READOUT_DATA_DIR", "/nonexistent/readout-test/data")
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

/// The list filtered by `query`, the filter done.
fn filter(h: &mut Harness, query: &str) {
    h.key(KeyCode::Char('/')).type_str(query).key(KeyCode::Enter);
    h.screen();
}

// ---------------------------------------------------------------- outlets

#[test]
fn the_outlets_view_exports_its_numbers() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = bundled();
    h.key(KeyCode::Char('O'));
    let s = h.screen();
    assert!(s.contains('█') || s.contains('▓') || s.contains('░'), "{s}");
    // the status bar names the key
    assert!(s.lines().last().unwrap().contains("E export"), "{s}");
    assert_eq!(
        offered(&mut h),
        ("readout-outlets.csv".to_string(), "88 outlet cells".to_string())
    );
    // every outlet × every column, as `readout outlets --csv` prints them
    let csv = export_as(&mut h, &dir.path().join("o.csv"));
    assert_eq!(csv, readout(&["outlets", "--csv"]));
    assert_eq!(csv.lines().count(), 89);
    assert!(!csv.contains(['·', '░', '▒', '▓', '█']), "numbers, not shades");
    // over the filter's articles, in each format
    h.key(KeyCode::Esc);
    filter(&mut h, "source:rt");
    h.key(KeyCode::Char('O'));
    h.screen();
    assert_eq!(
        offered(&mut h),
        (
            "readout-outlets-source-rt.csv".to_string(),
            "1 outlet cell".to_string()
        )
    );
    assert_eq!(
        export_as(&mut h, &dir.path().join("rt.csv")),
        "outlet,articles,column,family,using,share\nRT,1,non-alliance,true,1,1.0\n"
    );
    assert_eq!(
        export_as(&mut h, &dir.path().join("rt.md")),
        "# Outlets: 1 articles of /source:rt

| outlet | articles | column | family | using | share |
|---|---|---|---|---|---|
| RT | 1 | non-alliance | true | 1 | 1.0 |
"
    );
    assert_eq!(
        export_as(&mut h, &dir.path().join("rt.json")),
        "[
  {
    \"outlet\": \"RT\",
    \"articles\": 1,
    \"column\": \"non-alliance\",
    \"family\": true,
    \"using\": 1,
    \"share\": 1.0
  }
]
"
    );
    assert_eq!(
        h.app.message.as_deref().unwrap().split(" to ").next(),
        Some("wrote 1 outlet cell as JSON")
    );
}

// ---------------------------------------------------------------- keyness

#[test]
fn keyness_exports_both_sides_with_their_scores() {
    let files = two_outlets_files();
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    std::fs::create_dir(&corpus).unwrap();
    for (name, text) in &files {
        std::fs::write(corpus.join(name), text).unwrap();
    }
    let mut h = Harness::with_index(index_of(&files), 120, 30);
    filter(&mut h, "source:xinhua");
    h.key(KeyCode::Char('K'));
    h.screen();
    assert_eq!(
        offered(&mut h),
        (
            "readout-keyness-source-xinhua.csv".to_string(),
            "20 key terms".to_string()
        )
    );
    let csv = export_as(&mut h, &dir.path().join("k.csv"));
    // its header, then as many rows as terms, each over or under
    let mut lines = csv.lines();
    assert_eq!(
        lines.next(),
        Some(
            "use,term,kind,target_docs,reference_docs,target_occurrences,reference_occurrences,ll_docs,log_ratio_docs,ll_occurrences,log_ratio_occurrences"
        )
    );
    let rows: Vec<&str> = lines.collect();
    assert_eq!(rows.len(), 20, "{csv}");
    assert!(
        rows.iter()
            .all(|r| r.starts_with("over,") || r.starts_with("under,")),
        "{csv}"
    );
    assert!(rows.iter().any(|r| r.starts_with("under,")), "{csv}");
    // what `readout keyness --filter … --csv` prints over the same files
    assert_eq!(
        csv,
        readout(&[
            "keyness",
            corpus.to_str().unwrap(),
            "--filter",
            "source:xinhua",
            "--csv"
        ])
    );
    let md = export_as(&mut h, &dir.path().join("k.md"));
    assert!(
        md.starts_with("# Keyness: 8 articles of /source:xinhua against the rest\n\n| use | term | kind |"),
        "{md}"
    );
    assert_eq!(md.lines().count(), 4 + 20);
    // the side the cursor is on does not change what is exported
    h.key(KeyCode::Tab);
    assert_eq!(export_as(&mut h, &dir.path().join("k2.csv")), csv);
}

// ---------------------------------------------------------------- timeline

const TIMELINE_CSV: &str = "period,outlet,hits,articles,share
2023-01,all,1,2,0.5
2023-01,Xinhua,1,1,1.0
2023-02,all,1,2,0.5
2023-02,Xinhua,1,1,1.0
2023-03,all,1,2,0.5
2023-03,Xinhua,1,1,1.0
2023-04,all,1,2,0.5
2023-04,Xinhua,1,1,1.0
2023-05,all,1,2,0.5
2023-05,Xinhua,1,1,1.0
2023-06,all,1,2,0.5
2023-06,Xinhua,1,1,1.0
2023-07,all,1,2,0.5
2023-07,Xinhua,1,1,1.0
2023-08,all,1,2,0.5
2023-08,Xinhua,1,1,1.0
";

#[test]
fn the_timeline_exports_counts_and_shares_per_period_and_line() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = Harness::with_index(index_of(&two_outlets_files()), 120, 30);
    filter(&mut h, "source:xinhua");
    h.key(KeyCode::Char('T'));
    h.screen();
    assert_eq!(
        offered(&mut h),
        (
            "readout-timeline-source-xinhua.csv".to_string(),
            "16 timeline cells".to_string()
        )
    );
    let csv = export_as(&mut h, &dir.path().join("t.csv"));
    // a row per period and line (all outlets, then each leading one): the
    // matching articles, all the outlet's articles then, and the share
    assert_eq!(csv, TIMELINE_CSV);
    // raw or normalised on screen, the export has both
    h.key(KeyCode::Char('v'));
    assert_eq!(export_as(&mut h, &dir.path().join("t2.csv")), csv);

    // the bundled articles: what `readout timeline QUERY --csv` prints
    let mut h = bundled();
    filter(&mut h, "china");
    h.key(KeyCode::Char('T'));
    h.screen();
    let csv = export_as(&mut h, &dir.path().join("china.csv"));
    assert_eq!(csv, readout(&["timeline", "china", "--csv"]));
}

// ---------------------------------------------------------------- stories

const STORIES_CSV: &str = "story,label,size,cohesion,first_date,last_date,outlets
1,Lisbon · Bereth · Port Selen,3,0.20694923400878906,2023-07-24,2023-07-24,The Guardian; South China Morning Post; TASS
2,Kestneft · Valgaz · Northern Corridor,2,0.3361673653125763,2023-06-27,2023-06-28,BBC; Kestrin Gazette
";

const STORY_CSV: &str = "story,label,size,cohesion,first_date,last_date,outlets,path,title,source,date
1,Lisbon · Bereth · Port Selen,3,0.20694923400878906,2023-07-24,2023-07-24,The Guardian; South China Morning Post; TASS,press-conference-guardian.txt,Kestria and Valdoria reject Western criticism as foreign ministers meet,The Guardian,2023-07-24
1,Lisbon · Bereth · Port Selen,3,0.20694923400878906,2023-07-24,2023-07-24,The Guardian; South China Morning Post; TASS,press-conference-scmp.txt,Kestria's top diplomat says Valdoria ties will not bend to Western pressure,South China Morning Post,2023-07-24
1,Lisbon · Bereth · Port Selen,3,0.20694923400878906,2023-07-24,2023-07-24,The Guardian; South China Morning Post; TASS,press-conference-tass.txt,Bereth: partnership between Kestria and Valdoria not directed against third parties,TASS,2023-07-24
";

#[test]
fn the_stories_and_a_storys_articles_export() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = Harness::with_index(fixture_index(&["tests/fixtures/story"]), 120, 30);
    h.key(KeyCode::Char('S'));
    h.screen();
    assert_eq!(
        offered(&mut h),
        ("readout-stories.csv".to_string(), "2 stories".to_string())
    );
    assert_eq!(export_as(&mut h, &dir.path().join("s.csv")), STORIES_CSV);
    // narrowed: what is shown
    h.key(KeyCode::Char('/')).type_str("kestneft").key(KeyCode::Enter);
    assert_eq!(offered(&mut h).0, "readout-stories-kestneft.csv");
    let md = export_as(&mut h, &dir.path().join("s.md"));
    assert_eq!(
        md,
        "# Stories (narrowed: kestneft)

| story | label | size | cohesion | first_date | last_date | outlets |
|---|---|---|---|---|---|---|
| 2 | Kestneft · Valgaz · Northern Corridor | 2 | 0.3361673653125763 | 2023-06-27 | 2023-06-28 | BBC; Kestrin Gazette |
"
    );
    // the first story's articles, each with the story's fields
    h.key(KeyCode::Esc).key(KeyCode::Esc);
    h.key(KeyCode::Char('S'));
    h.screen();
    h.key(KeyCode::Enter);
    assert!(matches!(h.app.screen(), Screen::Story(_)));
    assert_eq!(
        offered(&mut h),
        (
            "readout-story-lisbon-bereth-port-selen.csv".to_string(),
            "3 articles".to_string()
        )
    );
    assert_eq!(export_as(&mut h, &dir.path().join("s1.csv")), STORY_CSV);
}

// ---------------------------------------------------------------- tags

#[test]
fn the_tags_pane_exports_its_rows() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = bundled();
    h.app.open_store(Some(&dir.path().join("state")));
    assert!(h.app.annotations.is_open(), "{:?}", h.app.issues);
    // two tags on the first article, one of them on the second, a star
    for (down, tags) in [(0, "wire ukraine"), (1, "ukraine")] {
        for _ in 0..down {
            h.key(KeyCode::Down);
        }
        h.key(KeyCode::Char('t')).type_str(tags).key(KeyCode::Enter);
    }
    h.key(KeyCode::Char('*'));
    h.key(KeyCode::Char('/')).type_str("\"rock solid\"");
    h.key_mod(KeyCode::Char('s'), KeyModifiers::CONTROL)
        .type_str("rocks")
        .key(KeyCode::Enter);
    h.key(KeyCode::Esc);
    h.key(KeyCode::Char('#'));
    assert!(matches!(h.app.screen(), Screen::Tags(_)), "{}", h.screen());
    assert_eq!(
        offered(&mut h),
        ("readout-tags.csv".to_string(), "6 tags".to_string())
    );
    assert_eq!(
        export_as(&mut h, &dir.path().join("t.csv")),
        "kind,label,articles,query
tag,ukraine,2,tag:ukraine
tag,wire,1,tag:wire
mark,starred,1,is:starred
mark,unread,5,is:unread
mark,with a note,0,has:note
saved,rocks,,\"\"\"rock solid\"\"\"
"
    );
    let json = export_as(&mut h, &dir.path().join("t.json"));
    assert!(
        json.ends_with(
            "  {
    \"kind\": \"saved\",
    \"label\": \"rocks\",
    \"articles\": null,
    \"query\": \"\\\"rock solid\\\"\"
  }
]
"
        ),
        "{json}"
    );
}

// ---------------------------------------------------------------- not ready

/// The message `E` leaves when it opens no prompt.
fn refused(h: &mut Harness) -> String {
    h.type_str("E");
    assert!(h.app.export_prompt.is_none(), "{:?}", h.app.export_prompt);
    h.app.message.clone().unwrap_or_default()
}

#[test]
fn a_view_still_computing_says_so_and_exports_nothing() {
    let mut h = Harness::with_index(index_of(&two_outlets_files()), 120, 30);
    // every corpus is surveyed on a worker thread here, as one over
    // 10,000 articles is
    h.app.survey_at_once = 0;
    filter(&mut h, "source:xinhua");
    for key in ['O', 'T', 'K'] {
        h.key(KeyCode::Char(key));
        // the key that opens a view computes nothing: not a table yet
        let m = refused(&mut h);
        assert!(
            m.contains("still being computed (") && m.ends_with("): export when it is shown"),
            "{key}: {m}"
        );
        // frames with no time to wait in: the worker is started; while it
        // runs the view says so (when a frame catches it running: over 20
        // articles it may be done at once; the unit test
        // `export_waits_for_the_worker` in app/survey.rs holds it running)
        for _ in 0..50 {
            let running = match h.app.screen() {
                Screen::Outlets(s) => matches!(s.work, Work::Running(_)),
                Screen::Timeline(s) => matches!(s.work, Work::Running(_)),
                Screen::Keyness(s) => matches!(s.work, Work::Running(_)) || s.counting_since.is_some(),
                other => panic!("{other:?}"),
            };
            if running {
                let m = refused(&mut h);
                assert!(
                    m.contains("worker thread") || m.contains("counting the words"),
                    "{key}: {m}"
                );
                break;
            }
            h.app.tick(Duration::ZERO);
        }
        for _ in 0..5000 {
            if !h.app.busy() {
                break;
            }
            h.app.tick(Duration::from_millis(2));
        }
        assert!(!h.app.busy(), "{key}: still computing");
        // done: the prompt opens
        h.type_str("E");
        assert!(h.app.export_prompt.is_some(), "{key}: {:?}", h.app.message);
        h.key(KeyCode::Esc).key(KeyCode::Esc);
        assert!(matches!(h.app.screen(), Screen::Main));
    }
}

#[test]
fn the_stories_say_so_until_they_are_grouped() {
    let mut h = Harness::with_index(fixture_index(&["tests/fixtures/story"]), 120, 30);
    h.key(KeyCode::Char('S'));
    assert!(matches!(h.app.screen(), Screen::Stories(s) if s.waiting.is_some()));
    assert_eq!(
        refused(&mut h),
        "the stories are still being grouped: export when they are shown"
    );
    h.screen();
    h.type_str("E");
    assert!(h.app.export_prompt.is_some(), "{:?}", h.app.message);
}
