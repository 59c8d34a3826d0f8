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
use rust_xlsxwriter::{
    Chart, ChartType, Color, Format, FormatAlign, FormatBorder, Workbook, Worksheet, XlsxError,
};

use super::paper::clean;
use crate::domain::history::Event;
use crate::domain::meeting::{Desk, is_meeting_pillar};
use crate::domain::summary::Summary;
use crate::domain::target::{latest, standing};
use crate::domain::time::Zone;
use crate::domain::{Plan, Tally, Task, Timeliness, UnitRegistry};
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
    let base: String = clean(wanted)
        .chars()
        .filter(|c| !matches!(c, '[' | ']' | ':' | '*' | '?' | '/' | '\\' | '\''))
        .take(28)
        .collect();
    let base = base.trim().to_string();
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
    summary_sheet(
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
        pillar_sheet(wb.add_worksheet().set_name(&name)?, &tasks, input, &fm)?;
    }
    let name = sheet_name(word(input.lang, W::ActionsSheet), &mut taken);
    actions_sheet(wb.add_worksheet().set_name(&name)?, input, &fm)?;
    let name = sheet_name(word(input.lang, W::ChangesSheet), &mut taken);
    changes_sheet(wb.add_worksheet().set_name(&name)?, input, &fm)?;
    wb.save_to_buffer()
}

/// The first row of the counts table on the summary sheet (0-based): tests read it there.
pub const COUNTS_HEADER_ROW: u32 = 3;

fn summary_sheet(
    ws: &mut Worksheet,
    name: &str,
    input: &WorkbookInput,
    fm: &Formats,
) -> Result<()> {
    let lang = input.lang;
    ws.write_string_with_format(0, 0, clean(&input.plan.title), &fm.bold)?;
    ws.write_string(1, 0, lang.t(crate::i18n::Msg::AsOf))?;
    ws.write_datetime_with_format(1, 1, input.as_of, &fm.date)?;
    let mut names: Vec<&str> = vec![word(lang, W::Pillar)];
    names.extend(Timeliness::ALL.iter().map(|t| lang.timeliness(*t)));
    names.push(word(lang, W::Total));
    names.push(word(lang, W::Rate));
    let mut widths = vec![48.0];
    widths.extend(std::iter::repeat_n(13.0, names.len() - 1));
    let top = COUNTS_HEADER_ROW;
    headers(ws, top, &names, &widths, fm)?;
    ws.set_row_height(top, 48)?;
    let summary = Summary::of(input.plan, input.tasks, input.registry, input.as_of);
    let mut row = top + 1;
    let put = |ws: &mut Worksheet, label: String, t: &Tally, row: u32| -> Result<()> {
        ws.write_string_with_format(row, 0, clean(&label), &fm.wrap)?;
        for (c, cat) in Timeliness::ALL.iter().enumerate() {
            ws.write_number_with_format(row, n16(c + 1), f(t.get(*cat)), &fm.count)?;
        }
        let last = n16(Timeliness::ALL.len() + 1);
        ws.write_number_with_format(row, last, f(t.total()), &fm.count)?;
        match t.rate() {
            Some(r) => ws.write_number_with_format(row, last + 1, r / 100.0, &fm.percent)?,
            None => ws.write_blank(row, last + 1, &fm.percent)?,
        };
        Ok(())
    };
    for g in &summary.pillars {
        let label = input
            .plan
            .pillar(&g.key)
            .map_or_else(|| g.key.clone(), |p| vf::pillar_label(lang, p));
        put(ws, label, &g.tally, row)?;
        row += 1;
    }
    let last_pillar = row - 1;
    put(ws, word(lang, W::Total).to_string(), &summary.overall, row)?;
    row += 2;
    ws.write_string(row, 0, word(lang, W::Formula))?;
    // The chart: the categories stacked per pillar (cancelled left out), beside the table.
    let mut chart = Chart::new(ChartType::BarStacked);
    for c in 1..Timeliness::ALL.len() {
        chart
            .add_series()
            .set_name((name, top, n16(c)))
            .set_categories((name, top + 1, 0, last_pillar, 0))
            .set_values((name, top + 1, n16(c), last_pillar, n16(c)));
    }
    chart.title().set_name(word(lang, W::ByPillar));
    chart.set_width(900).set_height(420);
    ws.insert_chart(row + 2, 0, &chart)?;
    targets(ws, row + 25, input, fm)
}

