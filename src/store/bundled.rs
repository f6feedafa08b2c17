//! The five articles the project starts from, compiled into the binary so
//! that `readout` with no arguments opens something real from any folder.

use super::Article;

/// (asset name, file text) of every bundled article.
pub const BUNDLED: &[(&str, &str)] = &[
    (
        "000_191d42a32b64d5f6.txt",
        include_str!("../../assets/articles/000_191d42a32b64d5f6.txt"),
    ),
    (
        "001_6563dcdc79f6373c.txt",
        include_str!("../../assets/articles/001_6563dcdc79f6373c.txt"),
    ),
    (
        "002_e474bb9dcb4c5a3e.txt",
        include_str!("../../assets/articles/002_e474bb9dcb4c5a3e.txt"),
    ),
    (
        "003_b00b66132fac24a3.txt",
        include_str!("../../assets/articles/003_b00b66132fac24a3.txt"),
    ),
    (
        "004_178e249b77d00c9e.txt",
        include_str!("../../assets/articles/004_178e249b77d00c9e.txt"),
    ),
];

/// The bundled articles, with stable paths `bundled/NAME`.
pub fn bundled_articles() -> Vec<Article> {
    BUNDLED
        .iter()
        .map(|(name, text)| Article::from_text(format!("bundled/{name}"), text, false))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn all_five_load_with_titles() {
        let arts = bundled_articles();
        assert_eq!(arts.len(), 5);
        assert_eq!(
            arts[0].meta.title,
            "Russia relationship better than an alliance, Chinese foreign minister says"
        );
        assert_eq!(arts[0].meta.source.as_deref(), Some("South China Morning Post"));
        // 001 has no headline: the opening words of its first sentence
        assert!(
            arts[1]
                .meta
                .title
                .starts_with("Chinese Foreign Minister Wang Yi emphasized")
        );
        assert!(arts[1].meta.title.ends_with('…'));
        for a in &arts {
            assert!(a.words > 300, "{} has {} words", a.path, a.words);
            assert!(!a.body.starts_with('\n'));
        }
    }

    #[test]
    fn bodies_are_the_seed_text() {
        // the text after the front matter is the article as received
        let a = &bundled_articles()[2];
        assert!(a.body.starts_with("China-Russia Relations Are ‘Rock Solid,’"));
        assert!(a.body.contains("remains rock-solid"));
    }
}
