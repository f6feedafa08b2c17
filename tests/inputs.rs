//! What analysts collect, read from the fixtures in tests/fixtures/inputs
//! (all written for these tests): saved pages, feeds, exports, odd encodings,
//! and big files.

use std::path::{Path, PathBuf};
use std::process::Command;

use readout::store::{Article, Format, IssueKind, LoadReport, load_paths};

#[path = "../benches/support/pages.rs"]
mod pages;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/inputs")
        .join(name)
}

fn load(name: &str) -> LoadReport {
    load_paths(&[fixture(name)])
}

fn messages(r: &LoadReport) -> Vec<String> {
    r.issues.iter().map(ToString::to_string).collect()
}

fn only(r: &LoadReport) -> &Article {
    assert_eq!(r.articles.len(), 1, "{:?}", messages(r));
    &r.articles[0]
}

#[test]
fn a_saved_page_gives_its_article_without_the_furniture() {
    let r = load("saved-page.html");
    let a = only(&r);
    assert!(r.issues.is_empty(), "{:?}", messages(&r));
    assert_eq!(a.format, Format::Html);
    assert_eq!(a.meta.title, "Harbour agreement signed after eleven rounds");
    assert_eq!(a.meta.source.as_deref(), Some("The Harbour Times"));
    assert_eq!(a.meta.date.as_deref(), Some("2024-05-02"));
    assert_eq!(a.meta.author.as_deref(), Some("Jo Smith"));
    assert_eq!(
        a.meta.url.as_deref(),
        Some("https://www.harbourtimes.example/news/harbour-agreement")
    );
    for kept in [
        "signed the harbour agreement on Thursday",
        "a rock solid basis for the next decade",
        "expected to vote on it in June.",
    ] {
        assert!(a.body.contains(kept), "{kept:?} missing from {}", a.body);
    }
    for furniture in [
        "Accept all cookies",
        "Sign in",
        "Share on social",
        "Ferry strike ends",
        "Related coverage",
        "All rights reserved",
        "Privacy policy",
        "not text",
    ] {
        assert!(!a.body.contains(furniture), "{furniture:?} in {}", a.body);
    }
    // paragraphs kept
    assert!(a.body.contains("six years.\n\nUnder the agreement"), "{}", a.body);
    assert_eq!(
        a.file_offset, None,
        "an extracted body is not a slice of the file"
    );
}

#[test]
fn a_page_with_no_article_is_reported() {
    let r = load("menus-only.html");
    assert!(r.articles.is_empty());
    assert_eq!(r.issues[0].kind, IssueKind::Skipped);
    assert!(
        r.issues[0].message.starts_with("no article text"),
        "{:?}",
        messages(&r)
    );
}

#[test]
fn feeds_give_one_article_per_item() {
    let r = load("harbour.rss");
    assert_eq!(r.articles.len(), 2, "{:?}", messages(&r));
    let a = &r.articles[0];
    assert_eq!(a.format, Format::Feed);
    assert_eq!(a.meta.title, "Harbour agreement signed");
    assert_eq!(
        a.meta.source.as_deref(),
        Some("The Harbour Times"),
        "the feed's title"
    );
    assert_eq!(a.meta.date.as_deref(), Some("2024-05-02"));
    assert_eq!(
        a.meta.url.as_deref(),
        Some("https://www.harbourtimes.example/news/harbour-agreement")
    );
    assert!(a.body.contains("rock solid basis"), "{}", a.body);
    assert!(!a.body.contains("<p>"), "{}", a.body);
    assert!(a.path.ends_with("harbour.rss:1"), "{}", a.path);
    assert!(r.articles[1].path.ends_with("harbour.rss:2"));

    let r = load("wire.atom");
    let a = only(&r);
    assert_eq!(a.meta.author.as_deref(), Some("Ana Ruiz"));
    assert_eq!(a.meta.source.as_deref(), Some("Evening Wire"));
    assert_eq!(a.meta.url.as_deref(), Some("https://wire.example/bridge-opens"));
    assert!(a.body.starts_with("The new bridge opened"), "{}", a.body);

    let r = load("ledger-feed.json");
    assert_eq!(r.articles.len(), 2, "{:?}", messages(&r));
    assert_eq!(r.articles[0].meta.source.as_deref(), Some("Daily Ledger"));
    assert_eq!(r.articles[0].meta.author.as_deref(), Some("Li Wen"));
    assert_eq!(r.articles[0].format, Format::Feed);
    assert_eq!(
        r.articles[1].body.as_ref(),
        "Cargo traffic through the port rose by a tenth in April."
    );
}

