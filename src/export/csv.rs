//! CSV for people who open it in Excel: headers in the interface language, values as words
//! ("Hoàn thành", "30/06/2025"), a UTF-8 BOM (without it Excel garbles Vietnamese), and either
//! `,` or — for Excel set to Vietnamese regional settings, whose list separator is `;` — `;`.
//! Every cell goes through [`super::sanitize::csv_cell`]: no control characters, no formulas.
//!
//! Two shapes:
//! - [`list_csv`]: one row per task, as `list` shows them (filtered, flat);
//! - [`plan_csv`]: the plan laid out like its appendix — section rows (I, II, ...), the projects
//!   after a second header row — with the recorded state after the appendix's columns. `import`
//!   reads it back (the plan, and each task's status, progress and day done).

use chrono::NaiveDate;

use super::sanitize::csv_cell;
use crate::domain::{Plan, Task};
use crate::i18n::{Lang, Msg, format as vf};

/// The field separator.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Separator {
    /// `,` (the default, and what most programs expect).
    #[default]
    Comma,
    /// `;`, what Excel with Vietnamese regional settings expects.
    Semicolon,
}

impl Separator {
    fn byte(self) -> u8 {
        match self {
            Separator::Comma => b',',
            Separator::Semicolon => b';',
        }
    }
}

/// The appendix's own columns, then the state columns, as headers in `lang`.
pub fn plan_headers(lang: Lang) -> [&'static str; 13] {
    match lang {
        Lang::Vi => [
            "TT",
            "Tên nhiệm vụ",
            "Thời gian thực hiện",
            "Đơn vị chủ trì",
            "Đơn vị phối hợp",
            "Nguồn kinh phí",
            "Ghi chú",
            "Thời hạn",
            "Trạng thái",
            "Tiến độ (%)",
            "Ngày hoàn thành",
            "Đánh giá thời hạn",
            "Ý kiến, kết luận",
        ],
        Lang::En => [
            "TT",
            "Task",
            "Timeframe",
            "Lead",
            "Supporting",
            "Funding",
            "Remark",
            "Deadline",
            "Status",
            "Progress (%)",
            "Done on",
            "Timeliness",
            "Notes and conclusions",
        ],
    }
}

/// The header of the projects' table (its second column).
fn project_title(lang: Lang) -> &'static str {
    match lang {
        Lang::Vi => "Tên dự án",
        Lang::En => "Project",
    }
}

fn writer(sep: Separator) -> csv::Writer<Vec<u8>> {
    csv::WriterBuilder::new()
        .delimiter(sep.byte())
        .from_writer(vec![0xEF, 0xBB, 0xBF])
}

fn finish(w: csv::Writer<Vec<u8>>) -> Result<Vec<u8>, csv::Error> {
    w.into_inner().map_err(|e| csv::Error::from(e.into_error()))
}

/// What stands after the appendix's columns for a task: deadline, status, progress, day done,
/// timeliness, the notes that stand.
fn state_cells(lang: Lang, t: &Task, as_of: NaiveDate) -> [String; 6] {
    let notes: Vec<&str> = t
        .state
        .current_notes()
        .map(|(_, n)| n.text.as_str())
        .collect();
    [
        t.deadline().map(vf::date).unwrap_or_default(),
        lang.status(t.state.status).to_string(),
        t.state.progress.to_string(),
        t.state.completed_on.map(vf::date).unwrap_or_default(),
        lang.timeliness(t.timeliness(as_of)).to_string(),
        notes.join("\n"),
    ]
}

/// The plan laid out like its appendix, with the recorded states, for Excel and for `import`.
pub fn plan_csv(
    plan: &Plan,
    tasks: &[Task],
    as_of: NaiveDate,
    lang: Lang,
    sep: Separator,
) -> Result<Vec<u8>, csv::Error> {
    let mut w = writer(sep);
    let headers = plan_headers(lang);
    w.write_record(headers)?;
    for pillar in &plan.pillars {
        let members: Vec<&Task> = tasks
            .iter()
            .filter(|t| t.def.pillar == pillar.key)
            .collect();
        if members.is_empty() {
            continue;
        }
        if pillar.numeral.is_empty() {
            // The investment projects: a table of their own, under a second header row.
            let mut second = headers;
            second[1] = project_title(lang);
            w.write_record(second)?;
        } else {
            let mut section = vec![String::new(); headers.len()];
            section[0].clone_from(&pillar.numeral);
            section[1] = csv_cell(&pillar.vi);
            w.write_record(&section)?;
        }
        for t in members {
            let number = t.def.id.rsplit('.').next().unwrap_or(&t.def.id);
            let d = &t.def;
            let mut cells = vec![
                number.to_string(),
                d.title.clone(),
                d.timeframe.clone(),
                d.lead.join("; "),
                d.support.join("; "),
                d.funding.clone().unwrap_or_default(),
                d.remark.clone().unwrap_or_default(),
            ];
            cells.extend(state_cells(lang, t, as_of));
            w.write_record(cells.iter().map(|c| csv_cell(c)))?;
        }
    }
    finish(w)
}

/// Tasks as `list` shows them, one row each, with their pillar named.
pub fn list_csv(
    pillars: &[crate::domain::Pillar],
    tasks: &[&Task],
    as_of: NaiveDate,
    lang: Lang,
    sep: Separator,
) -> Result<Vec<u8>, csv::Error> {
    let mut w = writer(sep);
    let h = plan_headers(lang);
    let pillar = lang.t(Msg::Pillar);
    w.write_record([
        h[0], pillar, h[1], h[2], h[7], h[3], h[4], h[5], h[8], h[9], h[10], h[11], h[12],
    ])?;
    for t in tasks {
        let d = &t.def;
        let group = pillars
            .iter()
            .find(|p| p.key == d.pillar)
            .map_or_else(|| d.pillar.clone(), |p| vf::pillar_label(lang, p));
        let [deadline, status, progress, done_on, timeliness, notes] = state_cells(lang, t, as_of);
        let cells = [
            d.id.clone(),
            group,
            d.title.clone(),
            d.timeframe.clone(),
            deadline,
            d.lead.join("; "),
            d.support.join("; "),
            d.funding.clone().unwrap_or_default(),
            status,
            progress,
            done_on,
            timeliness,
            notes,
        ];
        w.write_record(cells.iter().map(|c| csv_cell(c)))?;
    }
    finish(w)
}