fn targets(ws: &mut Worksheet, top: u32, input: &WorkbookInput, fm: &Formats) -> Result<()> {
    let lang = input.lang;
    let names = [
        "TT",
        word(lang, W::Target),
        word(lang, W::Value),
        word(lang, W::LastYear),
        word(lang, W::Latest),
        word(lang, W::MeasuredOn),
        word(lang, W::Standing),
    ];
    headers(ws, top, &names, &[], fm)?;
    for (i, k) in input.plan.targets.iter().enumerate() {
        let row = top + 1 + n32(i);
        let readings = input
            .desk
            .readings
            .get(&k.id)
            .map_or(&[][..], Vec::as_slice);
        ws.write_string_with_format(row, 0, clean(&k.id), &fm.text)?;
        ws.write_string_with_format(row, 1, clean(&k.title), &fm.wrap)?;
        ws.write_number_with_format(row, 2, k.target / 100.0, &fm.percent)?;
        match k.baseline {
            Some(b) => ws.write_number_with_format(row, 3, b / 100.0, &fm.percent)?,
            None => ws.write_blank(row, 3, &fm.percent)?,
        };
        match latest(readings) {
            Some(r) => {
                ws.write_number_with_format(row, 4, r.value / 100.0, &fm.percent)?;
                ws.write_datetime_with_format(row, 5, r.as_of, &fm.date)?
            }
            None => ws
                .write_blank(row, 4, &fm.percent)?
                .write_blank(row, 5, &fm.date)?,
        };
        let s = standing(k, readings, input.plan.year);
        ws.write_string_with_format(row, 6, crate::i18n::meeting::standing(lang, s), &fm.text)?;
    }
    Ok(())
}

fn pillar_sheet(
    ws: &mut Worksheet,
    tasks: &[&Task],
    input: &WorkbookInput,
    fm: &Formats,
) -> Result<()> {
    let lang = input.lang;
    let h = super::csv::plan_headers(lang);
    let names = [
        h[0],
        h[1],
        h[2],
        h[3],
        h[4],
        h[5],
        h[7],
        h[8],
        word(lang, W::Progress),
        h[11],
        word(lang, W::LatestNote),
    ];
    let widths = [
        7.0, 60.0, 16.0, 28.0, 28.0, 16.0, 12.0, 16.0, 9.0, 24.0, 40.0,
    ];
    headers(ws, 0, &names, &widths, fm)?;
    for (i, t) in tasks.iter().enumerate() {
        let row = n32(i + 1);
        let late = t.timeliness(input.as_of) == Timeliness::OpenOverdue;
        let (text, date, pct) = if late {
            (&fm.late, &fm.late_date, &fm.late_percent)
        } else {
            (&fm.wrap, &fm.date, &fm.whole_percent)
        };
        let note = t.state.current_notes().last().map(|(_, n)| n.text.clone());
        let cells = [
            t.def.id.clone(),
            t.def.title.clone(),
            t.def.timeframe.clone(),
            t.def.lead.join("; "),
            t.def.support.join("; "),
            t.def.funding.clone().unwrap_or_default(),
        ];
        for (c, v) in cells.iter().enumerate() {
            ws.write_string_with_format(row, n16(c), clean(v), text)?;
        }
        match t.deadline() {
            Some(d) => ws.write_datetime_with_format(row, 6, d, date)?,
            None => ws.write_blank(row, 6, date)?,
        };
        ws.write_string_with_format(row, 7, lang.status(t.state.status), text)?;
        ws.write_number_with_format(row, 8, f64::from(t.state.progress) / 100.0, pct)?;
        ws.write_string_with_format(row, 9, lang.timeliness(t.timeliness(input.as_of)), text)?;
        ws.write_string_with_format(row, 10, clean(&note.unwrap_or_default()), text)?;
    }
    finish(ws, tasks.len(), names.len())
}

