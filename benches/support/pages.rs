//! A generator of saved web pages, as a browser's "Save page" writes them:
//! a head with metadata, inline styles and scripts, a navigation bar, a
//! cookie banner, the article, share buttons, related stories and a footer.
//! All text is made up here. Shared by the page benchmark and the tests
//! (`#[path]`), so each page's expected article text is known.

#![allow(dead_code)]

/// A small deterministic generator (SplitMix64).
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }
    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    pub fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

const WORDS: &[&str] = &[
    "minister",
    "talks",
    "border",
    "trade",
    "summit",
    "officials",
    "agreement",
    "said",
    "on",
    "the",
    "a",
    "of",
    "and",
    "in",
    "to",
    "with",
    "after",
    "before",
    "government",
    "partners",
    "economy",
    "security",
    "week",
    "meeting",
    "delegation",
    "statement",
    "energy",
    "port",
    "railway",
    "cooperation",
    "pressure",
    "sanctions",
    "growth",
    "region",
    "leaders",
    "plan",
    "council",
    "analysts",
    "markets",
    "investment",
    "visit",
    "capital",
    "relations",
    "project",
];
const OUTLETS: &[&str] = &[
    "Harbour Times",
    "Daily Ledger",
    "Northern Courier",
    "Evening Wire",
];
const NAMES: &[&str] = &["Ana Ruiz", "Tom Becker", "Li Wen", "Sara Okafor", "Ivan Petrov"];

/// One generated page and the article text it holds.
pub struct Page {
    pub html: String,
    pub title: String,
    pub outlet: String,
    pub author: String,
    pub date: String,
    pub url: String,
    /// The article's paragraphs, as the extraction should give them.
    pub paragraphs: Vec<String>,
    /// Phrases that appear only in the page's furniture (menus, banner,
    /// related links, footer): none may reach the extracted text.
    pub furniture: Vec<String>,
}

fn sentence(rng: &mut Rng, words: usize) -> String {
    let mut s = String::new();
    for i in 0..words {
        let w = rng.pick(WORDS);
        if i == 0 {
            let mut c = w.chars();
            if let Some(f) = c.next() {
                s.extend(f.to_uppercase());
                s.push_str(c.as_str());
            }
        } else {
            s.push(' ');
            s.push_str(w);
        }
        if i + 1 < words && rng.below(9) == 0 {
            s.push(',');
        }
    }
    s.push('.');
    s
}

