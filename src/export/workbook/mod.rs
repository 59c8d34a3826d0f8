//! The status workbook (.xlsx): a summary sheet — the categories per pillar as a table and as a
//! stacked chart, the completion rate, the targets with their latest values — then one sheet per
//! pillar laid out like the plan's appendix with the recorded state after it, the meetings'
//! action items, and the change log. Dates are Excel dates and rates and progress numbers
//! formatted as percentages; headers are frozen, filtered and in the interface language, long
//! texts wrapped, overdue rows marked.
//!
//! Every text goes in as a string cell (never a formula, whatever it starts with) after
//! [`super::paper::clean`] has dropped control and hidden characters. Pure: data in, bytes out.

use chrono::NaiveDate;
use rust_xlsxwriter::{Color, Format, FormatAlign, FormatBorder, Workbook, Worksheet, XlsxError};

use super::paper::clean;

mod summary;
mod tables;

use crate::domain::history::Event;
use crate::domain::meeting::{Desk, is_meeting_pillar};
use crate::domain::time::Zone;
use crate::domain::{Plan, Task, UnitRegistry};
use crate::i18n::papers::{W, word};
use crate::i18n::{Lang, format as vf};

/// What a workbook is drawn from.
pub struct WorkbookInput<'a> {
    /// The plan.
    pub plan: &'a Plan,
    /// Every task with its state, the meetings' action items among them.
    pub tasks: &'a [Task],
    /// Units (for the counts per lead).
    pub registry: &'a UnitRegistry,
    /// Meetings, action items, readings.
    pub desk: &'a Desk,
    /// The review date.
    pub as_of: NaiveDate,
    /// The day the change log starts, if any (else all of it).
    pub since: Option<NaiveDate>,
    /// The change log.
    pub changes: &'a [Event],
    /// The zone times are written in.
    pub zone: Zone,
    /// The language.
    pub lang: Lang,
}

struct Formats {
    header: Format,
    text: Format,
    wrap: Format,
    date: Format,
    datetime: Format,
    percent: Format,
    exact_percent: Format,
    whole_percent: Format,
    count: Format,
    bold: Format,
    late: Format,
    late_date: Format,
    late_percent: Format,
}

impl Formats {
    fn new() -> Formats {
        let cell = || {
            Format::new()
                .set_border(FormatBorder::Thin)
                .set_align(FormatAlign::Top)
        };
        let late = |f: Format| {
            f.set_background_color(Color::RGB(0x00FF_C7CE))
                .set_font_color(Color::RGB(0x009C_0006))
        };
        Formats {
            header: cell()
                .set_bold()
                .set_text_wrap()
                .set_background_color(Color::RGB(0x00D9_E1F2)),
            text: cell(),
            wrap: cell().set_text_wrap(),
            date: cell().set_num_format("dd/mm/yyyy"),
            datetime: cell().set_num_format("dd/mm/yyyy hh:mm"),
            percent: cell().set_num_format("0.0%"),
            exact_percent: cell().set_num_format("0.0#%"),
            whole_percent: cell().set_num_format("0%"),
            count: cell().set_num_format("#,##0"),
            bold: Format::new().set_bold(),
            late: late(cell().set_text_wrap()),
            late_date: late(cell().set_num_format("dd/mm/yyyy")),
            late_percent: late(cell().set_num_format("0%")),
        }
    }
}

type Result<T> = std::result::Result<T, XlsxError>;

fn n16(i: usize) -> u16 {
    u16::try_from(i).unwrap_or(u16::MAX)
}

fn n32(i: usize) -> u32 {
    u32::try_from(i).unwrap_or(u32::MAX)
}

#[allow(clippy::cast_precision_loss)] // counts of tasks
fn f(n: usize) -> f64 {
    n as f64
}

fn headers(
    ws: &mut Worksheet,
    row: u32,
    names: &[&str],
    widths: &[f64],
    fm: &Formats,
) -> Result<()> {
    for (c, name) in names.iter().enumerate() {
        ws.write_string_with_format(row, n16(c), clean(name), &fm.header)?;
        if let Some(w) = widths.get(c) {
            ws.set_column_width(n16(c), *w)?;
        }
    }
    Ok(())
}

