//! Stacked bars of a [`Tally`]: one segment per category, drawn with the category's mark (so
//! they read without colour) and, in the colour theme, its colour.

use ratatui::style::{Color, Modifier, Style};
use ratatui::text::Span;

use super::Theme;
use crate::domain::{Tally, Timeliness};
use crate::i18n::tally::mark;

/// The categories a bar is made of, in report order: every one but the cancelled.
pub const BAR: [Timeliness; 7] = [
    Timeliness::DoneOnTime,
    Timeliness::DoneLate,
    Timeliness::DoneNoDeadline,
    Timeliness::OpenOnTime,
    Timeliness::NotStarted,
    Timeliness::OpenOverdue,
    Timeliness::NoDeadline,
];

/// How many cells each category gets in a bar `width` cells wide: proportional to its count
/// among the counted tasks (largest remainder), every category with a task at least one cell
/// when there is room, the cells adding up to `width` (nothing when no task is counted).
pub fn segments(t: &Tally, width: usize) -> Vec<(Timeliness, usize)> {
    let total = t.counted();
    if total == 0 || width == 0 {
        return Vec::new();
    }
    let present: Vec<(Timeliness, usize)> = BAR
        .iter()
        .map(|&c| (c, t.get(c)))
        .filter(|(_, n)| *n > 0)
        .collect();
    let mut cells: Vec<usize> = present.iter().map(|(_, n)| n * width / total).collect();
    // The cells rounding left over go to the largest remainders (fewer than the segments).
    let mut order: Vec<usize> = (0..present.len()).collect();
    order.sort_by_key(|&i| std::cmp::Reverse((present[i].1 * width) % total));
    let left = width - cells.iter().sum::<usize>();
    for &i in order.iter().take(left) {
        cells[i] += 1;
    }
    // A category with tasks but no cell takes one from the widest segment, room permitting.
    for i in 0..cells.len() {
        if cells[i] == 0
            && let Some(widest) = (0..cells.len()).max_by_key(|&j| cells[j])
            && cells[widest] > 1
        {
            cells[widest] -= 1;
            cells[i] += 1;
        }
    }
    present.into_iter().map(|(c, _)| c).zip(cells).collect()
}

/// The bar as spans, padded to `width`.
pub fn bar(t: &Tally, width: usize, theme: &Theme) -> Vec<Span<'static>> {
    let segs = segments(t, width);
    let used: usize = segs.iter().map(|(_, n)| n).sum();
    let mut spans: Vec<Span<'static>> = segs
        .into_iter()
        .filter(|(_, n)| *n > 0)
        .map(|(c, n)| Span::styled(mark(c).repeat(n), style(theme, c)))
        .collect();
    if used < width {
        spans.push(Span::raw(" ".repeat(width - used)));
    }
    spans
}

/// The style of a category: its colour in the colour theme; without colour, overdue in bold
/// (the marks carry the rest).
pub fn style(theme: &Theme, t: Timeliness) -> Style {
    if theme.mono {
        return match t {
            Timeliness::OpenOverdue => Style::new().add_modifier(Modifier::BOLD),
            _ => Style::new(),
        };
    }
    let fg = match t {
        Timeliness::DoneOnTime => Color::Green,
        Timeliness::DoneLate => Color::Yellow,
        Timeliness::DoneNoDeadline => Color::LightGreen,
        Timeliness::OpenOnTime => Color::Cyan,
        Timeliness::NotStarted => Color::Gray,
        Timeliness::OpenOverdue => return theme.overdue,
        Timeliness::NoDeadline => Color::Blue,
        Timeliness::Cancelled => return theme.dim,
    };
    Style::new().fg(fg)
}

#[cfg(test)]
mod tests {
    use super::*;
    use Timeliness as T;

    fn tally(items: &[(T, usize)]) -> Tally {
        let mut t = Tally::default();
        for &(c, n) in items {
            for _ in 0..n {
                t.add(c);
            }
        }
        t
    }

    fn cells(t: &Tally, width: usize) -> Vec<(T, usize)> {
        segments(t, width)
    }

    #[test]
    fn proportional_and_adding_up() {
        let t = tally(&[(T::DoneOnTime, 1), (T::NotStarted, 3)]);
        assert_eq!(cells(&t, 8), vec![(T::DoneOnTime, 2), (T::NotStarted, 6)]);
        // Cancelled tasks are not in the bar.
        let t = tally(&[(T::DoneOnTime, 2), (T::Cancelled, 5)]);
        assert_eq!(cells(&t, 10), vec![(T::DoneOnTime, 10)]);
        assert!(cells(&Tally::default(), 10).is_empty());
    }

    #[test]
    fn one_overdue_task_among_many_still_shows() {
        let t = tally(&[(T::NotStarted, 58), (T::OpenOverdue, 1)]);
        let c = cells(&t, 24);
        assert_eq!(c, vec![(T::NotStarted, 23), (T::OpenOverdue, 1)]);
        for width in 1..40 {
            let t = tally(&[(T::DoneOnTime, 1), (T::NotStarted, 97), (T::NoDeadline, 2)]);
            let c = cells(&t, width);
            assert_eq!(c.iter().map(|(_, n)| n).sum::<usize>(), width, "{width}");
            if width >= 3 {
                assert!(c.iter().all(|(_, n)| *n > 0), "{width}: {c:?}");
            }
        }
    }
}