#[test]
fn csv_and_tsv_exports() {
    let r = load("export.csv");
    assert_eq!(r.articles.len(), 2, "{:?}", messages(&r));
    let a = &r.articles[0];
    assert_eq!(a.format, Format::Csv);
    assert_eq!(a.meta.title, "Harbour deal");
    assert_eq!(a.meta.source.as_deref(), Some("Harbour Times"));
    assert_eq!(a.meta.date.as_deref(), Some("2024-05-02"));
    assert_eq!(a.meta.url.as_deref(), Some("https://h.example/1"));
    assert_eq!(a.meta.author.as_deref(), Some("Jo Smith"));
    assert_eq!(
        a.body.as_ref(),
        "The councils signed the deal.\n\nThe mayor called it \"rock solid\"."
    );
    assert!(a.path.ends_with("export.csv:2"), "{}", a.path);
    // the row after the quoted newlines starts on line 5
    let msgs = messages(&r);
    assert_eq!(msgs.len(), 1, "{msgs:?}");
    assert!(
        msgs[0].ends_with("warning: line 5: 3 fields where the header has 7"),
        "{msgs:?}"
    );
    assert!(
        r.articles[1].path.ends_with("export.csv:6"),
        "{}",
        r.articles[1].path
    );

    let a = &load("export.tsv").articles[0];
    assert_eq!(a.meta.source.as_deref(), Some("Evening Wire"));
}

#[test]
fn encodings_are_read_and_named() {
    let plain = "The two councils signed the harbour agreement, a “rock solid” basis, officials said.";
    for (file, note) in [
        ("utf16le.txt", Some("read as UTF-16LE (byte-order mark)")),
        ("utf16be.txt", Some("read as UTF-16BE (byte-order mark)")),
        ("utf8-bom.txt", None),
    ] {
        let r = load(file);
        let a = only(&r);
        assert_eq!(a.meta.title, "Harbour agreement signed", "{file}");
        assert!(a.body.ends_with(plain), "{file}: {:?}", a.body);
        let msgs: Vec<&str> = r.issues.iter().map(|i| i.message.as_str()).collect();
        assert_eq!(msgs, note.into_iter().collect::<Vec<_>>(), "{file}");
    }
    let r = load("shift-jis.txt");
    let a = only(&r);
    assert!(a.body.contains("港湾協力の強化で合意した"), "{}", a.body);
    assert_eq!(a.encoding, Some("Shift_JIS"));
    assert_eq!(
        messages(&r)[0].split(": warning: ").nth(1),
        Some("read as Shift_JIS (detected)")
    );
}

#[test]
fn a_bom_does_not_cost_a_json_lines_record_and_number_dates_are_read() {
    let r = load("utf8-bom.jsonl");
    assert!(r.issues.is_empty(), "{:?}", messages(&r));
    assert_eq!(r.articles.len(), 2);
    assert_eq!(r.articles[0].meta.title, "First record");
    assert_eq!(r.articles[0].meta.date.as_deref(), Some("2024"));
    assert_eq!(r.articles[1].meta.date.as_deref(), Some("2024-05-02"));
}

#[test]
fn nuls_and_controls_are_removed_not_a_reason_to_skip() {
    let r = load("nul-in-text.txt");
    let a = only(&r);
    assert!(r.issues.is_empty(), "{:?}", messages(&r));
    assert!(
        a.body.contains("a strayNUL byte and a bell in it is still text."),
        "{}",
        a.body
    );
}

#[test]
fn front_matter_that_does_not_close_is_text_and_reported() {
    let r = load("unclosed-front-matter.md");
    let a = only(&r);
    assert_ne!(a.meta.title, "---");
    assert_eq!(a.meta.title, "title: Draft notes");
    assert!(a.body.starts_with("---\ntitle: Draft notes"), "{}", a.body);
    assert_eq!(a.format, Format::Markdown);
    assert!(
        messages(&r)[0].ends_with("warning: front matter does not close (no second ---): read as text"),
        "{:?}",
        messages(&r)
    );
}

