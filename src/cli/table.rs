//! Aligned text tables whose widths count terminal cells, not bytes (Vietnamese lines up).

use unicode_width::UnicodeWidthStr;

use crate::export::sanitize::terminal as printable;

pub use crate::domain::text::fit as truncate;

/// Renders rows under headers. Every cell is made printable. When `max_width` is given, the
/// `flex` column is shortened so each line fits.
pub fn render(
    headers: &[&str],
    rows: &[Vec<String>],
    max_width: Option<usize>,
    flex: usize,
) -> String {
    let rows: Vec<Vec<String>> = rows
        .iter()
        .map(|r| r.iter().map(|c| printable(c, false)).collect())
        .collect();
    let mut widths: Vec<usize> = headers.iter().map(|h| h.width()).collect();
    for r in &rows {
        for (i, c) in r.iter().enumerate() {
            if let Some(w) = widths.get_mut(i) {
                *w = (*w).max(c.width());
            }
        }
    }
    if let Some(max) = max_width {
        let others: usize = widths
            .iter()
            .enumerate()
            .filter(|(i, _)| *i != flex)
            .map(|(_, w)| w + 2)
            .sum();
        if let Some(w) = widths.get_mut(flex) {
            *w = (*w).min(max.saturating_sub(others).max(10));
        }
    }
    let mut out = String::new();
    let line = |cells: &mut dyn Iterator<Item = String>, out: &mut String| {
        let mut parts = Vec::new();
        for (i, c) in cells.enumerate() {
            let w = widths.get(i).copied().unwrap_or(0);
            let c = truncate(&c, w);
            let pad = w.saturating_sub(c.width());
            parts.push(format!("{c}{}", " ".repeat(pad)));
        }
        out.push_str(parts.join("  ").trim_end());
        out.push('\n');
    };
    line(&mut headers.iter().map(|h| (*h).to_string()), &mut out);
    for r in rows {
        line(&mut r.into_iter(), &mut out);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_align_by_cells() {
        let out = render(
            &["TT", "Tên"],
            &[
                vec!["I.1".into(), "Hộ tịch".into()],
                vec!["III.14".into(), "x".into()],
            ],
            None,
            1,
        );
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(lines[1], "I.1     Hộ tịch");
        assert_eq!(lines[2], "III.14  x");
    }

    #[test]
    fn long_text_is_cut_to_fit() {
        let out = render(
            &["a", "b"],
            &[vec!["1".into(), "Đăng ký ".repeat(20)]],
            Some(30),
            1,
        );
        for l in out.lines() {
            assert!(l.width() <= 30, "{l:?}");
        }
        assert!(out.contains('…'));
        assert_eq!(truncate("Đăng ký", 4), "Đăn…");
    }

    #[test]
    fn control_characters_are_escaped() {
        let out = render(&["a"], &[vec!["x\u{1b}[2Jy".into()]], None, 0);
        assert!(!out.contains('\u{1b}'));
    }
}