/// A page of about `target` bytes (the article itself some 900 words).
pub fn page(seed: u64, target: usize) -> Page {
    let mut rng = Rng::new(seed);
    let outlet = rng.pick(OUTLETS).to_string();
    let author = rng.pick(NAMES).to_string();
    let day = 1 + rng.below(28);
    let date = format!("2024-03-{day:02}T09:30:00Z");
    let title = format!(
        "{} {} {}",
        "Talks on",
        rng.pick(WORDS),
        format_args!("resume in round {seed}")
    );
    let slug = format!("story-{seed}");
    let domain = outlet.to_lowercase().replace(' ', "");
    let url = format!("https://www.{domain}.example/world/{slug}");
    let paragraphs: Vec<String> = (0..12 + rng.below(6))
        .map(|_| {
            let n = 3 + rng.below(3);
            (0..n)
                .map(|_| {
                    let w = 10 + rng.below(14);
                    sentence(&mut rng, w)
                })
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect();
    let furniture = vec![
        "Accept all cookies".to_string(),
        "Subscribe to our newsletter".to_string(),
        "Share on social".to_string(),
        "Related coverage".to_string(),
        "All rights reserved".to_string(),
        "Sign in".to_string(),
    ];

    let mut h = String::with_capacity(target + 4096);
    h.push_str("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n");
    h.push_str(&format!("<title>{title} | {outlet}</title>\n"));
    h.push_str(&format!(
        "<meta property=\"og:site_name\" content=\"{outlet}\">\n"
    ));
    h.push_str(&format!("<meta property=\"og:title\" content=\"{title}\">\n"));
    h.push_str(&format!(
        "<meta property=\"article:published_time\" content=\"{date}\">\n"
    ));
    h.push_str(&format!("<meta name=\"author\" content=\"{author}\">\n"));
    h.push_str(&format!("<link rel=\"canonical\" href=\"{url}\">\n"));
    h.push_str(&format!(
        "<script type=\"application/ld+json\">{{\"@context\":\"https://schema.org\",\"@type\":\"NewsArticle\",\"headline\":\"{title}\",\"datePublished\":\"{date}\",\"author\":{{\"@type\":\"Person\",\"name\":\"{author}\"}}}}</script>\n"
    ));
    // a saved page carries its styles and scripts inline: a third of the bytes
    h.push_str("<style>\n");
    let mut i = 0;
    while h.len() < target / 6 {
        h.push_str(&format!(
            ".c{i} {{ margin: 0 {}px; padding: 4px; color: #{:06x}; font: 15px/1.4 sans-serif; }}\n",
            i % 17,
            rng.next() & 0xffffff
        ));
        i += 1;
    }
    h.push_str("</style>\n<script>\n");
    while h.len() < target / 3 {
        h.push_str(&format!(
            "window.__d{i} = {{id: {i}, track: function(e) {{ if (e && e.x < {}) {{ return '<p>' + e.x + '</p>'; }} }} }};\n",
            rng.below(999)
        ));
        i += 1;
    }
    h.push_str("</script>\n</head>\n<body class=\"page\">\n");
    // navigation
    h.push_str("<header class=\"site-header\"><nav class=\"menu\"><ul>\n");
    for s in [
        "World", "Business", "Politics", "Opinion", "Sport", "Culture", "Sign in",
    ] {
        h.push_str(&format!("<li><a href=\"/{}\">{s}</a></li>\n", s.to_lowercase()));
    }
    h.push_str("</ul></nav></header>\n");
    h.push_str("<div id=\"cookie-banner\" class=\"cookie-consent\"><p>We use cookies to improve your experience on our site, to show you personalised content and to analyse our traffic.</p><button>Accept all cookies</button><button>Manage settings</button></div>\n");
    // the article
    h.push_str("<main><article class=\"story\">\n");
    h.push_str(&format!("<h1 class=\"headline\">{title}</h1>\n"));
    h.push_str(&format!(
        "<div class=\"byline\">By <a rel=\"author\" href=\"/authors/x\">{author}</a> · <time datetime=\"{date}\">March {day}, 2024</time></div>\n"
    ));
    h.push_str(
        "<div class=\"share-tools\"><a href=\"#\">Share on social</a> <a href=\"#\">Email</a></div>\n",
    );
    h.push_str("<div class=\"article-body\">\n");
    for (k, p) in paragraphs.iter().enumerate() {
        h.push_str(&format!("<p>{}</p>\n", p.replace(" and ", " <em>and</em> ")));
        if k == 4 {
            h.push_str("<aside class=\"promo newsletter\"><p>Subscribe to our newsletter for the morning briefing.</p></aside>\n");
        }
    }
    h.push_str("</div>\n</article>\n");
    // related stories and the rest of the furniture, padded to the target
    h.push_str("<section class=\"related\"><h2>Related coverage</h2><ul>\n");
    let mut r = 0;
    while h.len() < target.saturating_sub(1500) {
        let s = sentence(&mut rng, 7);
        h.push_str(&format!(
            "<li class=\"c{}\"><a href=\"/story-{r}\"><img src=\"/i/{r}.jpg\" alt=\"\"><span>{}</span></a></li>\n",
            r % 50,
            s.trim_end_matches('.')
        ));
        r += 1;
    }
    h.push_str("</ul></section>\n</main>\n");
    h.push_str("<footer class=\"site-footer\"><ul>");
    for s in [
        "About us",
        "Contact",
        "Privacy policy",
        "Terms of use",
        "Advertise",
    ] {
        h.push_str(&format!("<li><a href=\"/{}\">{s}</a></li>", s.len()));
    }
    h.push_str(&format!(
        "</ul><p>© 2024 {outlet}. All rights reserved.</p></footer>\n</body></html>\n"
    ));
    Page {
        html: h,
        title,
        outlet,
        author,
        date,
        url,
        paragraphs,
        furniture,
    }
}
