//! `readout stories` and what `readout compare` shows beyond verbatim
//! passages, run as the built binary on the invented story fixture.

use std::process::{Command, Output};

fn readout(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_readout"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(args)
        .output()
        .expect("the binary runs")
}

fn json(o: &Output) -> serde_json::Value {
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    serde_json::from_slice(&o.stdout).unwrap()
}

const GUARDIAN: &str = "tests/fixtures/story/press-conference-guardian.txt";
const TASS: &str = "tests/fixtures/story/press-conference-tass.txt";

#[test]
fn stories_json_lists_the_press_conference_group() {
    let v = json(&readout(&["stories", "tests/fixtures/story", "--json"]));
    let groups = v.as_array().unwrap();
    assert!(!groups.is_empty());
    for g in groups {
        for key in [
            "label",
            "size",
            "cohesion",
            "first_date",
            "last_date",
            "outlets",
            "articles",
        ] {
            assert!(g.get(key).is_some(), "missing {key} in {g}");
        }
        assert_eq!(
            g["size"].as_u64().unwrap() as usize,
            g["articles"].as_array().unwrap().len()
        );
    }
    let press = groups
        .iter()
        .find(|g| {
            g["articles"][0]["path"]
                .as_str()
                .unwrap()
                .contains("press-conference")
        })
        .expect("the press conference is a story");
    assert_eq!(press["size"], 3);
    assert!(!press["label"].as_str().unwrap().is_empty());
}

#[test]
fn stories_text_and_dates_from_front_matter() {
    let dir = tempfile::tempdir().unwrap();
    let meeting = "Foreign ministers Ruslan Bereth and Lidia Kovane met in Valdor and signed four documents on \
                   visa-free travel and the port of Port Selen, where trade grew by 19% this year.";
    let reworded = "In Valdor, Bereth and Kovane signed four agreements, on visa-free group travel and on \
                    joint use of Port Selen; trade rose by 19%, Bereth said.";
    for (name, source, date, body) in [
        ("a.md", "Wire", "2023-07-24", meeting),
        ("b.md", "Daily", "2023-07-25", reworded),
        (
            "c.md",
            "Weekly",
            "2023-07-24",
            "Farmers harvested a record wheat crop after heavy spring rain.",
        ),
    ] {
        std::fs::write(
            dir.path().join(name),
            format!("---\nsource: {source}\ndate: {date}\n---\n{body}\n"),
        )
        .unwrap();
    }
    let o = readout(&["stories", dir.path().to_str().unwrap()]);
    assert!(o.status.success());
    let out = String::from_utf8_lossy(&o.stdout);
    let first = out.lines().next().unwrap();
    assert!(
        first.contains("2 articles\t2023-07-24 to 2023-07-25\tWire, Daily"),
        "{out}"
    );
    assert!(!out.contains("c.md"), "{out}");
    // the same articles months apart are no story
    std::fs::write(
        dir.path().join("b.md"),
        format!("---\ndate: 2023-12-01\n---\n{reworded}\n"),
    )
    .unwrap();
    let o = readout(&["stories", dir.path().to_str().unwrap()]);
    assert!(String::from_utf8_lossy(&o.stdout).starts_with("no two of the 3 articles"));
}

#[test]
fn compare_json_has_reworded_speakers_and_families() {
    let v = json(&readout(&["compare", GUARDIAN, TASS, "--json"]));
    let reworded = v["reworded"].as_array().unwrap();
    assert!(reworded.iter().any(|r| {
        r["a_text"]
            .as_str()
            .unwrap()
            .starts_with("The ministers signed four documents")
    }));
    for r in reworded {
        for key in [
            "score", "a_text", "b_text", "a_start", "a_end", "b_start", "b_end", "a_words", "b_words",
        ] {
            assert!(r.get(key).is_some(), "missing {key} in {r}");
        }
    }
    let speakers = v["speakers"].as_array().unwrap();
    let bereth = speakers
        .iter()
        .find(|s| s["speaker"] == "Ruslan Bereth")
        .expect("Bereth is quoted");
    assert_eq!(bereth["side"], "both");
    let aligned = bereth["aligned"].as_array().unwrap();
    assert!(aligned.iter().any(|q| {
        q["b_text"]
            .as_str()
            .unwrap()
            .contains("partnership with no ceilings")
    }));
    let families = &v["families"];
    for key in ["both", "only_a", "only_b"] {
        assert!(families[key].is_array(), "missing {key}");
    }
    assert!(v["passages"][0]["diffs"].is_array());
}

#[test]
fn compare_text_shows_the_new_sections() {
    let o = readout(&[
        "compare",
        GUARDIAN,
        "tests/fixtures/story/press-conference-scmp.txt",
    ]);
    assert!(o.status.success());
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(
        out.contains("  differs: \"has\" / \"have\"; \"led to\" / \"paved the way for\""),
        "{out}"
    );
    assert!(out.contains("reworded sentence pairs"), "{out}");
    assert!(out.contains("\nspeakers\n"), "{out}");
    assert!(out.contains("formulas in both: "), "{out}");
    // an empty side says so rather than ending the line blank
    for line in out.lines().filter(|l| l.starts_with("only in ")) {
        assert!(!line.trim_end().ends_with(':'), "{out}");
    }
}
