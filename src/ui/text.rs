//! Text made safe and fitted for cells: control characters escaped, widths counted in terminal
//! cells, long text cut with "…", matched characters highlighted.

use ratatui::style::Style;
use ratatui::text::{Line, Span};
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

pub use crate::domain::text::fit;
use crate::domain::text::printable;

/// Data text for one line of the screen: printable, on one line.
pub fn safe(text: &str) -> String {
    printable(text, false)
}

/// A one-line cell of `text` fitted to `width`, with the chars at `positions` (char indices into
/// `text`) in `matched` style. `text` must already be printable (no char expands when made so).
pub fn highlighted(
    text: &str,
    positions: &[usize],
    width: usize,
    base: Style,
    matched: Style,
) -> Line<'static> {
    let fits = text.width() <= width;
    let limit = if fits { width } else { width.saturating_sub(1) };
    let mut spans: Vec<Span<'static>> = Vec::new();
    let mut run = String::new();
    let mut run_matched = false;
    let mut used = 0;
    for (i, c) in text.chars().enumerate() {
        let w = c.width().unwrap_or(0);
        if used + w > limit {
            break;
        }
        used += w;
        let m = positions.binary_search(&i).is_ok();
        if m != run_matched && !run.is_empty() {
            spans.push(Span::styled(
                std::mem::take(&mut run),
                if run_matched { matched } else { base },
            ));
        }
        run_matched = m;
        run.push(c);
    }
    if !run.is_empty() {
        spans.push(Span::styled(run, if run_matched { matched } else { base }));
    }
    if !fits {
        spans.push(Span::styled("…", base));
    }
    Line::from(spans)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn highlights_only_the_matched_chars() {
        let line = highlighted(
            "xx hộ tịch yy",
            &[3, 4, 6, 7, 8, 9],
            40,
            Style::new(),
            Style::new().bold(),
        );
        let parts: Vec<&str> = line.spans.iter().map(|s| s.content.as_ref()).collect();
        assert_eq!(parts, ["xx ", "hộ", " ", "tịch", " yy"]);
        let cut = highlighted(
            "hộ tịch điện tử",
            &[0, 1],
            6,
            Style::new(),
            Style::new().bold(),
        );
        let text: String = cut.spans.iter().map(|s| s.content.as_ref()).collect();
        assert_eq!(text, "hộ tị…");
    }
}