#[test]
fn a_folder_walk_reads_every_format() {
    let r = load_paths(&[fixture("")]);
    let formats: std::collections::BTreeSet<String> =
        r.articles.iter().map(|a| format!("{:?}", a.format)).collect();
    assert_eq!(
        formats.into_iter().collect::<Vec<_>>(),
        ["Csv", "Feed", "Html", "Json", "Markdown", "Text"]
    );
}

#[test]
fn an_xml_file_that_is_no_feed_is_said_to_be_so_and_passed_by_in_a_walk() {
    // named: reported as what it is, not as a broken feed
    let r = load("sitemap.xml");
    assert!(r.articles.is_empty());
    assert_eq!(r.issues.len(), 1, "{:?}", messages(&r));
    assert_eq!(r.issues[0].kind, IssueKind::Skipped);
    assert!(
        messages(&r)[0]
            .ends_with("skipped: not a feed: an XML file of <urlset> (RSS, Atom and JSON Feed are read)"),
        "{:?}",
        messages(&r)
    );
    // a feed saved as .xml is read
    let r = load("council-feed.xml");
    assert_eq!(only(&r).meta.source.as_deref(), Some("Council Notes"));
    // walked: the sitemap is passed by quietly, the .xml feed read
    let r = load_paths(&[fixture("")]);
    assert!(
        !messages(&r).iter().any(|m| m.contains("sitemap")),
        "{:?}",
        messages(&r)
    );
    assert!(r.articles.iter().any(|a| a.path.ends_with("council-feed.xml:1")));
}

