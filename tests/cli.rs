//! The headless subcommands, run as the built binary.

use std::process::{Command, Output};

fn readout(args: &[&str]) -> Output {
    // never the user's own config or state store
    Command::new(env!("CARGO_BIN_EXE_readout"))
        .args(args)
        // no user phrases file from the machine's config folder
        .env(
            "XDG_CONFIG_HOME",
            concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/no-config"),
        )
        .env("READOUT_DATA_DIR", "/nonexistent/readout-test/data")
        .output()
        .expect("the binary runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn list_bundled_articles() {
    let o = readout(&["list"]);
    assert!(o.status.success());
    let out = stdout(&o);
    // a header row, then the five articles
    assert_eq!(out.lines().count(), 6);
    assert!(out.starts_with(
        "path\ttitle\tsource\tdate\twords\nbundled/000_191d42a32b64d5f6.txt\tRussia relationship better than an alliance"
    ));
}

#[test]
fn list_json_has_the_fields() {
    let o = readout(&["list", "--json", "--filter", "\"rock solid\""]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let arr = v.as_array().unwrap();
    assert_eq!(arr.len(), 2);
    for item in arr {
        for key in ["path", "title", "source", "date", "words"] {
            assert!(item.get(key).is_some(), "missing {key} in {item}");
        }
    }
    assert_eq!(arr[0]["path"], "bundled/002_e474bb9dcb4c5a3e.txt");
}

#[test]
fn list_filter_uses_the_tui_language() {
    // "South China Morning Post (The Star)" is South China Morning Post: a date leaves it out
    let o = readout(&["list", "--filter", "scmp | rt !date:2023"]);
    let out = stdout(&o);
    let paths: Vec<&str> = out.lines().map(|l| l.split('\t').next().unwrap()).collect();
    assert!(paths.contains(&"bundled/000_191d42a32b64d5f6.txt"), "{out}");
    assert!(paths.contains(&"bundled/003_b00b66132fac24a3.txt"), "{out}");
    assert!(!paths.contains(&"bundled/004_178e249b77d00c9e.txt"), "{out}");
}

#[test]
fn bad_query_exits_2_with_a_message() {
    let o = readout(&["list", "--filter", "\"rock solid"]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(
        stderr(&o).trim(),
        "readout: bad query: unclosed quote (at character 1)"
    );
    assert!(o.stdout.is_empty());
}

#[test]
fn nothing_readable_exits_2() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("bin.txt"), b"\0\0\0").unwrap();
    let o = readout(&["list", dir.path().to_str().unwrap(), "/no/such/path"]);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(err.contains("bin.txt: skipped: binary file"), "{err}");
    assert!(
        err.contains("/no/such/path: skipped: no such file or folder"),
        "{err}"
    );
    assert!(err.contains("nothing readable"), "{err}");
}

#[test]
fn partial_load_reports_and_continues() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("a.txt"),
        "Rock solid ties\n\nThey are rock-solid.",
    )
    .unwrap();
    std::fs::write(dir.path().join("empty.md"), "").unwrap();
    let o = readout(&["list", dir.path().to_str().unwrap(), "--filter", "\"rock solid\""]);
    assert!(o.status.success());
    assert!(stdout(&o).contains("\tRock solid ties\t"));
    assert!(stderr(&o).contains("empty.md: skipped: empty"));
}

#[test]
fn help_and_version() {
    let o = readout(&["--help"]);
    assert!(o.status.success());
    assert!(stdout(&o).contains("Usage: readout"));
    assert!(stdout(&o).contains("list"));
    assert!(readout(&["--version"]).status.success());
}

