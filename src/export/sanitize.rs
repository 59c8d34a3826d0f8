//! One rule per kind of output, so that text from a plan or a note can neither drive the reader's
//! terminal nor run as a spreadsheet formula:
//!
//! - **terminal** (tables, `show`, messages): every character that is not plainly visible —
//!   C0 and C1 controls, DEL, bidi overrides and isolates (which reorder what is shown),
//!   zero-width characters (which hide text), line and paragraph separators (U+2028/9) — becomes a
//!   visible escape such as `\u{1b}`.
//! - **CSV** (for Excel): the same characters become visible escapes (a newline inside a note is
//!   kept, quoted, as spreadsheets expect; tab and CR become spaces), and a cell that begins with
//!   `=`, `+`, `-`, `@`, tab or CR gets a leading `'` so that spreadsheets show it as text instead
//!   of running it as a formula.
//! - **JSON**: lossless — the same characters are written as `\uXXXX` escapes (serde escapes C0
//!   but writes DEL, C1, bidi and the rest raw), so a program reading it gets the exact text and
//!   a terminal showing it sees no control.

/// True for a character that must never reach an output raw (see the module documentation):
/// the one rule of `domain::text`, which the screen uses too.
pub fn is_hidden_or_control(c: char) -> bool {
    crate::domain::text::is_dangerous(c)
}

fn escape(out: &mut String, c: char) {
    use std::fmt::Write as _;
    let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
}

/// Text for a terminal: hidden and control characters escaped; a newline kept when
/// `keep_newlines`, else a space; tab a space; CR dropped (`domain::text::printable`).
pub fn terminal(text: &str, keep_newlines: bool) -> String {
    crate::domain::text::printable(text, keep_newlines)
}

/// A CSV cell: hidden and control characters escaped (newlines kept), and a `'` before a cell
/// that a spreadsheet would run as a formula.
pub fn csv_cell(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 1);
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        out.push('\'');
    }
    for c in text.chars() {
        match c {
            '\n' => out.push('\n'),
            '\t' | '\r' => out.push(' '),
            c if is_hidden_or_control(c) => escape(&mut out, c),
            c => out.push(c),
        }
    }
    out
}

/// JSON text with every hidden or control character that serde left raw written as a `\uXXXX`
/// escape. Such characters can only be inside strings (JSON's own syntax is ASCII), so the
/// document means exactly what it meant.
pub fn json(text: &str) -> String {
    use std::fmt::Write as _;
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c != '\n' && is_hidden_or_control(c) {
            let mut units = [0u16; 2];
            for u in c.encode_utf16(&mut units) {
                let _ = write!(out, "\\u{u:04x}");
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// A value as pretty JSON, under the [`json`] rule.
pub fn to_json_pretty<T: serde::Serialize>(value: &T) -> Result<String, serde_json::Error> {
    Ok(json(&serde_json::to_string_pretty(value)?))
}

#[cfg(test)]
mod tests {
    use super::*;

    const HOSTILE: &str = "=cmd|' /C calc'!A0 \u{1b}]0;owned\u{7} \u{7f}\u{9b}31m \u{202e}gnp.exe \u{200b}x\u{2028}y\u{0}";

    #[test]
    fn terminal_text_shows_no_control() {
        let t = terminal(HOSTILE, false);
        assert!(!t.chars().any(is_hidden_or_control), "{t:?}");
        assert!(t.contains("\\u{1b}]0;owned\\u{7}"), "{t}");
        assert!(t.contains("\\u{202e}gnp.exe"), "{t}");
        assert!(t.contains("\\u{200b}x\\u{2028}y\\u{0}"), "{t}");
        assert_eq!(terminal("Hộ tịch\nđiện tử", true), "Hộ tịch\nđiện tử");
    }

    #[test]
    fn csv_cells_are_never_formulas_nor_controls() {
        for start in ["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx"] {
            let c = csv_cell(start);
            assert!(c.starts_with('\''), "{start:?} -> {c:?}");
        }
        assert_eq!(csv_cell("Quý I/2025"), "Quý I/2025");
        assert_eq!(csv_cell("a\nb"), "a\nb");
        let c = csv_cell(HOSTILE);
        assert!(c.starts_with("'=cmd"));
        assert!(
            !c.chars().any(|ch| ch != '\n' && is_hidden_or_control(ch)),
            "{c:?}"
        );
    }

    #[test]
    fn json_escapes_are_lossless() {
        let doc = serde_json::json!({ "title": HOSTILE, "emoji": "\u{1f600}" });
        let text = to_json_pretty(&doc).expect("json");
        assert!(
            !text.chars().any(|c| c != '\n' && is_hidden_or_control(c)),
            "{text:?}"
        );
        assert!(text.contains("\\u007f\\u009b"), "{text}");
        assert!(
            text.contains("\\u202e") && text.contains("\\u2028"),
            "{text}"
        );
        let back: serde_json::Value = serde_json::from_str(&text).expect("parses");
        assert_eq!(back, doc);
    }
}