#[test]
fn a_5_mb_file_loads_whole() {
    let d = tempfile::tempdir().unwrap();
    let p = d.path().join("report.txt");
    let mut text = String::from("A long report\n\n");
    let mut i = 0;
    while text.len() < 5 << 20 {
        text.push_str(&format!("Paragraph {i} of the report says the harbour is busy. "));
        if i % 20 == 19 {
            text.push_str("\n\n");
        }
        i += 1;
    }
    text.push_str("The very last words: rock solid.");
    std::fs::write(&p, &text).unwrap();
    let r = load_paths(std::slice::from_ref(&p));
    let a = only(&r);
    assert!(a.body.ends_with("The very last words: rock solid."));
    assert_eq!(a.file_offset, Some(0));
    // the costly analyses are bounded, and the issues say so
    assert_eq!(
        messages(&r),
        [format!(
            "{}: warning: 5.2 MB of text: speakers and quotes are looked for in its first 256 KiB only",
            p.display()
        )]
    );
    // searchable to its end, from the command line too
    let o = Command::new(env!("CARGO_BIN_EXE_readout"))
        .args(["kwic", "very last words", "--json", p.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v.as_array().unwrap().len(), 1, "{v}");
    let start = v[0]["file_start"].as_u64().unwrap() as usize;
    assert_eq!(&text[start..start + "very last words".len()], "very last words");
}

#[test]
fn kwic_and_quotes_give_file_offsets_where_the_body_is_the_file() {
    let d = tempfile::tempdir().unwrap();
    let p = d.path().join("a.md");
    let text = "---\ntitle: Harbour\nsource: Wire\n---\n\nThe mayor said the deal was rock solid, and \"the harbour will be busy again,\" Mayor Jo Smith said.\n";
    std::fs::write(&p, text).unwrap();
    let page = fixture("saved-page.html");
    let o = Command::new(env!("CARGO_BIN_EXE_readout"))
        .args([
            "kwic",
            "rock solid",
            "--json",
            p.to_str().unwrap(),
            page.to_str().unwrap(),
        ])
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let items = v.as_array().unwrap();
    assert_eq!(items.len(), 2, "{v}");
    for k in items {
        let (start, end) = (k["start"].as_u64().unwrap(), k["end"].as_u64().unwrap());
        if k["path"].as_str().unwrap().ends_with("a.md") {
            let fs = k["file_start"].as_u64().unwrap() as usize;
            let fe = k["file_end"].as_u64().unwrap() as usize;
            assert_eq!(&text[fs..fe], "rock solid");
            assert_eq!(fe - fs, (end - start) as usize);
            assert!(fs > start as usize, "the front matter comes first");
        } else {
            assert!(k["file_start"].is_null() && k["file_end"].is_null(), "{k}");
        }
    }
    let o = Command::new(env!("CARGO_BIN_EXE_readout"))
        .args(["quotes", "--json", p.to_str().unwrap()])
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let q = &v.as_array().unwrap()[0];
    let fs = q["file_start"].as_u64().unwrap() as usize;
    let fe = q["file_end"].as_u64().unwrap() as usize;
    assert_eq!(&text[fs..fe], q["text"].as_str().unwrap());
}

#[test]
fn hostile_pages_feeds_and_exports_cannot_drive_the_terminal() {
    let d = tempfile::tempdir().unwrap();
    let esc = "\u{1b}]0;pwned\u{7}\u{1b}[2J";
    let para = "The council met on Monday and agreed the plan after a long debate about the harbour and its tolls, officials said.";
    std::fs::write(
        d.path().join("evil.html"),
        format!(
            "<html><head><title>Evil{esc} page</title><meta property=\"og:site_name\" content=\"Out{esc}let\"></head><body><article><p>{para} {esc}</p><p>{para}</p><p>{para}</p><p>{para}</p><p>{para}</p></article></body></html>"
        ),
    )
    .unwrap();
    std::fs::write(
        d.path().join("evil.rss"),
        format!("<rss version=\"2.0\"><channel><title>Feed{esc}</title><item><title>Item{esc}</title><description>{para}{esc}</description></item></channel></rss>"),
    )
    .unwrap();
    std::fs::write(
        d.path().join("evil.csv"),
        format!("title,body\n\"T{esc}\",\"{para}{esc}\"\n"),
    )
    .unwrap();
    // binary data is still refused
    std::fs::write(
        d.path().join("image.html"),
        b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\0",
    )
    .unwrap();
    let r = load_paths(&[d.path().to_path_buf()]);
    assert_eq!(r.articles.len(), 3, "{:?}", messages(&r));
    for a in &r.articles {
        for s in [
            &a.meta.title,
            a.body.as_ref(),
            a.meta.source.as_deref().unwrap_or(""),
        ] {
            assert!(!s.chars().any(|c| c.is_control() && c != '\n'), "{s:?}");
        }
    }
    assert!(
        messages(&r)
            .iter()
            .any(|m| m.contains("image.html: skipped: binary file"))
    );
    let o = Command::new(env!("CARGO_BIN_EXE_readout"))
        .args(["list", "--json", d.path().to_str().unwrap()])
        .output()
        .unwrap();
    assert!(!o.stdout.contains(&0x1b) && !o.stderr.contains(&0x1b));
}

#[test]
fn generated_pages_give_every_paragraph_and_no_furniture_marked_or_not() {
    // the benchmark's pages: the article in an <article> (the fast path),
    // and the same page marking it nowhere (extracted whole)
    let d = tempfile::tempdir().unwrap();
    for seed in 0..8 {
        let p = pages::page(seed, 60_000);
        let unmarked = p
            .html
            .replace("<article class=\"story\">", "<div class=\"story\">")
            .replace("</article>", "</div>")
            .replace("class=\"article-body\"", "class=\"text\"");
        assert_ne!(unmarked, p.html);
        for (kind, html) in [("marked", &p.html), ("unmarked", &unmarked)] {
            let path = d.path().join(format!("{kind}-{seed}.html"));
            std::fs::write(&path, html).unwrap();
            let r = load_paths(&[path]);
            let a = only(&r);
            for para in &p.paragraphs {
                assert!(
                    a.body.contains(para.as_str()),
                    "{kind} {seed}: {para:?} missing from {}",
                    a.body
                );
            }
            for junk in &p.furniture {
                assert!(
                    !a.body.contains(junk.as_str()),
                    "{kind} {seed}: {junk:?} in {}",
                    a.body
                );
            }
            assert_eq!(a.meta.title, p.title, "{kind} {seed}");
            assert_eq!(a.meta.source.as_deref(), Some(p.outlet.as_str()), "{kind} {seed}");
            assert_eq!(a.meta.author.as_deref(), Some(p.author.as_str()), "{kind} {seed}");
            assert_eq!(a.meta.url.as_deref(), Some(p.url.as_str()), "{kind} {seed}");
            assert!(a.meta.date.is_some(), "{kind} {seed}");
        }
    }
}