#[test]
fn broken_pipe_is_quiet() {
    use std::io::Read;
    use std::process::Stdio;
    let mut child = Command::new(env!("CARGO_BIN_EXE_readout"))
        .args(["list", "--json"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let status = child.wait().unwrap();
    let mut err = String::new();
    child.stderr.take().unwrap().read_to_string(&mut err).unwrap();
    assert!(status.success(), "{err}");
    assert!(!err.contains("panicked"), "{err}");
}

#[test]
fn phrases_json_lists_families_first_then_mined() {
    let o = readout(&["phrases", "--json"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let arr = v.as_array().unwrap();
    for key in ["phrase", "label", "articles", "occurrences", "curated"] {
        assert!(arr[0].get(key).is_some(), "missing {key}");
    }
    let first_mined = arr.iter().position(|p| p["curated"] == false).unwrap();
    assert!(arr[..first_mined].iter().all(|p| p["curated"] == true));
    assert!(arr[first_mined..].iter().all(|p| p["label"].is_null()));
    let rock = arr.iter().find(|p| p["phrase"] == "rock solid").unwrap();
    assert_eq!(rock["articles"], 2);
    assert_eq!(rock["occurrences"], 6);
    assert!(arr.iter().any(|p| p["phrase"] == "wang yi" && p["articles"] == 5));
}

#[test]
fn phrases_min_docs_narrows() {
    let two = stdout(&readout(&["phrases", "--min-docs", "2"])).lines().count();
    let four = stdout(&readout(&["phrases", "--min-docs", "4"])).lines().count();
    assert!(four < two, "{four} >= {two}");
}

#[test]
fn kwic_json_for_a_family_and_a_phrase() {
    let o = readout(&["kwic", "rock solid", "--json"]);
    assert!(o.status.success());
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let arr = v.as_array().unwrap();
    assert_eq!(arr.len(), 6);
    for key in ["path", "left", "match", "right"] {
        assert!(arr[0].get(key).is_some(), "missing {key}");
    }
    assert!(arr.iter().any(|k| k["match"] == "solid as a rock"));
    let o = readout(&["kwic", "Patrushev", "--json"]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert!(
        v.as_array()
            .unwrap()
            .iter()
            .all(|k| k["path"] == "bundled/004_178e249b77d00c9e.txt")
    );
}

#[test]
fn speakers_and_quotes_json() {
    let o = readout(&["speakers", "--json"]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let wang = v
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["name"] == "Wang Yi")
        .unwrap();
    assert_eq!(wang["kind"], "person");
    assert_eq!(wang["articles"].as_array().unwrap().len(), 5);
    let o = readout(&["quotes", "--speaker", "patrushev", "--json"]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let arr = v.as_array().unwrap();
    assert_eq!(arr.len(), 6);
    for q in arr {
        assert_eq!(q["speaker"], "Nikolai Patrushev");
        assert_eq!(q["speaker_kind"], "person");
        assert!(q["kind"] == "direct" || q["kind"] == "reported");
        assert!(!q["text"].as_str().unwrap().is_empty());
    }
}

#[test]
fn speaker_kinds_and_long_articles() {
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("a.txt");
    std::fs::write(
        &a,
        "Council votes\n\n“It is a hard vote,” Mayor Colette Arsenault said.\n\nThe credit union said in a statement that members were repaid.\n\nSome residents say the rise is too steep.\n",
    )
    .unwrap();
    let o = readout(&["speakers", "--json", a.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let kinds: Vec<(String, String)> = v
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            (
                s["name"].as_str().unwrap().to_string(),
                s["kind"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    // people first, then organisations, then unnamed sources
    assert_eq!(kinds[0], ("Colette Arsenault".to_string(), "person".to_string()));
    assert_eq!(kinds.last().unwrap().1, "unnamed");
    assert!(kinds.iter().any(|(_, k)| k == "organisation"));
    // @name (--speaker) finds people and organisations, not unnamed sources
    let o = readout(&["quotes", "--json", "--speaker", "residents", a.to_str().unwrap()]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert!(v.as_array().unwrap().is_empty());

    // a body over 256 KiB: speakers from its first 256 KiB, said on stderr
    let b = dir.path().join("long.txt");
    let para = "“We are ready,” Jane Doe said. The council met on Monday.\n\n";
    std::fs::write(&b, format!("Long one\n\n{}", para.repeat(6000))).unwrap();
    let o = readout(&["speakers", b.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    // a header row, then the speaker
    assert!(
        stdout(&o).starts_with("name\tkind\tquotes\tarticles\nJane Doe\tperson"),
        "{}",
        stdout(&o)
    );
    assert!(
        stderr(&o).contains("speakers and quotes are looked for in its first 256 KiB only"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn user_phrase_file_adds_a_family() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("mine.toml");
    std::fs::write(&f, "[[family]]\nlabel = \"treaty\"\ncolor = \"green\"\nvariants = [\"friendship treaty\", \"treaty of good neighbourliness\"]\n").unwrap();
    let o = readout(&["list", "--phrases", f.to_str().unwrap(), "--filter", "#treaty"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).lines().nth(1).unwrap().starts_with("bundled/000_"));
    std::fs::write(&f, "[[family]]\nlabel = ").unwrap();
    let o = readout(&["list", "--phrases", f.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("mine.toml"), "{}", stderr(&o));
}

#[test]
fn compare_json_with_shared_passages() {
    let dir = tempfile::tempdir().unwrap();
    let wire = "Chinese Foreign Minister Wang Yi said relations with Russia were rock solid and would not be swayed by any third party, according to a transcript.";
    let a = dir.path().join("a.txt");
    let b = dir.path().join("b.txt");
    std::fs::write(&a, format!("Report A\n\nFirst some local colour. {wire}")).unwrap();
    std::fs::write(
        &b,
        format!(
            "Report B\n\n{} Then other news entirely.",
            wire.replace("Wang Yi", "Wang  Yi")
        ),
    )
    .unwrap();
    let o = readout(&["compare", a.to_str().unwrap(), b.to_str().unwrap(), "--json"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let p = &v["passages"][0];
    assert!(p["words"].as_u64().unwrap() >= 20, "{v}");
    assert!(
        p["a_text"]
            .as_str()
            .unwrap()
            .starts_with("Chinese Foreign Minister")
    );
    assert!(p["b_text"].as_str().unwrap().contains("Wang  Yi"));
    let sim = &v["similarity"];
    assert!(
        sim["a_in_b"].as_f64().unwrap() > 0.5 && sim["b_in_a"].as_f64().unwrap() > 0.5,
        "{v}"
    );
}

#[test]
fn compare_bundled_by_name_and_bad_name() {
    let o = readout(&["compare", "002", "004"]);
    assert!(o.status.success());
    assert!(stdout(&o).contains("% of A is shared with B"));
    let o = readout(&["compare", "002", "nope"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("'nope' is neither a file nor a bundled article"));
}

#[cfg(unix)]
#[test]
fn file_names_cannot_drive_the_terminal() {
    let d = tempfile::tempdir().unwrap();
    let evil = d.path().join("evil\u{1b}]0;pwned\u{7}\u{1b}[31m.txt");
    std::fs::write(&evil, "Rock solid\n\nRelations are rock solid.").unwrap();
    std::fs::write(d.path().join("bin\u{1b}[2J.txt"), b"\0\x01\x02binary").unwrap();
    let dir = d.path().to_str().unwrap();
    for args in [
        vec!["list", dir],
        vec!["list", "--filter", "\"rock solid\"", dir],
        vec!["kwic", "rock solid", dir],
    ] {
        let o = readout(&args);
        assert!(o.status.success(), "{args:?}");
        let (out, err) = (stdout(&o), stderr(&o));
        assert!(
            !out.contains('\u{1b}') && !out.contains('\u{7}'),
            "{args:?}: {out:?}"
        );
        assert!(!err.contains('\u{1b}'), "{args:?}: {err:?}");
        // the names are still there, their control characters made visible
        assert!(out.contains("evil\\u{1b}]0;pwned\\u{7}"), "{out}");
        assert!(err.contains("bin\\u{1b}[2J.txt: skipped: binary file"), "{err}");
    }
}

#[test]
fn kwic_of_nothing_is_a_usage_error() {
    let o = readout(&["kwic", " - "]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("the phrase has no words"), "{}", stderr(&o));
}

#[test]
fn json_booleans_are_always_present() {
    let o = readout(&["phrases", "--json"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let arr = v.as_array().unwrap();
    for p in arr {
        assert!(p["curated"].is_boolean(), "{p}");
        assert!(p["single_source"].is_boolean(), "{p}");
    }
    // curated phrases are never single-source; mined ones can be either
    assert!(
        arr.iter()
            .any(|p| p["curated"] == true && p["single_source"] == false)
    );
    assert!(
        arr.iter()
            .any(|p| p["curated"] == false && p["single_source"] == false)
    );
}

#[test]
fn a_bad_json_line_names_the_files_line_once() {
    let d = tempfile::tempdir().unwrap();
    let f = d.path().join("x.jsonl");
    std::fs::write(&f, "{\"title\":\"a\",\"body\":\"b\"}\n{bad\n").unwrap();
    let o = readout(&["list", f.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let err = stderr(&o);
    assert!(
        err.contains("x.jsonl: warning: line 2, column 2: key must be a string\n"),
        "{err}"
    );
    assert!(!err.contains("line 1"), "{err}");
}

#[cfg(unix)]
#[test]
fn link_loops_read_the_same_for_files_and_folders() {
    use std::os::unix::fs::symlink;
    let d = tempfile::tempdir().unwrap();
    let r = d.path();
    symlink(r.join("a"), r.join("b")).unwrap();
    symlink(r.join("b"), r.join("a")).unwrap();
    std::fs::create_dir(r.join("d")).unwrap();
    symlink("../d", r.join("d/loop")).unwrap();
    let o = readout(&["list", r.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    for name in ["a", "b", "d/loop"] {
        let line = format!("{}: skipped: symbolic link loop\n", r.join(name).display());
        assert!(err.contains(&line), "{line:?} in {err}");
    }
    assert!(!err.contains("os error"), "{err}");
}

#[test]
fn a_missing_bare_word_hints_at_the_subcommands() {
    let o = readout(&["bogus"]);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(
        err.starts_with(
            "readout: bogus: skipped: no such file or folder \
             (subcommands: list, speakers, quotes, phrases, kwic, compare, outlets, keyness, timeline, stories, \
             tag, untag, note, config; see readout --help)\n"
        ),
        "{err}"
    );
    assert!(err.contains("nothing readable"), "{err}");
    // a path that reads as a path gets no hint
    let o = readout(&["bogus.txt"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(!stderr(&o).contains("subcommands"), "{}", stderr(&o));
}

#[test]
fn numeric_and_text_arguments_are_bounded() {
    for (args, what) in [
        (
            vec!["kwic", "rock solid", "--width", "18446744073709551615"],
            "0..=1000",
        ),
        (vec!["kwic", "rock solid", "--width", "1000000000"], "0..=1000"),
        (vec!["kwic", "rock solid", "--width=-1"], "--width"),
        (vec!["phrases", "--min-docs", "0"], "1..=1000000"),
        (vec!["phrases", "--min-docs", "99999999999"], "1..=1000000"),
        (vec!["--min-docs", "0"], "1..=1000000"),
    ] {
        let o = readout(&args);
        assert_eq!(o.status.code(), Some(2), "{args:?}: {}", stderr(&o));
        assert!(stderr(&o).contains(what), "{args:?}: {}", stderr(&o));
    }
    let long = "word ".repeat(10_000);
    for args in [
        vec!["kwic", long.as_str()],
        vec!["quotes", "--speaker", long.as_str()],
        vec!["list", "--filter", long.as_str()],
    ] {
        let o = readout(&args);
        assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
        assert!(stderr(&o).contains("at most 1000 characters"), "{}", stderr(&o));
    }
    let o = readout(&["kwic", "rock solid", "--width", "1000"]);
    assert!(o.status.success());
}

#[test]
fn json_file_names_are_escaped_as_the_text_is() {
    let d = tempfile::tempdir().unwrap();
    let name = "a\u{202e}txt.exe\u{9b}31m.txt";
    std::fs::write(
        d.path().join(name),
        "Rock solid\n\nRelations are rock solid, Wang Yi said.",
    )
    .unwrap();
    let dir = d.path().to_str().unwrap();
    for args in [
        vec!["list", "--json", dir],
        vec!["kwic", "rock solid", "--json", dir],
        vec!["quotes", "--json", dir],
        vec!["speakers", "--json", dir],
    ] {
        let o = readout(&args);
        assert!(o.status.success(), "{args:?}");
        let out = stdout(&o);
        assert!(
            !out.contains('\u{202e}') && !out.contains('\u{9b}'),
            "{args:?}: {out}"
        );
        assert!(
            out.contains("a\\\\u{202e}txt.exe\\\\u{9b}31m.txt"),
            "{args:?}: {out}"
        );
    }
    let file = d.path().join(name);
    let o = readout(&["compare", file.to_str().unwrap(), "000", "--json"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(!stdout(&o).contains('\u{202e}'), "{}", stdout(&o));
}

#[cfg(unix)]
#[test]
fn names_that_are_not_utf8_print_as_bytes_that_name_the_file() {
    use std::os::unix::ffi::OsStrExt;
    let d = tempfile::tempdir().unwrap();
    let name = std::ffi::OsStr::from_bytes(b"caf\xe9.txt");
    let Ok(()) = std::fs::write(d.path().join(name), "Cafe\n\nA story.") else {
        // a file system that takes only UTF-8 names
        return;
    };
    let o = readout(&["list", d.path().to_str().unwrap()]);
    let out = stdout(&o);
    assert!(out.contains("caf\\xe9.txt"), "{out}");
    assert!(!out.contains('\u{fffd}'), "{out}");
    // and that name opens the file
    let shown = out.lines().nth(1).unwrap().split('\t').next().unwrap();
    assert_eq!(readout::store::path_of_shown(shown), d.path().join(name));
}

#[test]
fn compare_takes_articles_not_folders() {
    let d = tempfile::tempdir().unwrap();
    std::fs::write(d.path().join("a.txt"), "One\n\nFirst text here.").unwrap();
    std::fs::write(d.path().join("b.txt"), "Two\n\nSecond text here.").unwrap();
    let dir = d.path().to_str().unwrap();
    let a = d.path().join("a.txt");
    let o = readout(&["compare", dir, a.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("is a folder"), "{}", stderr(&o));
    let many = d.path().join("many.jsonl");
    std::fs::write(
        &many,
        "{\"title\":\"x\",\"body\":\"one\"}\n{\"title\":\"y\",\"body\":\"two\"}\n",
    )
    .unwrap();
    let o = readout(&["compare", many.to_str().unwrap(), a.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("holds 2 articles: name one as"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn a_folder_given_twice_loads_once() {
    let d = tempfile::tempdir().unwrap();
    std::fs::write(d.path().join("a.txt"), "One\n\nFirst text here.").unwrap();
    let dir = d.path().to_str().unwrap();
    let a = d.path().join("a.txt");
    let o = readout(&["list", dir, dir, a.to_str().unwrap()]);
    // the header row and one article
    assert_eq!(stdout(&o).lines().skip(1).count(), 1, "{}", stdout(&o));
}

#[test]
fn a_device_named_explicitly_is_skipped_with_what_it_is() {
    if !std::path::Path::new("/dev/zero").exists() {
        return;
    }
    let o = readout(&["list", "/dev/zero", "000_191d42a32b64d5f6.txt"]);
    assert!(
        stderr(&o).contains("/dev/zero: skipped: a character device, not a file or folder"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn phrases_json_has_kind_and_evidence_and_hides_for_good() {
    let story = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/story");
    let o = readout(&["phrases", "--json", story]);
    assert!(o.status.success(), "{}", stderr(&o));
    let rows: Vec<serde_json::Value> = serde_json::from_str(&stdout(&o)).unwrap();
    let mined: Vec<&serde_json::Value> = rows.iter().filter(|r| r["curated"] == false).collect();
    for r in &rows {
        for field in ["kind", "quoted", "outlets", "variants"] {
            assert!(r.get(field).is_some(), "{field} missing in {r}");
        }
    }
    // formulas first, then names; the first is quoted somewhere
    let first_name = mined.iter().position(|r| r["kind"] == "name").expect("a name");
    assert!(first_name > 0);
    assert!(mined[first_name..].iter().all(|r| r["kind"] == "name"));
    assert!(mined[0]["quoted"].as_u64().unwrap() > 0);
    assert!(mined[0]["outlets"].as_u64().unwrap() >= 2);
    let phrase = mined[0]["phrase"].as_str().unwrap().to_string();
    // hidden for good by a phrases file
    let dir = std::env::temp_dir().join(format!("readout-cli-hide-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("phrases.toml");
    std::fs::write(&file, format!("[[hide]]\nphrase = \"{phrase}\"\n")).unwrap();
    let o = readout(&["phrases", "--json", "--phrases", file.to_str().unwrap(), story]);
    let rows: Vec<serde_json::Value> = serde_json::from_str(&stdout(&o)).unwrap();
    assert!(
        rows.iter().all(|r| r["phrase"] != phrase.as_str()),
        "{phrase} still listed"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn outlets_table_of_the_bundled_articles() {
    let o = readout(&["outlets"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    let head = out.lines().next().unwrap();
    assert!(
        head.starts_with("outlet\tarticles\t#rock solid\t#no limits"),
        "{head}"
    );
    // "South China Morning Post (The Star)" and "South China Morning Post" are one outlet
    assert!(out.contains("\nSouth China Morning Post\t2\t50%\t"), "{out}");
    let o = readout(&["outlets", "--json"]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let row = &v["rows"][0];
    assert_eq!(row["outlet"], "South China Morning Post");
    assert_eq!(row["articles"], 2);
    assert_eq!(
        row["shares"].as_array().unwrap().len(),
        v["columns"].as_array().unwrap().len()
    );
}

#[test]
fn field_terms_filter_and_a_bad_date_exits_2() {
    let o = readout(&["list", "--filter", "date:..2022 source:scmp"]);
    assert!(o.status.success(), "{}", stderr(&o));
    // the header row and one article
    assert_eq!(stdout(&o).lines().skip(1).count(), 1, "{}", stdout(&o));
    assert!(stdout(&o).lines().nth(1).unwrap().starts_with("bundled/000_"));
    for args in [
        &["list", "--filter", "date:2023-02-30"][..],
        &["timeline", "date:someday"][..],
        &["keyness", "--filter", "date:2024..2023"][..],
    ] {
        let o = readout(args);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        assert!(stderr(&o).contains("bad query"), "{}", stderr(&o));
    }
    let o = readout(&["keyness"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("give --filter QUERY"));
}

#[test]
fn timeline_and_keyness_on_the_story_corpus() {
    let story = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/story");
    let o = readout(&[
        "timeline",
        "\"partnership without ceilings\"",
        story,
        "--step",
        "year",
        "--json",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["step"], "year");
    assert_eq!(v["periods"], serde_json::json!(["2023", "2024"]));
    let hits: u64 = v["total"]["hits"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h.as_u64().unwrap())
        .sum();
    let articles: u64 = v["total"]["articles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h.as_u64().unwrap())
        .sum();
    assert_eq!(
        articles, 24,
        "every dated article of the story counts in the denominators"
    );
    assert!((10..=18).contains(&hits), "{hits}");
    let o = readout(&["keyness", "--filter", "source:xinhua", story, "--json"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["target_articles"], 3);
    assert_eq!(v["reference_articles"], 23);
    for key in [
        "term",
        "kind",
        "target_docs",
        "reference_docs",
        "ll_docs",
        "log_ratio_docs",
        "ll_occurrences",
        "log_ratio_occurrences",
    ] {
        assert!(v["over"][0].get(key).is_some(), "{key} in {}", v["over"][0]);
    }
    // too few articles for any term to stand out: the text says so
    let o = readout(&["keyness", "--filter", "source:xinhua", "assets/articles"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(out.contains("# none: no term in 3 articles or more"), "{out}");
}

#[test]
fn outlets_file_extends_the_alias_table() {
    let d = tempfile::tempdir().unwrap();
    std::fs::write(
        d.path().join("a.txt"),
        "Harbour reopens\n\nNORTHPORT (NH Wire) - The harbour reopened.",
    )
    .unwrap();
    std::fs::write(
        d.path().join("outlets.toml"),
        "[[outlet]]\nname = \"Northport Herald\"\naliases = [\"NH Wire\"]\n",
    )
    .unwrap();
    let folder = d.path().join("a.txt");
    let table = d.path().join("outlets.toml");
    let o = readout(&["list", folder.to_str().unwrap()]);
    assert!(stdout(&o).contains("\tNH Wire\t"), "{}", stdout(&o));
    let o = readout(&[
        "list",
        folder.to_str().unwrap(),
        "--outlets",
        table.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).contains("\tNorthport Herald\t"), "{}", stdout(&o));
    let o = readout(&["list", "--outlets", "/no/such/outlets.toml"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("cannot read outlets file"), "{}", stderr(&o));
}
