//! Bytes to text: UTF-8 (with or without a byte-order mark), UTF-16 with a
//! byte-order mark (or without one, when every other byte is NUL), an
//! encoding a web page declares, and otherwise a legacy encoding detected
//! from the bytes (chardetng) and decoded by encoding_rs. Control characters
//! (NULs among them) are not a reason to refuse a file: sanitising removes
//! them later. Only a file that reads as binary data is refused.

use std::borrow::Cow;

use encoding_rs::{Encoding, UTF_8, UTF_16BE, UTF_16LE};

/// How a file's bytes became text.
#[derive(Debug)]
pub struct Decoded<'a> {
    pub text: Cow<'a, str>,
    /// The encoding used, when the file was not plain UTF-8 ("UTF-16LE",
    /// "Shift_JIS", ...); a UTF-8 byte-order mark alone is not worth a note.
    pub encoding: Option<&'static str>,
    /// How the encoding was chosen: "byte-order mark", "declared", "detected".
    pub how: &'static str,
    /// Bytes that no character could be made of were replaced (U+FFFD).
    pub damaged: bool,
    /// Bytes at the start of the file that are not text (a UTF-8 byte-order
    /// mark): the text starts this far into the file.
    pub skipped: usize,
}

impl Decoded<'_> {
    /// "read as UTF-16LE (byte-order mark)", for the load issues; None for UTF-8.
    pub fn note(&self) -> Option<String> {
        let enc = self.encoding?;
        let mut s = format!("read as {enc} ({})", self.how);
        if self.damaged {
            s.push_str(", some bytes unreadable and replaced");
        }
        Some(s)
    }
}

/// Why bytes are not text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Binary;

/// Decodes a file's bytes. `declared` is an encoding label the file itself
/// names (a web page's `<meta charset>`), used when the bytes are not UTF-8.
pub fn decode<'a>(bytes: &'a [u8], declared: Option<&[u8]>) -> Result<Decoded<'a>, Binary> {
    if let Some((enc, bom)) = Encoding::for_bom(bytes) {
        let (text, damaged) = enc.decode_without_bom_handling(&bytes[bom..]);
        return Ok(Decoded {
            text,
            encoding: (enc != UTF_8).then(|| enc.name()),
            how: "byte-order mark",
            damaged,
            skipped: if enc == UTF_8 { bom } else { 0 },
        });
    }
    if let Some(enc) = utf16_without_bom(bytes) {
        let (text, damaged) = enc.decode_without_bom_handling(bytes);
        return Ok(Decoded {
            text,
            encoding: Some(enc.name()),
            how: "detected",
            damaged,
            skipped: 0,
        });
    }
    if looks_binary(bytes) {
        return Err(Binary);
    }
    if let Ok(s) = std::str::from_utf8(bytes) {
        return Ok(Decoded {
            text: Cow::Borrowed(s),
            encoding: None,
            how: "",
            damaged: false,
            skipped: 0,
        });
    }
    let (enc, how) = match declared.and_then(Encoding::for_label_no_replacement) {
        // a page that says UTF-8 and is not: its bytes decide
        Some(enc) if enc != UTF_8 && enc != UTF_16LE && enc != UTF_16BE => (enc, "declared"),
        _ => (detect(bytes), "detected"),
    };
    let (text, damaged) = enc.decode_without_bom_handling(bytes);
    Ok(Decoded {
        text,
        encoding: Some(enc.name()),
        how,
        damaged,
        skipped: 0,
    })
}

/// The legacy encoding the bytes most likely are in (UTF-8 with damage included).
fn detect(bytes: &[u8]) -> &'static Encoding {
    let mut det = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    // the first 64 KiB decide: detection is linear, and a long file does not change its mind
    let sample = &bytes[..bytes.len().min(64 << 10)];
    det.feed(sample, sample.len() == bytes.len());
    det.guess(None, chardetng::Utf8Detection::Allow)
}

/// UTF-16 without a byte-order mark: in the first 4 KiB, at least a third of
/// the bytes are NUL, and all of those at even (big-endian) or odd
/// (little-endian) positions, as Latin or CJK text in UTF-16 gives.
fn utf16_without_bom(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(4096) & !1];
    if head.len() < 4 {
        return None;
    }
    let (mut even, mut odd) = (0usize, 0usize);
    for pair in head.chunks_exact(2) {
        even += usize::from(pair[0] == 0);
        odd += usize::from(pair[1] == 0);
    }
    let pairs = head.len() / 2;
    if odd * 3 >= pairs * 2 && even == 0 {
        Some(UTF_16LE)
    } else if even * 3 >= pairs * 2 && odd == 0 {
        Some(UTF_16BE)
    } else {
        None
    }
}

/// Binary data, not text with a few stray control bytes: in the first
/// 8 KiB, more than one byte in ten is a control other than whitespace and
/// ESC, or NUL runs (padding, tables) are there. Text with an odd NUL or
/// control character is text; sanitising removes them.
pub fn looks_binary(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(8192)];
    if head.is_empty() {
        return false;
    }
    let controls = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c | 0x1b))
        .count();
    let nul_run = memchr::memmem::find(head, &[0, 0, 0, 0]).is_some();
    controls * 10 > head.len() || nul_run
}

