#![allow(dead_code)]
//! The five bundled articles (assets/articles) read as the phrase tests
//! want them: file name, `source:` from the front matter, and the body
//! after it.

pub struct Article {
    pub name: String,
    pub source: Option<String>,
    pub body: String,
}

/// The bundled articles in file-name order, their front matter split off.
pub fn articles() -> Vec<Article> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/assets/articles");
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    paths
        .into_iter()
        .map(|p| {
            let text = std::fs::read_to_string(&p).unwrap();
            let rest = text.strip_prefix("---\n").expect("front matter");
            let end = rest.find("\n---\n").expect("end of front matter");
            let source = rest[..end]
                .lines()
                .find_map(|l| l.strip_prefix("source:"))
                .map(|s| s.trim().to_string());
            Article {
                name: p.file_name().unwrap().to_string_lossy().into_owned(),
                source,
                body: rest[end + 5..].to_string(),
            }
        })
        .collect()
}