fn finish(ws: &mut Worksheet, rows: usize, cols: usize) -> Result<()> {
    ws.set_freeze_panes(1, 0)?;
    ws.autofilter(0, 0, n32(rows.max(1)), n16(cols - 1))?;
    Ok(())
}

fn actions_sheet(ws: &mut Worksheet, input: &WorkbookInput, fm: &Formats) -> Result<()> {
    let lang = input.lang;
    let h = super::csv::plan_headers(lang);
    let names = [
        word(lang, W::Meeting),
        word(lang, W::Date),
        h[0],
        h[1],
        h[3],
        h[4],
        h[2],
        h[7],
        h[8],
        word(lang, W::Progress),
        h[11],
    ];
    let widths = [
        10.0, 12.0, 8.0, 60.0, 28.0, 28.0, 18.0, 12.0, 16.0, 9.0, 24.0,
    ];
    headers(ws, 0, &names, &widths, fm)?;
    let mut row = 0;
    for a in &input.desk.actions {
        let Some(t) = input.tasks.iter().find(|t| t.def.id == a.def.id) else {
            continue;
        };
        row += 1;
        ws.write_string_with_format(row, 0, clean(&a.meeting), &fm.text)?;
        match input.desk.meeting(&a.meeting) {
            Some(m) => ws.write_datetime_with_format(row, 1, m.date, &fm.date)?,
            None => ws.write_blank(row, 1, &fm.date)?,
        };
        let cells = [
            t.def.id.clone(),
            t.def.title.clone(),
            t.def.lead.join("; "),
            t.def.support.join("; "),
            t.def.timeframe.clone(),
        ];
        for (c, v) in cells.iter().enumerate() {
            ws.write_string_with_format(row, n16(c + 2), clean(v), &fm.wrap)?;
        }
        match t.deadline() {
            Some(d) => ws.write_datetime_with_format(row, 7, d, &fm.date)?,
            None => ws.write_blank(row, 7, &fm.date)?,
        };
        ws.write_string_with_format(row, 8, lang.status(t.state.status), &fm.text)?;
        ws.write_number_with_format(
            row,
            9,
            f64::from(t.state.progress) / 100.0,
            &fm.whole_percent,
        )?;
        ws.write_string_with_format(
            row,
            10,
            lang.timeliness(t.timeliness(input.as_of)),
            &fm.wrap,
        )?;
    }
    finish(ws, row as usize, names.len())
}

fn changes_sheet(ws: &mut Worksheet, input: &WorkbookInput, fm: &Formats) -> Result<()> {
    let lang = input.lang;
    let names = super::report::change_headers(lang);
    headers(ws, 0, &names, &[17.0, 10.0, 20.0, 30.0, 30.0, 16.0], fm)?;
    let offset = input.zone.offset();
    for (i, e) in input.changes.iter().enumerate() {
        let row = n32(i + 1);
        let at = e.at.with_timezone(&offset).naive_local();
        ws.write_datetime_with_format(row, 0, at, &fm.datetime)?;
        let [field, from, to] = crate::i18n::history::parts(lang, e);
        let cells = [
            e.task.clone().unwrap_or_default(),
            field,
            from,
            to,
            e.who.clone(),
        ];
        for (c, v) in cells.iter().enumerate() {
            ws.write_string_with_format(row, n16(c + 1), clean(v), &fm.wrap)?;
        }
    }
    finish(ws, input.changes.len(), names.len())
}