/// A sheet name Excel accepts: at most 31 characters, none of `[]:*?/\`, unique.
fn sheet_name(wanted: &str, taken: &mut Vec<String>) -> String {
    let allowed: String = clean(wanted)
        .chars()
        .filter(|c| !matches!(c, '[' | ']' | ':' | '*' | '?' | '/' | '\\' | '\''))
        .collect();
    // Whole words up to 28 characters (room for " 2" when two names meet), else cut.
    let mut base = String::new();
    for w in allowed.split_whitespace() {
        let len = base.chars().count() + usize::from(!base.is_empty()) + w.chars().count();
        if len > 28 {
            break;
        }
        if !base.is_empty() {
            base.push(' ');
        }
        base.push_str(w);
    }
    if base.is_empty() {
        base = allowed.chars().take(28).collect();
    }
    let base = base.trim().trim_end_matches([',', ';', '.']).to_string();
    let mut name = base.clone();
    let mut i = 2;
    while taken
        .iter()
        .any(|t| t.to_lowercase() == name.to_lowercase())
    {
        name = format!("{base} {i}");
        i += 1;
    }
    taken.push(name.clone());
    name
}

/// The workbook's bytes.
pub fn workbook(input: &WorkbookInput) -> std::result::Result<Vec<u8>, String> {
    build(input).map_err(|e| e.to_string())
}

fn build(input: &WorkbookInput) -> Result<Vec<u8>> {
    let fm = Formats::new();
    let mut wb = Workbook::new();
    let mut taken = Vec::new();
    let summary_name = sheet_name(word(input.lang, W::Summary), &mut taken);
    summary::summary_sheet(
        wb.add_worksheet().set_name(&summary_name)?,
        &summary_name,
        input,
        &fm,
    )?;
    for p in input
        .plan
        .pillars
        .iter()
        .filter(|p| !is_meeting_pillar(&p.key))
    {
        let tasks: Vec<&Task> = input
            .tasks
            .iter()
            .filter(|t| t.def.pillar == p.key)
            .collect();
        let label = if p.numeral.is_empty() {
            vf::pillar_name(input.lang, p).to_string()
        } else {
            format!("{}. {}", p.numeral, vf::pillar_name(input.lang, p))
        };
        let name = sheet_name(&label, &mut taken);
        tables::pillar_sheet(wb.add_worksheet().set_name(&name)?, &tasks, input, &fm)?;
    }
    let name = sheet_name(word(input.lang, W::ActionsSheet), &mut taken);
    tables::actions_sheet(wb.add_worksheet().set_name(&name)?, input, &fm)?;
    let name = sheet_name(word(input.lang, W::ChangesSheet), &mut taken);
    tables::changes_sheet(wb.add_worksheet().set_name(&name)?, input, &fm)?;
    wb.save_to_buffer()
}

/// The first row of the counts table on the summary sheet (0-based): tests read it there.
pub const COUNTS_HEADER_ROW: u32 = 3;

/// A row tall enough for its wrapped texts (Excel does not grow a row for text written into
/// it): each text with its column's width in characters.
fn fit(ws: &mut Worksheet, row: u32, cells: &[(&str, f64)]) -> Result<()> {
    #[allow(
        clippy::cast_precision_loss,
        clippy::cast_possible_truncation,
        clippy::cast_sign_loss
    )]
    let lines = cells
        .iter()
        .map(|(text, width)| {
            let per_line = (width * 1.1).max(1.0);
            let chars = text.chars().count() as f64;
            (chars / per_line).ceil().max(1.0) as u32
        })
        .max()
        .unwrap_or(1);
    if lines > 1 {
        ws.set_row_height(row, f64::from(lines.min(27)) * 15.0)?;
    }
    Ok(())
}

/// Printed on A4 landscape, one page wide, the header row on every page.
fn print_setup(ws: &mut Worksheet, header_row: Option<u32>) -> Result<()> {
    ws.set_landscape()
        .set_paper_size(9)
        .set_print_fit_to_pages(1, 0);
    if let Some(r) = header_row {
        ws.set_repeat_rows(r, r)?;
    }
    Ok(())
}

fn finish(ws: &mut Worksheet, rows: usize, cols: usize) -> Result<()> {
    print_setup(ws, Some(0))?;
    ws.set_freeze_panes(1, 0)?;
    ws.autofilter(0, 0, n32(rows.max(1)), n16(cols - 1))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sheet_names_excel_accepts() {
        let mut taken = Vec::new();
        assert_eq!(
            sheet_name("VIII. Network information security", &mut taken),
            "VIII. Network information"
        );
        assert_eq!(
            sheet_name("I. Tăng cường công tác lãnh đạo, chỉ đạo", &mut taken),
            "I. Tăng cường công tác lãnh"
        );
        assert_eq!(sheet_name("a/b: [c]*?", &mut taken), "ab c");
        assert_eq!(
            sheet_name("AB C", &mut taken),
            "AB C 2",
            "names differ ignoring case"
        );
        let long = sheet_name(&"x".repeat(40), &mut taken);
        assert_eq!(long.chars().count(), 28);
    }
}
