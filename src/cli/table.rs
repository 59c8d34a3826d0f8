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
    let mut widths = column_widths(headers, &rows, |_, c| c.width());
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

/// Each column's width in cells: its header's, or its widest cell's as `cell_width` counts it.
fn column_widths(
    headers: &[&str],
    rows: &[Vec<String>],
    cell_width: impl Fn(usize, &str) -> usize,
) -> Vec<usize> {
    let mut widths: Vec<usize> = headers.iter().map(|h| h.width()).collect();
    for r in rows {
        for (i, c) in r.iter().enumerate() {
            if let Some(w) = widths.get_mut(i) {
                *w = (*w).max(cell_width(i, c));
            }
        }
    }
    widths
}

/// The narrowest the wrapping column gets before the other columns are cut to make room.
const WRAP_MIN: usize = 24;
/// The narrowest another column is cut to.
const CUT_MIN: usize = 6;

/// Like [`render`], but the `flex` column wraps onto more lines (at spaces and at its own line
/// breaks) instead of being cut; when the other columns leave it less than [`WRAP_MIN`] cells,
/// the widest of them are cut (with `…`) first. With `max_width` every line fits it (unless it
/// is too narrow for even the narrowest columns); without, nothing wraps.
pub fn render_wrapped(
    headers: &[&str],
    rows: &[Vec<String>],
    max_width: Option<usize>,
    flex: usize,
) -> String {
    let rows: Vec<Vec<String>> = rows
        .iter()
        .map(|r| {
            r.iter()
                .enumerate()
                .map(|(i, c)| printable(c, i == flex))
                .collect()
        })
        .collect();
    let cell_width = |i: usize, c: &str| {
        if i == flex {
            c.lines().map(UnicodeWidthStr::width).max().unwrap_or(0)
        } else {
            c.width()
        }
    };
    let mut widths = column_widths(headers, &rows, cell_width);
    if let Some(max) = max_width {
        let gaps = 2 * widths.len().saturating_sub(1);
        let others = |widths: &[usize]| -> usize {
            widths
                .iter()
                .enumerate()
                .filter(|(i, _)| *i != flex)
                .map(|(_, w)| *w)
                .sum()
        };
        let wrap_min = widths.get(flex).copied().unwrap_or(0).min(WRAP_MIN);
        while others(&widths) + gaps + wrap_min > max {
            let widest = widths
                .iter()
                .enumerate()
                .filter(|(i, w)| *i != flex && **w > CUT_MIN)
                .max_by_key(|(_, w)| **w)
                .map(|(i, _)| i);
            let Some(i) = widest else { break };
            widths[i] -= 1;
        }
        let room = max
            .saturating_sub(others(&widths) + gaps)
            .max(wrap_min.min(10));
        if let Some(w) = widths.get_mut(flex) {
            *w = (*w).min(room).max(1);
        }
    }
    let mut out = String::new();
    let mut emit = |cells: Vec<String>| {
        let flex_lines = match (max_width, cells.get(flex)) {
            (Some(_), Some(c)) => wrap(c, widths.get(flex).copied().unwrap_or(1)),
            (None, Some(c)) => c.lines().map(str::to_string).collect(),
            (_, None) => Vec::new(),
        };
        let height = flex_lines.len().max(1);
        for k in 0..height {
            let mut parts = Vec::new();
            for (i, c) in cells.iter().enumerate() {
                let w = widths.get(i).copied().unwrap_or(0);
                let text = if i == flex {
                    flex_lines.get(k).cloned().unwrap_or_default()
                } else if k == 0 {
                    truncate(c, w)
                } else {
                    String::new()
                };
                let pad = w.saturating_sub(text.width());
                parts.push(format!("{text}{}", " ".repeat(pad)));
            }
            out.push_str(parts.join("  ").trim_end());
            out.push('\n');
        }
    };
    emit(headers.iter().map(|h| (*h).to_string()).collect());
    for r in rows {
        emit(r);
    }
    out
}

/// `text` in lines of at most `width` cells: at spaces, at its line breaks, and inside a word
/// longer than a line.
fn wrap(text: &str, width: usize) -> Vec<String> {
    use unicode_width::UnicodeWidthChar;
    let width = width.max(1);
    let mut lines = Vec::new();
    for paragraph in text.split('\n') {
        let mut line = String::new();
        for word in paragraph.split(' ').filter(|w| !w.is_empty()) {
            let needed = if line.is_empty() {
                word.width()
            } else {
                line.width() + 1 + word.width()
            };
            if needed <= width {
                if !line.is_empty() {
                    line.push(' ');
                }
                line.push_str(word);
                continue;
            }
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
            }
            // A word longer than a line is broken where the line ends.
            for c in word.chars() {
                if line.width() + c.width().unwrap_or(0) > width {
                    lines.push(std::mem::take(&mut line));
                }
                line.push(c);
            }
        }
        lines.push(line);
    }
    lines
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
    fn a_long_note_wraps_to_the_width_and_keeps_every_word() {
        let note = "Đã kết nối xong với Cơ sở dữ liệu quốc gia về dân cư; còn chờ Bộ Công an \
                    cấp chứng thư số cho môi trường thật trước ngày 30/09/2025.\nTiếp: kiểm thử";
        let rows = vec![
            vec![
                "15/07/2025 09:30".into(),
                "thuky".into(),
                "IV.5".into(),
                note.into(),
            ],
            vec![
                "15/07/2025 09:31".into(),
                "lan".into(),
                "I.2".into(),
                "ngắn".into(),
            ],
        ];
        for width in [40, 60, 80, 120] {
            let out = render_wrapped(
                &["Thời điểm", "Người", "TT", "Ghi chú"],
                &rows,
                Some(width),
                3,
            );
            for l in out.lines() {
                assert!(l.width() <= width, "{width}: {l:?}");
            }
            let words: Vec<&str> = out.split_whitespace().collect();
            for w in note.split_whitespace() {
                assert!(words.contains(&w), "{width}: {w} lost in\n{out}");
            }
            assert!(out.lines().count() > 3, "{width}: wrapped\n{out}");
            // Continuation lines leave the other columns blank.
            let second = out.lines().nth(2).expect("a continuation line");
            assert!(second.starts_with(' '), "{second:?}");
        }
        // No width (not a terminal): one line per row and per line break, nothing cut.
        let out = render_wrapped(&["a", "b", "c", "d"], &rows, None, 3);
        assert_eq!(out.lines().count(), 4);
        assert!(!out.contains('…'));
    }

    #[test]
    fn wide_other_columns_are_cut_before_the_note_gets_too_narrow() {
        let rows = vec![vec![
            "x".repeat(50),
            "y".repeat(50),
            "một ghi chú khá dài cần xuống dòng".into(),
        ]];
        let out = render_wrapped(&["a", "b", "c"], &rows, Some(70), 2);
        for l in out.lines() {
            assert!(l.width() <= 70, "{l:?}");
        }
        assert!(out.contains('…'));
        assert!(out.contains("một ghi chú"), "{out}");
        assert_eq!(wrap("abcdefgh", 3), ["abc", "def", "gh"]);
        assert_eq!(wrap("hộ tịch\nquốc tịch", 20), ["hộ tịch", "quốc tịch"]);
    }

    #[test]
    fn control_characters_are_escaped() {
        let out = render(&["a"], &[vec!["x\u{1b}[2Jy".into()]], None, 0);
        assert!(!out.contains('\u{1b}'));
    }
}