/// The encoding a web page names in its first 1,024 bytes
/// (`<meta charset="...">` or `content="text/html; charset=..."`), or an
/// XML declaration's `encoding="..."`.
pub fn declared_charset(bytes: &[u8]) -> Option<&[u8]> {
    let head = &bytes[..bytes.len().min(1024)];
    for key in [&b"charset="[..], b"encoding="] {
        if let Some(i) = head.windows(key.len()).position(|w| w.eq_ignore_ascii_case(key)) {
            let rest = &head[i + key.len()..];
            let rest = rest
                .strip_prefix(b"\"")
                .or_else(|| rest.strip_prefix(b"'"))
                .unwrap_or(rest);
            let end = rest
                .iter()
                .position(|b| matches!(b, b'"' | b'\'' | b' ' | b';' | b'>' | b'/' | b'?'))
                .unwrap_or(rest.len());
            if end > 0 {
                return Some(&rest[..end]);
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utf16(s: &str, le: bool, bom: bool) -> Vec<u8> {
        let mut out = Vec::new();
        if bom {
            out.extend(if le { [0xff, 0xfe] } else { [0xfe, 0xff] });
        }
        for u in s.encode_utf16() {
            out.extend(if le { u.to_le_bytes() } else { u.to_be_bytes() });
        }
        out
    }

    #[test]
    fn plain_utf8_is_borrowed_and_unnoted() {
        let d = decode("Лавров said".as_bytes(), None).unwrap();
        assert!(matches!(d.text, Cow::Borrowed(_)));
        assert_eq!(d.note(), None);
    }

    #[test]
    fn utf8_bom_is_dropped_quietly() {
        let d = decode(b"\xef\xbb\xbfHello", None).unwrap();
        assert_eq!(d.text, "Hello");
        assert_eq!(d.skipped, 3);
        assert_eq!(d.note(), None);
    }

    #[test]
    fn utf16_both_ways_with_and_without_bom() {
        let s = "Wang Yi said “rock solid” — 王毅";
        for le in [true, false] {
            let bytes = utf16(s, le, true);
            let d = decode(&bytes, None).unwrap();
            assert_eq!(d.text, s);
            let name = if le { "UTF-16LE" } else { "UTF-16BE" };
            assert_eq!(d.note().unwrap(), format!("read as {name} (byte-order mark)"));
        }
        let bytes = utf16("Plain English text here", true, false);
        let d = decode(&bytes, None).unwrap();
        assert_eq!(d.text, "Plain English text here");
        assert_eq!(d.encoding, Some("UTF-16LE"));
    }

    #[test]
    fn legacy_encodings_are_detected() {
        let (sjis, _, _) =
            encoding_rs::SHIFT_JIS.encode("東京で首脳会談が開かれ、両国の外相は協力の強化で合意した。");
        let d = decode(&sjis, None).unwrap();
        assert_eq!(d.encoding, Some("Shift_JIS"));
        assert!(d.text.contains("首脳会談"), "{}", d.text);
        let d = decode(b"\x93Rock solid\x94 caf\xe9 and cr\xe8me br\xfbl\xe9e", None).unwrap();
        assert_eq!(d.text, "“Rock solid” café and crème brûlée");
        assert_eq!(d.encoding, Some("windows-1252"));
        let (cyr, _, _) =
            encoding_rs::WINDOWS_1251.encode("Министр иностранных дел России Сергей Лавров заявил");
        let d = decode(&cyr, None).unwrap();
        assert_eq!(d.encoding, Some("windows-1251"));
    }

    #[test]
    fn a_declared_charset_is_used_when_the_bytes_are_not_utf8() {
        let d = decode(b"caf\xe9", Some(b"iso-8859-15")).unwrap();
        assert_eq!(d.text, "café");
        assert_eq!(d.how, "declared");
        assert_eq!(
            declared_charset(b"<html><head><meta charset=\"Shift_JIS\">"),
            Some(&b"Shift_JIS"[..])
        );
        assert_eq!(
            declared_charset(b"<meta http-equiv=Content-Type content='text/html; CHARSET=koi8-r'>"),
            Some(&b"koi8-r"[..])
        );
        assert_eq!(
            declared_charset(b"<?xml version=\"1.0\" encoding=\"windows-1251\"?>"),
            Some(&b"windows-1251"[..])
        );
        assert_eq!(declared_charset(b"<html>"), None);
    }

    #[test]
    fn stray_nuls_are_text_binary_is_not() {
        assert!(decode(b"A title\n\nBody \0 with a NUL.", None).is_ok());
        assert!(decode(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x01\0", None).is_err());
        let mut noise = Vec::new();
        for i in 0..2000u32 {
            noise.extend((i.wrapping_mul(2654435761) >> 7).to_le_bytes());
        }
        assert!(looks_binary(&noise));
    }
}
