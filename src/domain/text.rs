//! Text hygiene: everything that enters is NFC; everything that leaves for a terminal is printable.

use unicode_normalization::UnicodeNormalization;

/// Normalises text to NFC (the form stored and drawn everywhere).
pub fn nfc(text: &str) -> String {
    // Nearly all text arrives in NFC already: the quick check spares recomposing it char by char
    // (most of the time of importing a large plan).
    if unicode_normalization::is_nfc_quick(text.chars()) == unicode_normalization::IsNormalized::Yes
    {
        return text.to_string();
    }
    text.nfc().collect()
}

/// Normalises to NFC and trims surrounding white space.
pub fn clean(text: &str) -> String {
    nfc(text.trim())
}

/// Makes text safe to print on a terminal: control characters (C0, DEL, C1, and the bidi
/// overrides that can reorder a line) become visible escapes such as `\u{1b}`; a newline becomes
/// a space when `keep_newlines` is false. Nothing from data reaches the terminal raw.
pub fn printable(text: &str, keep_newlines: bool) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\n' if keep_newlines => out.push('\n'),
            '\n' | '\t' => out.push(' '),
            '\r' => {}
            c if is_dangerous(c) => {
                use std::fmt::Write as _;
                let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out
}

/// True for characters that must not reach a terminal (or any output) as they are: controls
/// (C0, DEL, C1), bidi embeddings, overrides, isolates and marks (they reorder a line),
/// zero-width and blank filler characters (they hide text), and line and paragraph separators.
pub fn is_dangerous(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{202a}'..='\u{202e}'
                | '\u{2066}'..='\u{2069}'
                | '\u{200e}'
                | '\u{200f}'
                | '\u{061c}'
                | '\u{200b}'..='\u{200d}'
                | '\u{2060}'..='\u{2064}'
                | '\u{feff}'
                | '\u{2028}'
                | '\u{2029}'
                | '\u{180e}'
                | '\u{115f}'
                | '\u{1160}'
                | '\u{3164}'
                | '\u{ffa0}'
        )
}

/// True when the text has a character `printable` would escape (newlines aside).
pub fn has_control(text: &str) -> bool {
    text.chars().any(|c| c != '\n' && is_dangerous(c))
}

/// 1-based line and column (in characters) of a byte offset in a text, for error messages.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(text.len());
    let before = text.get(..offset).unwrap_or(text);
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

/// Cuts text to at most `width` terminal cells, ending with "…" when cut.
pub fn fit(text: &str, width: usize) -> String {
    use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};
    if text.width() <= width {
        return text.to_string();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = c.width().unwrap_or(0);
        if used + w + 1 > width {
            break;
        }
        used += w;
        out.push(c);
    }
    out.push('…');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_col_counts_characters_from_one() {
        let t = "a\nhộ tịch = x";
        assert_eq!(line_col(t, 0), (1, 1));
        let at = t.find('=').expect("has =");
        assert_eq!(line_col(t, at), (2, 9));
        assert_eq!(line_col(t, 999), (2, 12));
    }

    #[test]
    fn fits_by_cells() {
        assert_eq!(fit("Hộ tịch", 7), "Hộ tịch");
        assert_eq!(fit("Hộ tịch điện tử", 8), "Hộ tịch…");
        assert_eq!(fit("漢字漢字", 5), "漢字…");
        assert_eq!(fit("Đăng ký", 4), "Đăn…");
    }

    #[test]
    fn nfd_becomes_nfc() {
        let nfd = "Ho\u{0323}\u{0302} ti\u{0323}ch";
        assert_eq!(nfc(nfd), "Hộ tịch");
        assert_eq!(nfc(nfd).chars().count(), 7);
    }

    #[test]
    fn escapes_terminal_controls() {
        assert_eq!(printable("a\u{1b}[31mb", false), "a\\u{1b}[31mb");
        assert_eq!(printable("x\u{9b}y", false), "x\\u{9b}y");
        assert_eq!(printable("l1\nl2", false), "l1 l2");
        assert_eq!(printable("l1\nl2", true), "l1\nl2");
        assert_eq!(printable("a\u{202e}b", false), "a\\u{202e}b");
        assert_eq!(printable("Đăng ký", false), "Đăng ký");
        assert!(has_control("a\u{7}"));
        assert!(!has_control("hộ tịch\n"));
    }
}
