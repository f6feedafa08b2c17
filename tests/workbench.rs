//! The analyst's workbench from the command line: the config file, the
//! state store (tags, notes; two writers; a damaged or unwritable store)
//! and the headless exit codes. Every run gets its own config and data
//! folders: the real home is never touched.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

struct Env {
    dir: tempfile::TempDir,
}

impl Env {
    fn new() -> Env {
        Env {
            dir: tempfile::tempdir().unwrap(),
        }
    }

    fn config_home(&self) -> PathBuf {
        self.dir.path().join("config")
    }

    fn data(&self) -> PathBuf {
        self.dir.path().join("data")
    }

    fn command(&self, args: &[&str]) -> Command {
        let mut c = Command::new(env!("CARGO_BIN_EXE_readout"));
        c.args(args)
            .env("XDG_CONFIG_HOME", self.config_home())
            .env("READOUT_DATA_DIR", self.data())
            .env_remove("NO_COLOR");
        c
    }

    fn run(&self, args: &[&str]) -> Output {
        self.command(args).output().expect("the binary runs")
    }

    /// Writes the default config file.
    fn config(&self, text: &str) -> PathBuf {
        let dir = self.config_home().join("readout");
        std::fs::create_dir_all(&dir).unwrap();
        let file = dir.join("config.toml");
        std::fs::write(&file, text).unwrap();
        file
    }

    /// A folder of articles of our own.
    fn articles(&self, name: &str, files: &[(&str, &str)]) -> PathBuf {
        let dir = self.dir.path().join(name);
        std::fs::create_dir_all(&dir).unwrap();
        for (f, text) in files {
            std::fs::write(dir.join(f), text).unwrap();
        }
        dir
    }
}

