//! The sheets laid out as tables: one per pillar like the plan's appendix, the meetings' action
//! items, the change log.

use rust_xlsxwriter::Worksheet;

use super::{Formats, Result, WorkbookInput, clean, finish, fit, headers, n16, n32};
use crate::domain::{Task, Timeliness};
use crate::i18n::papers::{W, word};

pub(super) fn pillar_sheet(
    ws: &mut Worksheet,
    tasks: &[&Task],
    input: &WorkbookInput,
    fm: &Formats,
) -> Result<()> {
    let lang = input.lang;
    let h = crate::export::csv::plan_headers(lang);
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
        let note = clean(&note.unwrap_or_default());
        let wide: Vec<(&str, f64)> = cells
            .iter()
            .map(String::as_str)
            .chain(std::iter::once(note.as_str()))
            .zip([7.0, 60.0, 16.0, 28.0, 28.0, 16.0, 40.0])
            .collect();
        fit(ws, row, &wide)?;
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
        ws.write_string_with_format(row, 10, note, text)?;
    }
    finish(ws, tasks.len(), names.len())
}

pub(super) fn actions_sheet(ws: &mut Worksheet, input: &WorkbookInput, fm: &Formats) -> Result<()> {
    let lang = input.lang;
    let h = crate::export::csv::plan_headers(lang);
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
        let wide: Vec<(&str, f64)> = cells
            .iter()
            .map(String::as_str)
            .zip([8.0, 60.0, 28.0, 28.0, 18.0])
            .collect();
        fit(ws, row, &wide)?;
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

pub(super) fn changes_sheet(ws: &mut Worksheet, input: &WorkbookInput, fm: &Formats) -> Result<()> {
    let lang = input.lang;
    let names = crate::export::report::change_headers(lang);
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
        let wide: Vec<(&str, f64)> = cells
            .iter()
            .map(String::as_str)
            .zip([10.0, 20.0, 30.0, 30.0, 16.0])
            .collect();
        fit(ws, row, &wide)?;
        for (c, v) in cells.iter().enumerate() {
            ws.write_string_with_format(row, n16(c + 1), clean(v), &fm.wrap)?;
        }
    }
    finish(ws, input.changes.len(), names.len())
}