fn out(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn err(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn json(o: &Output) -> serde_json::Value {
    serde_json::from_slice(&o.stdout).unwrap_or_else(|e| panic!("{e}: {}", out(o)))
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

const ONE: &str = "---\ntitle: Grain talks resume\nsource: Wire One\n---\nThe talks on grain resumed on Monday, officials said.\n";
const TWO: &str = "---\ntitle: Harbour reopens\nsource: Wire Two\n---\nThe harbour reopened after the storm, the port authority said.\n";

// ---- config ----

#[test]
fn config_shows_the_file_in_use_and_the_effective_settings() {
    let env = Env::new();
    let o = env.run(&["config"]);
    assert!(o.status.success(), "{}", err(&o));
    let text = out(&o);
    assert!(text.contains("# config file: none ("), "{text}");
    assert!(text.contains("min-docs = 2"), "{text}");
    assert!(text.contains(s(&env.data())), "{text}");

    let file = env.config("min-docs = 4\ntheme = \"light\"\n");
    let o = env.run(&["config"]);
    let text = out(&o);
    assert!(
        text.contains(&format!("# config file: {}", file.display())),
        "{text}"
    );
    assert!(text.contains("min-docs = 4"), "{text}");
    assert!(text.contains("theme = \"light\""), "{text}");
    assert!(text.contains("[colors]"), "{text}");
}

#[test]
fn no_color_wins_over_the_theme() {
    let env = Env::new();
    env.config("theme = \"light\"\n[colors]\nkey = \"red\"\n");
    let o = env.command(&["config"]).env("NO_COLOR", "1").output().unwrap();
    let text = out(&o);
    assert!(text.contains("no-color = true  # NO_COLOR is set"), "{text}");
    assert!(!text.contains("[colors]"), "{text}");
}

#[test]
fn config_problems_are_reported_with_their_line_and_the_rest_loads() {
    let env = Env::new();
    let file = env.config(
        "min-docs = 3\ntheme = \"sepia\"\n\n[[binding]]\ncontext = \"list\"\nkeys = [\"x\"]\naction = \"fly\"\n",
    );
    // every command reports them on stderr, and runs
    let o = env.run(&["list"]);
    assert!(o.status.success(), "{}", err(&o));
    let e = err(&o);
    assert!(
        e.contains(&format!(
            "{}: line 2, column 9: unknown theme 'sepia'",
            file.display()
        )),
        "{e}"
    );
    assert!(e.contains("line 7, column 10: unknown action 'fly'"), "{e}");
    // `config` shows them, with the good values in effect
    let text = out(&env.run(&["config"]));
    assert!(text.contains("# problem: "), "{text}");
    assert!(text.contains("min-docs = 3"), "{text}");
    assert!(text.contains("theme = \"dark\""), "{text}");
}

#[test]
fn config_defaults_feed_the_commands_and_flags_win() {
    let env = Env::new();
    let dir = env.articles("news", &[("one.txt", ONE), ("two.txt", TWO)]);
    let other = env.articles("other", &[("two.txt", TWO)]);
    env.config(&format!("paths = [\"{}\"]\n", s(&dir)));
    let o = env.run(&["list"]);
    assert!(o.status.success(), "{}", err(&o));
    let text = out(&o);
    assert!(text.contains("Grain talks resume"), "{text}");
    assert!(text.contains("Harbour reopens"), "{text}");
    // a PATH given replaces the config's
    let text = out(&env.run(&["list", s(&other)]));
    assert!(!text.contains("Grain talks"), "{text}");
    assert!(text.contains("Harbour reopens"), "{text}");

    // min-docs: "the talks" style phrases shared by two articles vanish at 3
    let env = Env::new();
    let three = env.articles(
        "three",
        &[
            ("a.txt", "The grain corridor deal was extended today."),
            ("b.txt", "Officials said the grain corridor deal holds."),
        ],
    );
    let phrases = |env: &Env, extra: &[&str]| -> Vec<String> {
        let mut args = vec!["phrases", "--json", s(&three)];
        args.extend(extra);
        let v = json(&env.run(&args));
        v.as_array()
            .unwrap()
            .iter()
            .filter(|p| !p["curated"].as_bool().unwrap())
            .map(|p| p["phrase"].as_str().unwrap().to_string())
            .collect()
    };
    assert!(phrases(&env, &[]).contains(&"grain corridor deal".to_string()));
    env.config("min-docs = 3\n");
    assert!(phrases(&env, &[]).is_empty());
    assert!(phrases(&env, &["--min-docs", "2"]).contains(&"grain corridor deal".to_string()));
}

#[test]
fn a_config_file_named_with_the_flag_must_exist() {
    let env = Env::new();
    let o = env.run(&["list", "--config", "/no/such/config.toml"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        err(&o).contains("cannot read config file /no/such/config.toml"),
        "{}",
        err(&o)
    );
    // and one that exists is used, also after the subcommand
    let file = env.dir.path().join("mine.toml");
    std::fs::write(&file, "min-docs = 7\n").unwrap();
    let o = env.run(&["config", "--config", s(&file)]);
    assert!(out(&o).contains("min-docs = 7"), "{}", out(&o));
}

// ---- state ----

#[test]
fn tag_untag_note_and_filter_on_them() {
    let env = Env::new();
    let dir = env.articles("news", &[("one.txt", ONE), ("two.txt", TWO)]);
    let one = dir.join("one.txt");
    let o = env.run(&["tag", s(&one), "grain", "Follow-up"]);
    assert!(o.status.success(), "{}", err(&o));
    assert_eq!(out(&o), "tags\tFollow-up grain\n");
    let o = env.run(&["note", s(&one), "ask", "the", "ministry"]);
    assert_eq!(out(&o), "tags\tFollow-up grain\nnote\task the ministry\n");

    let v = json(&env.run(&["list", "--json", "--filter", "tag:follow-up", s(&dir)]));
    let arr = v.as_array().unwrap();
    assert_eq!(arr.len(), 1);
    assert_eq!(arr[0]["title"], "Grain talks resume");
    assert_eq!(arr[0]["tags"], serde_json::json!(["Follow-up", "grain"]));
    assert_eq!(arr[0]["note"], "ask the ministry");
    assert_eq!(arr[0]["starred"], false);
    // every article has the fields
    let v = json(&env.run(&["list", "--json", s(&dir)]));
    for a in v.as_array().unwrap() {
        assert!(a["tags"].is_array() && a["starred"].is_boolean(), "{a}");
        assert!(a.get("note").is_some(), "{a}");
    }
    let titles = |q: &str| out(&env.run(&["list", "--filter", q, s(&dir)]));
    assert!(titles("has:note").contains("Grain talks"));
    assert!(!titles("!has:note").contains("Grain talks"));
    assert!(titles("!has:note").contains("Harbour"));
    assert!(titles("is:unread").contains("Harbour"));

    let o = env.run(&["untag", s(&one), "GRAIN"]);
    assert_eq!(out(&o).lines().next(), Some("tags\tFollow-up"));
    let o = env.run(&["note", s(&one), ""]);
    assert_eq!(out(&o), "tags\tFollow-up\n");
    assert!(!titles("has:note").contains("Grain talks"));
    // the article was never written to
    assert_eq!(std::fs::read_to_string(&one).unwrap(), ONE);
}

#[test]
fn a_moved_file_keeps_its_tags() {
    let env = Env::new();
    let dir = env.articles("news", &[("one.txt", ONE)]);
    env.run(&["tag", s(&dir.join("one.txt")), "kept"]);
    let elsewhere = env.dir.path().join("moved");
    std::fs::create_dir_all(&elsewhere).unwrap();
    std::fs::rename(dir.join("one.txt"), elsewhere.join("renamed.md")).unwrap();
    let v = json(&env.run(&["list", "--json", "--filter", "tag:kept", s(&elsewhere)]));
    assert_eq!(v.as_array().unwrap().len(), 1, "{v}");
    assert_eq!(v[0]["tags"], serde_json::json!(["kept"]));
}

#[test]
fn bad_tags_are_usage_errors() {
    let env = Env::new();
    for bad in ["two words", "!neg", "a|b"] {
        let o = env.run(&["tag", "002", bad]);
        assert_eq!(o.status.code(), Some(2), "{bad}");
    }
    let o = env.run(&["tag", "/no/such/article.txt", "x"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(!env.data().exists(), "nothing stored for bad input");
}

#[test]
fn two_writer_processes_at_once_do_not_corrupt_the_store() {
    let env = Env::new();
    let files: Vec<(String, String)> = (0..6)
        .map(|i| {
            (
                format!("a{i}.txt"),
                format!("Article number {i} about the harbour and the grain."),
            )
        })
        .collect();
    let refs: Vec<(&str, &str)> = files.iter().map(|(a, b)| (a.as_str(), b.as_str())).collect();
    let dir = env.articles("news", &refs);
    // two shells tagging at once, each many times
    let writers: Vec<_> = (0..2)
        .map(|w| {
            let mut children = Vec::new();
            for i in 0..6 {
                let path = dir.join(format!("a{i}.txt"));
                children.push(
                    env.command(&["tag", s(&path), &format!("writer{w}"), &format!("w{w}n{i}")])
                        .stdout(std::process::Stdio::null())
                        .spawn()
                        .unwrap(),
                );
            }
            children
        })
        .collect();
    for children in writers {
        for mut c in children {
            assert!(c.wait().unwrap().success());
        }
    }
    let v = json(&env.run(&["list", "--json", s(&dir)]));
    let arr = v.as_array().unwrap();
    assert_eq!(arr.len(), 6);
    for a in arr {
        let tags = a["tags"].as_array().unwrap();
        assert_eq!(tags.len(), 4, "every write landed: {a}");
    }
    assert!(std::fs::metadata(env.data().join("state.sqlite3")).is_ok());
}

#[test]
fn a_damaged_store_is_reported_and_listing_runs_on() {
    let env = Env::new();
    std::fs::create_dir_all(env.data()).unwrap();
    std::fs::write(env.data().join("state.sqlite3"), "not a database\n".repeat(300)).unwrap();
    let o = env.run(&["list", "--json"]);
    assert!(o.status.success(), "{}", err(&o));
    assert!(err(&o).contains("is damaged"), "{}", err(&o));
    assert!(err(&o).contains("going on without tags"), "{}", err(&o));
    assert_eq!(json(&o).as_array().unwrap().len(), 5);
    // writing to it fails with exit 1, and the file is left alone
    let o = env.run(&["tag", "002", "x"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(err(&o).contains("is damaged"), "{}", err(&o));
    assert_eq!(
        std::fs::read_to_string(env.data().join("state.sqlite3")).unwrap(),
        "not a database\n".repeat(300)
    );
}

#[test]
fn an_unwritable_store_folder_is_reported() {
    let env = Env::new();
    // a file where the folder should be: unwritable even for root
    let blocker = env.dir.path().join("blocker");
    std::fs::write(&blocker, "x").unwrap();
    let data = blocker.join("readout");
    let o = env.run(&["tag", "--data-dir", s(&data), "002", "x"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(err(&o).contains("cannot create the state folder"), "{}", err(&o));
    // reading commands do not mind
    let o = env.run(&["list", "--filter", "tag:x", "--data-dir", s(&data)]);
    assert!(o.status.success(), "{}", err(&o));
    assert_eq!(out(&o), "");
}

// ---- exit codes ----

#[test]
fn no_match_is_empty_output_and_exit_0_for_every_command() {
    let env = Env::new();
    let dir = env.articles("news", &[("one.txt", ONE), ("two.txt", TWO)]);
    let d = s(&dir);
    let cases: Vec<Vec<&str>> = vec![
        vec!["list", "--filter", "\"zzz nothing\"", d],
        vec!["list", "--filter", "zzzq", d],
        vec!["list", "--filter", "'zzzq", d],
        vec!["list", "--filter", "tag:none", d],
        vec!["kwic", "zzz nothing", d],
        vec!["quotes", "--speaker", "zzzq", d],
    ];
    for args in cases {
        let o = env.run(&args);
        assert_eq!(o.status.code(), Some(0), "{args:?}: {}", err(&o));
        assert_eq!(out(&o), "", "{args:?}");
        assert!(!err(&o).contains("nothing readable"), "{args:?}: {}", err(&o));
        let mut with_json = args.clone();
        with_json.push("--json");
        let o = env.run(&with_json);
        assert_eq!(o.status.code(), Some(0), "{with_json:?}: {}", err(&o));
        assert_eq!(out(&o).trim(), "[]", "{with_json:?}");
    }
    // no quotes at all, no mined phrases: empty, exit 0
    let o = env.run(&["speakers", "--json", d]);
    assert_eq!(o.status.code(), Some(0), "{}", err(&o));
}

#[test]
fn nothing_loaded_is_exit_2_for_every_command() {
    let env = Env::new();
    for args in [
        vec!["list", "/no/such"],
        vec!["list", "--filter", "\"rock solid\"", "/no/such"],
        vec!["kwic", "rock solid", "/no/such"],
        vec!["phrases", "/no/such"],
        vec!["speakers", "/no/such"],
        vec!["quotes", "/no/such"],
        vec!["compare", "/no/such", "002"],
    ] {
        let o = env.run(&args);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
    }
}

// ---- --csv ----

/// The CSV's header and rows.
fn csv_of(o: &Output) -> (Vec<String>, Vec<Vec<String>>) {
    let mut r = csv::Reader::from_reader(&o.stdout[..]);
    let header = r.headers().unwrap().iter().map(str::to_string).collect();
    let rows = r
        .records()
        .map(|rec| rec.unwrap().iter().map(str::to_string).collect())
        .collect();
    (header, rows)
}

#[test]
fn csv_has_the_fields_of_json_for_every_command() {
    let env = Env::new();
    for args in [
        vec!["list"],
        vec!["list", "--filter", "\"rock solid\""],
        vec!["phrases"],
        vec!["kwic", "rock solid"],
        vec!["speakers"],
        vec!["quotes", "--speaker", "wang"],
    ] {
        let mut j = args.clone();
        j.push("--json");
        let mut c = args.clone();
        c.push("--csv");
        let (jo, co) = (env.run(&j), env.run(&c));
        assert!(co.status.success(), "{c:?}: {}", err(&co));
        let items = json(&jo);
        let items = items.as_array().unwrap();
        let (header, rows) = csv_of(&co);
        assert!(!items.is_empty(), "{args:?}");
        assert_eq!(rows.len(), items.len(), "{args:?}");
        // every JSON field is a column, in the same order as the JSON
        let keys: Vec<String> = items[0].as_object().unwrap().keys().cloned().collect();
        let mut sorted_header = header.clone();
        sorted_header.sort();
        let mut all_keys: Vec<String> = items
            .iter()
            .flat_map(|i| i.as_object().unwrap().keys().cloned())
            .collect();
        all_keys.sort();
        all_keys.dedup();
        assert_eq!(sorted_header, all_keys, "{args:?}");
        assert!(keys.len() <= header.len());
        // and the cells hold the values
        for (item, row) in items.iter().zip(&rows) {
            for (col, name) in header.iter().enumerate() {
                let v = &item[name.as_str()];
                let expected = match v {
                    serde_json::Value::Null => String::new(),
                    serde_json::Value::String(s) => s.clone(),
                    serde_json::Value::Array(a) => a
                        .iter()
                        .map(|x| x.as_str().map_or_else(|| x.to_string(), str::to_string))
                        .collect::<Vec<_>>()
                        .join("; "),
                    serde_json::Value::Number(n) if n.is_f64() => {
                        // a float from another run of the command: mined
                        // phrase scores are sums whose last digit may vary
                        let (x, y) = (n.as_f64().unwrap(), row[col].parse::<f64>().unwrap());
                        assert!(
                            (x - y).abs() <= 1e-9 * x.abs().max(1.0),
                            "{args:?} {name}: {x} {y}"
                        );
                        continue;
                    }
                    other => other.to_string(),
                };
                assert_eq!(row[col], expected, "{args:?} {name}");
            }
        }
        // the text has a header row too
        let text = out(&env.run(&args));
        let first = text.lines().next().unwrap();
        assert!(!first.starts_with("bundled/"), "{args:?}: {first}");
    }
}

#[test]
fn compare_csv_has_a_row_per_passage() {
    let env = Env::new();
    let shared = "The foreign minister said the two countries would deepen their cooperation in energy, trade and security over the coming year.";
    let dir = env.articles(
        "pair",
        &[
            (
                "a.txt",
                &format!("Talks opened in the capital. {shared} Markets rose."),
            ),
            (
                "b.txt",
                &format!("A summit ended on Friday. {shared} Critics were unconvinced."),
            ),
        ],
    );
    let (a, b) = (dir.join("a.txt"), dir.join("b.txt"));
    let v = json(&env.run(&["compare", s(&a), s(&b), "--json"]));
    let (header, rows) = csv_of(&env.run(&["compare", s(&a), s(&b), "--csv"]));
    assert_eq!(header[..4], ["a", "b", "a_in_b", "b_in_a"]);
    assert!(header.contains(&"a_text".to_string()));
    let passages = v["passages"].as_array().unwrap();
    assert!(!passages.is_empty());
    assert_eq!(rows.len(), passages.len());
    let words = header.iter().position(|h| h == "words").unwrap();
    assert_eq!(rows[0][words], passages[0]["words"].to_string());
    assert_eq!(rows[0][0], v["a"].as_str().unwrap());
}

#[test]
fn json_and_csv_together_is_a_usage_error() {
    let env = Env::new();
    let o = env.run(&["list", "--json", "--csv"]);
    assert_eq!(o.status.code(), Some(2));
    // no match: CSV is the header alone
    let o = env.run(&["list", "--csv", "--filter", "zzzq"]);
    assert!(o.status.success());
    assert_eq!(out(&o).lines().count(), 1);
}

#[test]
fn a_closed_pipe_under_csv_is_quiet() {
    use std::io::Read;
    let env = Env::new();
    let files: Vec<(String, String)> = (0..3000)
        .map(|i| {
            (
                format!("a{i}.txt"),
                format!("Article {i} on the harbour, officials said."),
            )
        })
        .collect();
    let refs: Vec<(&str, &str)> = files.iter().map(|(a, b)| (a.as_str(), b.as_str())).collect();
    let dir = env.articles("many", &refs);
    let mut child = env
        .command(&["list", "--csv", s(&dir)])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = [0u8; 16];
    child.stdout.take().unwrap().read_exact(&mut first).unwrap();
    // stdout closed after 16 bytes
    let status = child.wait().unwrap();
    let mut e = String::new();
    child.stderr.take().unwrap().read_to_string(&mut e).unwrap();
    assert!(status.success(), "{status:?}: {e}");
    assert_eq!(e, "");
    assert_eq!(&first, b"path,title,sourc");
}
